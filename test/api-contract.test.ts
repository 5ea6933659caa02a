// The one contract between server and clients: /api/openapi.json describes every registered route
// (method, parameters, body, answers, errors, security) as a valid OpenAPI 3.1 document, requests that
// break the contract are refused with draht's 400, and answers carry only the contract's fields.
import { randomUUID } from "node:crypto";
import { Validator } from "@seriousme/openapi-schema-validator";
import Fastify from "fastify";
import type { z } from "zod";
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import { type ApiRouteKey, apiContract } from "../src/contract/index.js";
import { type ResponseOf, type RouteContract, isRawAnswer } from "../src/contract/route.js";
import { contractRoute, registerContractHandling } from "../src/server/contractRoutes.js";
import { registerErrorHandling } from "../src/server/plugins/errors.js";
import { buildChannelAccount, buildMember, buildOrg } from "./support/factories.js";
import { type SignedIn, type TestApp, signIn, startTestApp } from "./support/testApp.js";
import type { WidgetFeed, WidgetThread } from "../widget/src/types.js";

interface Operation {
  operationId: string;
  parameters?: { name: string; in: string; required: boolean }[];
  requestBody?: { content: Record<string, unknown> };
  responses: Record<string, { $ref?: string; content?: Record<string, { schema?: unknown }> }>;
  security: Record<string, string[]>[];
  "x-draht-access": unknown;
}
interface Document {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { securitySchemes: Record<string, unknown>; schemas: Record<string, unknown> };
}

let t: TestApp;
let document: Document;
let admin: SignedIn;
let orgId: string;
beforeAll(async () => {
  t = await startTestApp();
  const response = await t.app.inject({ method: "GET", url: "/api/openapi.json" });
  expect(response.statusCode).toBe(200);
  document = response.json() as Document;
  orgId = (await buildOrg(t.ctx)).id;
  const member = await buildMember(t.ctx, orgId, { roles: ["administrator"] });
  admin = await signIn(t.app, member.email, member.password);
});
afterAll(() => t.close());

const operationOf = (method: string, url: string) =>
  document.paths[url.replace(/:(\w+)/g, "{$1}")]?.[method.toLowerCase()];

describe("the API description", () => {
  it("is an OpenAPI 3.1 document that a validator accepts", async () => {
    expect(document.openapi).toBe("3.1.0");
    const validator = new Validator();
    const result = await validator.validate(JSON.parse(JSON.stringify(document)));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("describes every registered route with its path parameters, a success answer and the error shape", () => {
    expect(t.routes.length).toBeGreaterThan(100);
    for (const route of t.routes) {
      const operation = operationOf(route.method, route.url);
      expect(operation, `${route.method} ${route.url}`).toBeDefined();
      if (!operation) continue;
      const pathParameters = [...route.url.matchAll(/:(\w+)/g)].map((m) => m[1]);
      const declared = (operation.parameters ?? []).filter((p) => p.in === "path").map((p) => p.name);
      expect(declared.sort(), `${route.method} ${route.url}`).toEqual(pathParameters.sort());
      const statuses = Object.keys(operation.responses);
      expect(
        statuses.some((s) => s.startsWith("2") || s.startsWith("3")),
        `${route.method} ${route.url}`,
      ).toBe(true);
      expect(operation.responses.default?.$ref).toBe("#/components/responses/Error");
      expect(operation["x-draht-access"]).toEqual(route.access);
    }
  });

  it("lists nothing that is not registered, and the health checks", () => {
    const registered = new Set(t.routes.map((r) => `${r.method} ${r.url.replace(/:(\w+)/g, "{$1}")}`));
    const described = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
    );
    const extra = described.filter((d) => !registered.has(d));
    expect(extra.sort()).toEqual(["GET /healthz", "GET /readyz"]);
  });

  it("gives every route the query, body and answer schemas of its contract", () => {
    for (const route of t.routes) {
      const key = `${route.method} ${route.url}`;
      const contract: RouteContract = apiContract[key as ApiRouteKey];
      const operation = operationOf(route.method, route.url);
      expect(contract, key).toBeDefined();
      const queryNames = (operation?.parameters ?? []).filter((p) => p.in === "query").map((p) => p.name);
      expect(queryNames.sort(), key).toEqual(Object.keys(contract.query?.shape ?? {}).sort());
      expect(Boolean(operation?.requestBody), key).toBe(Boolean(contract.body ?? contract.rawBody));
      for (const [status, answer] of Object.entries(contract.responses)) {
        const described = operation?.responses[status];
        expect(described, `${key} ${status}`).toBeDefined();
        if (answer && !isRawAnswer(answer))
          expect(described?.content?.["application/json"]?.schema, `${key} ${status}`).toBeDefined();
      }
    }
    expect(operationOf("POST", "/api/orgs/:orgId/inbox/conversations/:conversationId/replies")?.requestBody).toEqual({
      required: true,
      content: { "application/json": { schema: expect.objectContaining({ type: "object" }) } },
    });
    const list = operationOf("GET", "/api/orgs/:orgId/inbox/conversations");
    expect(list?.parameters?.map((p) => p.name)).toEqual(expect.arrayContaining(["orgId", "status", "assignee"]));
    expect(list?.responses["200"]?.content?.["application/json"]?.schema).toBeDefined();
  });

  it("names the session cookie and CSRF header for staff, and the citizen session header for the public API", () => {
    expect(Object.keys(document.components.securitySchemes).sort()).toEqual([
      "citizenSession",
      "csrfToken",
      "sessionCookie",
    ]);
    expect(operationOf("GET", "/api/orgs/:orgId/inbox/conversations")?.security).toEqual([{ sessionCookie: [] }]);
    expect(operationOf("POST", "/api/orgs/:orgId/inbox/status")?.security).toEqual([
      { sessionCookie: [], csrfToken: [] },
    ]);
    expect(operationOf("POST", "/api/public/orgs/:org/posts/:entryId/comments")?.security).toEqual([
      { citizenSession: [] },
    ]);
    expect(operationOf("POST", "/api/auth/login")?.security).toEqual([]);
  });
});

/** Where a schema transforms one way only: such a schema cannot encode an answer (zod refuses at run time). */
function oneWayTransformsIn(schema: z.ZodType, path = "", seen = new Set<z.ZodType>()): string[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const def = schema.def as unknown as Record<string, unknown> & { type: string };
  if (def.type === "transform") return [path];
  const inner = (value: unknown, at: string) => (value ? oneWayTransformsIn(value as z.ZodType, at, seen) : []);
  if (def.type === "object")
    return [
      ...Object.entries((schema as z.ZodObject).shape).flatMap(([key, value]) => inner(value, `${path}.${key}`)),
      ...inner(def.catchall, `${path}.*`),
    ];
  if (def.type === "array") return inner(def.element, `${path}[]`);
  if (def.type === "record") return inner(def.valueType, `${path}{}`);
  if (def.type === "union") return (def.options as z.ZodType[]).flatMap((option) => inner(option, path));
  if (def.type === "pipe") return [...inner(def.in, path), ...inner(def.out, path)];
  if (def.type === "lazy") return inner((def.getter as () => z.ZodType)(), path);
  return inner(def.innerType, path);
}

describe("requests and answers under the contract", () => {
  it("can serialise every answer: no answer schema transforms one way only", () => {
    const oneWay = Object.entries(apiContract).flatMap(([key, route]: [string, RouteContract]) =>
      Object.entries(route.responses).flatMap(([status, answer]) =>
        answer && !isRawAnswer(answer) ? oneWayTransformsIn(answer).map((at) => `${key} ${status} ${at}`) : [],
      ),
    );
    expect(oneWay).toEqual([]);
  });

  it("answers with the website settings after origins for embedding were set", async () => {
    const settings = (await admin.request("GET", `/api/orgs/${orgId}/website/settings`)).json() as {
      settings: Record<string, unknown>;
    };
    const saved = await admin.request("PUT", `/api/orgs/${orgId}/website/settings`, {
      ...settings.settings,
      embedOrigins: ["https://www.musterstadt.example/"],
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ settings: { embedOrigins: ["https://www.musterstadt.example"] } });
  });

  it("refuses a body that breaks the contract with draht's 400 naming the field", async () => {
    const response = await admin.request("POST", `/api/orgs/${orgId}/inbox/status`, {
      conversationIds: [],
      event: "vanished",
    });
    expect(response.statusCode).toBe(400);
    const { error } = response.json() as {
      error: { code: string; key: string; details: { issues: { path: string }[] } };
    };
    expect(error.code).toBe("DRAHT_ERR_VALIDATION_FAILED");
    expect(error.key).toBe("errors.VALIDATION_FAILED");
    expect(error.details.issues.map((i) => i.path).sort()).toEqual(["conversationIds", "event"]);
  });

  it("refuses a query that breaks the contract with draht's 400", async () => {
    const response = await admin.request("GET", `/api/orgs/${orgId}/inbox/conversations?intent=gossip`);
    expect(response.statusCode).toBe(400);
    expect((response.json() as { error: { code: string } }).error.code).toBe("DRAHT_ERR_VALIDATION_FAILED");
  });

  it("sends only the fields the contract names", async () => {
    await buildChannelAccount(t.ctx, orgId, { name: "Stadtwebsite", network: "website" });
    const response = await admin.request("GET", `/api/orgs/${orgId}/channels`);
    expect(response.statusCode).toBe(200);
    const [channel] = (response.json() as { channels: Record<string, unknown>[] }).channels;
    expect(channel).toMatchObject({ name: "Stadtwebsite", network: "website" });
    // The organisation is in the address; internal columns are not part of the answer.
    expect(channel).not.toHaveProperty("orgId");
    expect(typeof channel?.createdAt).toBe("string");
  });

  // The widget keeps its own types (it imports nothing of the contract); the encoder drops what the contract
  // does not name, so a field the widget reads must be in the contract. npm run typecheck checks this.
  it("names in the citizens' answers every field the widget reads", () => {
    type Answer<K extends ApiRouteKey> = ResponseOf<(typeof apiContract)[K]>;
    expectTypeOf<Answer<"GET /api/public/orgs/:org/posts/:entryId">>().toExtend<WidgetThread>();
    expectTypeOf<Answer<"GET /api/public/orgs/:org/feed">>().toExtend<WidgetFeed>();
  });
});

describe("a route that breaks its contract", () => {
  const bareApp = () => {
    const app = Fastify();
    registerErrorHandling(app);
    registerContractHandling(app);
    return app;
  };

  it("answers 500 instead of an answer of another shape, and nothing of that answer reaches the client", async () => {
    const app = bareApp();
    const wrong = { id: randomUUID(), name: "Stadt", secretToken: "geheim" };
    contractRoute(app, "GET /api/orgs/:orgId", { config: { access: { kind: "public" } } }, async () => wrong as never);
    const response = await app.inject({ method: "GET", url: `/api/orgs/${randomUUID()}` });
    expect(response.statusCode).toBe(500);
    expect((response.json() as { error: { code: string } }).error.code).toBe("DRAHT_ERR_INTERNAL");
    expect(response.body).not.toContain("geheim");
    await app.close();
  });

  it("answers 500 for a success status its contract does not declare", async () => {
    const app = bareApp();
    contractRoute(app, "GET /api/openapi.json", { config: { access: { kind: "public" } } }, async (_request, reply) =>
      reply.status(202).send({ accepted: true }),
    );
    const response = await app.inject({ method: "GET", url: "/api/openapi.json" });
    expect(response.statusCode).toBe(500);
    await app.close();
  });

  it("cannot be registered under /api without the contract", () => {
    const app = bareApp();
    expect(() => app.get("/api/unlisted", { config: { access: { kind: "public" } } }, async () => ({}))).toThrow(
      /not registered from the contract/,
    );
  });
});
