// The API's description for integrators: an OpenAPI 3.1 document generated from the contract
// (src/contract/) and from the access each registered route declares, served at /api/openapi.json.
// Schemas come from zod's own JSON Schema output (draft 2020-12, the dialect of OpenAPI 3.1); named
// shapes (`.meta({ id })`) become components, so the document stays readable.
import { z } from "zod";
import { ZErrorBody } from "../contract/common.js";
import { type ApiRouteKey, apiContract } from "../contract/index.js";
import { type Answer, type RouteContract, isRawAnswer, splitRouteKey } from "../contract/route.js";
import type { RegisteredRoute, RouteAccess } from "./access.js";

type Json = Record<string, unknown>;

export const SECURITY_SCHEMES = {
  sessionCookie: {
    type: "apiKey",
    in: "cookie",
    name: "draht_session",
    description: "Staff session, set by POST /api/auth/login (HTTP-only cookie).",
  },
  csrfToken: {
    type: "apiKey",
    in: "header",
    name: "x-csrf-token",
    description: "The session's CSRF token (GET /api/auth/session), required on every state-changing request.",
  },
  citizenSession: {
    type: "apiKey",
    in: "header",
    name: "x-draht-session",
    description: "A citizen session's bearer token (POST /api/public/orgs/{org}/sessions); no cookies.",
  },
} as const;

export function buildOpenApiDocument(args: { routes: readonly RegisteredRoute[]; version: string; serverUrl: string }) {
  const schemas = new SchemaCollector();
  const accessOf = new Map(args.routes.map((r) => [`${r.method} ${r.url}`, r.access]));
  const paths: Record<string, Record<string, Json>> = {};
  for (const key of Object.keys(apiContract) as ApiRouteKey[]) {
    const { method, path } = splitRouteKey(key);
    const openApiPath = path.replace(/:(\w+)/g, "{$1}");
    const access = accessOf.get(key) ?? { kind: "public" };
    paths[openApiPath] = {
      ...paths[openApiPath],
      [method.toLowerCase()]: operationOf(key, apiContract[key], access, schemas),
    };
  }
  const tags = [...new Set(Object.values(apiContract).map((r: RouteContract) => r.tag))].map((name) => ({ name }));
  const error = { description: "An error.", content: { "application/json": { schema: schemas.of(ZErrorBody) } } };
  return {
    openapi: "3.1.0",
    info: {
      title: "draht API",
      version: args.version,
      description:
        "The HTTP API of draht: staff routes under /api (session cookie, plus x-csrf-token on changes) and the " +
        "citizens' API under /api/public (x-draht-session). Errors: { error: { code, key, message, details, " +
        "requestId } } with the codes of docs/ERRORS.md.",
      license: { name: "AGPL-3.0-or-later", identifier: "AGPL-3.0-or-later" },
    },
    servers: [{ url: args.serverUrl }],
    tags,
    paths,
    components: {
      schemas: schemas.all(),
      responses: { Error: error },
      securitySchemes: SECURITY_SCHEMES,
    },
  };
}

function operationOf(key: ApiRouteKey, route: RouteContract, access: RouteAccess, schemas: SchemaCollector): Json {
  const { method } = splitRouteKey(key);
  const parameters = [...parametersOf(route.params, "path", schemas), ...parametersOf(route.query, "query", schemas)];
  return {
    operationId: operationIdOf(key),
    tags: [route.tag],
    summary: route.summary,
    ...(route.description ? { description: route.description } : {}),
    ...(parameters.length > 0 ? { parameters } : {}),
    ...requestBodyOf(route, schemas),
    responses: { ...successResponsesOf(route, schemas), ...errorResponsesOf(key, route, access) },
    security: securityOf(method, access, route),
    "x-draht-access": access,
  };
}

function parametersOf(schema: z.ZodObject | undefined, place: "path" | "query", schemas: SchemaCollector): Json[] {
  if (!schema) return [];
  const json = schemas.of(schema);
  const properties = (json.properties ?? {}) as Record<string, Json>;
  const required = new Set((json.required ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => {
    const { description, ...rest } = property;
    return {
      name,
      in: place,
      required: place === "path" || required.has(name),
      ...(typeof description === "string" ? { description } : {}),
      schema: rest,
    };
  });
}

function requestBodyOf(route: RouteContract, schemas: SchemaCollector): Json {
  if (route.rawBody)
    return { requestBody: { required: true, content: Object.fromEntries(route.rawBody.map((type) => [type, {}])) } };
  if (!route.body) return {};
  return {
    requestBody: {
      required: !route.body.safeParse(undefined).success,
      content: { "application/json": { schema: schemas.of(route.body) } },
    },
  };
}

function successResponsesOf(route: RouteContract, schemas: SchemaCollector): Json {
  const entries = Object.entries(route.responses).filter((e): e is [string, Answer] => e[1] !== undefined);
  return Object.fromEntries(
    entries.map(([status, answer]) => {
      if (!isRawAnswer(answer))
        return [status, { description: "Success.", content: { "application/json": { schema: schemas.of(answer) } } }];
      if (answer.raw === "redirect")
        return [status, { description: answer.description, headers: { location: { schema: { type: "string" } } } }];
      const content = Object.fromEntries((answer.contentTypes ?? []).map((type) => [type, {}]));
      return [status, { description: answer.description, ...(answer.raw === "empty" ? {} : { content }) }];
    }),
  );
}

/** The errors a route can answer with, by what it takes and who may call it; `default` covers the rest. */
function errorResponsesOf(key: ApiRouteKey, route: RouteContract, access: RouteAccess): Json {
  const error = { $ref: "#/components/responses/Error" };
  const statuses: string[] = [];
  if (route.params || route.query || route.body || route.rawBody) statuses.push("400");
  if (access.kind !== "public") statuses.push("401", "403");
  if (route.params || access.kind === "org") statuses.push("404");
  if (key === "POST /api/auth/login" || key.includes(" /api/public/")) statuses.push("429");
  return Object.fromEntries([...statuses.map((s) => [s, error]), ["default", error]]);
}

function securityOf(method: string, access: RouteAccess, route: RouteContract): Json[] {
  if (access.kind !== "public") {
    const unsafe = method !== "GET";
    return [unsafe ? { sessionCookie: [], csrfToken: [] } : { sessionCookie: [] }];
  }
  if (route.citizenSession === "required") return [{ citizenSession: [] }];
  if (route.citizenSession === "optional") return [{}, { citizenSession: [] }];
  return [];
}

/** "GET /api/orgs/:orgId/inbox/conversations" → "getOrgsByOrgIdInboxConversations". */
export function operationIdOf(key: ApiRouteKey): string {
  const { method, path } = splitRouteKey(key);
  const words = path
    .split(/[/.-]/)
    .filter((part) => part && part !== "api")
    .map((part) => (part.startsWith(":") ? `By${capitalised(part.slice(1))}` : capitalised(part)));
  return `${method.toLowerCase()}${words.join("")}`;
}

const capitalised = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/**
 * Turns zod schemas into JSON Schema for the document. zod puts named shapes under the schema's own
 * `$defs`; in an OpenAPI document references resolve against the document, so they move to
 * components.schemas and the references are rewritten.
 */
class SchemaCollector {
  private readonly named: Record<string, Json> = {};

  /** The schema for the document: named shapes inside it (or itself) become references. */
  of(schema: z.ZodType): Json {
    const json = z.toJSONSchema(schema, {
      target: "draft-2020-12",
      io: "input",
      unrepresentable: "any",
      cycles: "ref",
      reused: "inline",
    }) as Json;
    const { $schema: _dialect, $defs, ...rest } = json;
    for (const [id, definition] of Object.entries(($defs ?? {}) as Record<string, Json>)) {
      const moved = rewriteRefs(definition) as Json;
      const known = this.named[id];
      if (known && JSON.stringify(known) !== JSON.stringify(moved))
        throw new Error(`Two different schemas are named ${id} in the contract`);
      this.named[id] = moved;
    }
    return rewriteRefs(rest) as Json;
  }

  all(): Record<string, Json> {
    return Object.fromEntries(Object.entries(this.named).sort(([a], [b]) => a.localeCompare(b)));
  }
}

function rewriteRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rewriteRefs);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) =>
      key === "$ref" && typeof inner === "string"
        ? [key, inner.replace(/^#\/\$defs\//, "#/components/schemas/")]
        : [key, rewriteRefs(inner)],
    ),
  );
}
