import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, startTestApp } from "./support/testApp.js";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ env: { BODY_LIMIT_BYTES: "2048" } });
});
afterAll(() => t.close());

describe("operations", () => {
  it("answers health and readiness", async () => {
    expect((await t.app.inject({ url: "/healthz" })).json()).toEqual({ status: "ok" });
    expect((await t.app.inject({ url: "/readyz" })).json()).toEqual({ status: "ready" });
  });

  it("sends security headers and a request id", async () => {
    const response = await t.app.inject({ url: "/healthz" });
    expect(response.headers["content-security-policy"]).toContain("default-src 'self'");
    expect(response.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
    expect(response.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("refuses oversized bodies with a clear error", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { email: "a@b.de", password: "x".repeat(4000) },
    });
    expect(response.statusCode).toBe(413);
    expect(response.json().error.code).toBe("DRAHT_ERR_PAYLOAD_TOO_LARGE");
  });

  it("answers unknown API routes and malformed JSON with structured errors", async () => {
    const missing = await t.app.inject({ url: "/api/nope" });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.key).toBe("errors.NOT_FOUND");
    const malformed = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      headers: { "content-type": "application/json" },
      payload: "{nope",
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.code).toBe("DRAHT_ERR_VALIDATION_FAILED");
  });
});
