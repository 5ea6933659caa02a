// /api/openapi.json: the API's OpenAPI 3.1 description, built once from the contract and the routes
// as registered (with their access), for integrators and for the contract test.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { PACKAGE_ROOT } from "../../paths.js";
import type { RegisteredRoute } from "../access.js";
import { contractRoute } from "../contractRoutes.js";
import { buildOpenApiDocument } from "../openapi.js";

export function openApiRoutes(
  app: FastifyInstance,
  options: { routes: readonly RegisteredRoute[]; serverUrl: string },
) {
  let document: ReturnType<typeof buildOpenApiDocument> | undefined;
  contractRoute(app, "GET /api/openapi.json", { config: { access: { kind: "public" } } }, async (_request, reply) => {
    // Built on first use: by then every route is registered.
    document ??= buildOpenApiDocument({
      routes: options.routes,
      version: packageVersion(),
      serverUrl: options.serverUrl,
    });
    reply.header("cache-control", "public, max-age=300");
    return document;
  });
}

function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(path.join(PACKAGE_ROOT, "package.json"), "utf8")) as { version?: string };
  return manifest.version ?? "0.0.0";
}
