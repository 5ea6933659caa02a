// Routes are registered from the contract (src/contract/): Fastify validates params, query and body with
// the contract's zod schemas (a failure becomes draht's 400 in plugins/errors.ts) and serialises every
// JSON answer through the contract's response schema — a use case returning another shape fails with a
// 500 instead of reaching a client, and fields the contract does not name never leave the server.
import type { FastifyContextConfig, FastifyInstance, FastifyReply, FastifyRequest, FastifySchema } from "fastify";
import { z } from "zod";
import { type ApiContract, type ApiRouteKey, apiContract } from "../contract/index.js";
import {
  type HandlerResultOf,
  type ParsedRequestOf,
  type RouteContract,
  isRawAnswer,
  splitRouteKey,
} from "../contract/route.js";
import type { RouteAccess } from "./access.js";

declare module "fastify" {
  interface FastifyContextConfig {
    /** The contract route this route implements; every route under /api names one. */
    contract?: ApiRouteKey;
  }
}

/** Paths outside /api that are part of the contract too (orchestrators call them). */
const CONTRACT_PATHS_OUTSIDE_API = new Set(["/healthz", "/readyz"]);

export function registerContractHandling(app: FastifyInstance): void {
  app.setValidatorCompiler(({ schema, httpPart }) => (data: unknown) => {
    // Fastify hands a missing body over as null; a schema with a default for it should see "nothing".
    const input = httpPart === "body" && data === null ? undefined : data;
    const result = (schema as z.ZodType).safeParse(input);
    return result.success ? { value: result.data } : { error: result.error };
  });
  app.setSerializerCompiler(({ schema, url, httpStatus }) => (data: unknown) => {
    const result = z.safeEncode(schema as z.ZodType, data);
    if (!result.success) {
      // Not a ZodError: the client sent nothing wrong, the server broke its contract (500, logged).
      const issues = result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
      throw new Error(`answer of ${url} (${httpStatus}) does not match the contract: ${issues}`);
    }
    return JSON.stringify(result.data);
  });

  app.addHook("onRoute", (route) => {
    const underContract = route.url.startsWith("/api/") || CONTRACT_PATHS_OUTSIDE_API.has(route.url);
    if (!underContract) return;
    const key = route.config?.contract;
    const methods = [route.method].flat().filter((m) => m !== "HEAD");
    if (!key || methods.some((m) => `${m} ${route.url}` !== key))
      throw new Error(`Route ${methods.join(",")} ${route.url} is not registered from the contract (src/contract/)`);
  });

  // A success status the contract has no JSON schema for would go out unchecked: refuse it.
  app.addHook("preSerialization", async (request, reply, payload) => {
    const key = request.routeOptions.config.contract;
    const status = reply.statusCode;
    if (!key || status >= 300) return payload;
    const answer = (apiContract[key] as RouteContract).responses[status];
    if (!answer || isRawAnswer(answer))
      throw new Error(`${key} answered ${status}, which its contract does not declare`);
    return payload;
  });
}

type Route<K extends ApiRouteKey> = ApiContract[K];

export type ContractRequest<K extends ApiRouteKey> = FastifyRequest<ParsedRequestOf<Route<K>>>;

export interface ContractRouteOptions {
  config: FastifyContextConfig & { access: RouteAccess };
  bodyLimit?: number;
}

/**
 * Registers the route `key` of the contract: its method and path, its schemas, and the handler, whose
 * request is typed by the contract's input schemas and whose result must have the shape of its answers.
 */
export function contractRoute<K extends ApiRouteKey>(
  app: FastifyInstance,
  key: K,
  options: ContractRouteOptions,
  handler: (request: ContractRequest<K>, reply: FastifyReply) => Promise<HandlerResultOf<Route<K>> | FastifyReply>,
): void {
  const { method, path } = splitRouteKey(key);
  app.route<ParsedRequestOf<Route<K>>>({
    method,
    url: path,
    schema: schemaOf(apiContract[key]),
    config: { ...options.config, contract: key },
    ...(options.bodyLimit === undefined ? {} : { bodyLimit: options.bodyLimit }),
    handler,
  });
}

function schemaOf(route: RouteContract): FastifySchema {
  const response = Object.fromEntries(
    Object.entries(route.responses).filter((entry): entry is [string, z.ZodType] => {
      const answer = entry[1];
      return answer !== undefined && !isRawAnswer(answer);
    }),
  );
  return {
    ...(route.params ? { params: route.params } : {}),
    ...(route.query ? { querystring: route.query } : {}),
    ...(route.body ? { body: route.body } : {}),
    response,
  };
}
