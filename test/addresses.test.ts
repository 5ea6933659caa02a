// Unknown and malformed addresses: every part of the server answers them in its own format — the API
// with draht's JSON error, the citizens' pages with the public "Nicht gefunden" page, and only the
// staff app's own paths with the staff app.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildOrg } from "./support/factories.js";
import { type TestApp, startTestApp } from "./support/testApp.js";

const STAFF_SHELL = "<!doctype html><title>draht</title><div id=root>staff app shell</div>";
let webRoot: string;
let t: TestApp;
let org: { slug: string; name: string };
beforeAll(async () => {
  webRoot = mkdtempSync(path.join(tmpdir(), "draht-web-"));
  writeFileSync(path.join(webRoot, "index.html"), STAFF_SHELL);
  t = await startTestApp({ webRoot });
  org = await buildOrg(t.ctx, { name: "Stadt Musterstadt" });
});
afterAll(async () => {
  await t.close();
  rmSync(webRoot, { recursive: true, force: true });
});

const get = (url: string) => t.app.inject({ method: "GET", url });

function expectPublicPage(response: Awaited<ReturnType<typeof get>>, status: number, heading: string) {
  expect(response.statusCode).toBe(status);
  expect(response.headers["content-type"]).toBe("text/html; charset=utf-8");
  expect(response.body).toContain('<html lang="de">');
  expect(response.body).toContain(`<h1>${heading}</h1>`);
  expect(response.body).toContain('<link rel="stylesheet" href="/p/assets/public.css">');
  expect(response.body).not.toContain("staff app shell");
}

function expectDrahtError(response: Awaited<ReturnType<typeof get>>, status: number, code: string) {
  expect(response.statusCode).toBe(status);
  expect(response.json()).toMatchObject({
    error: { code: `DRAHT_ERR_${code}`, key: `errors.${code}`, requestId: response.headers["x-request-id"] },
  });
}

describe("an unknown address under /p/", () => {
  it("answers 404 with the public page 'Nicht gefunden' in the organisation's layout", async () => {
    const response = await get(`/p/${org.slug}/xyz`);
    expectPublicPage(response, 404, "Nicht gefunden");
    expect(response.body).toContain("Stadt Musterstadt");
    expect(response.body).toContain(`href="/p/${org.slug}/netiquette"`);
  });

  it("answers 404 with the public page for an organisation that does not exist, however deep the path", async () => {
    expectPublicPage(await get("/p/gibt-es-nicht/beitrag/1/2/3"), 404, "Nicht gefunden");
    expectPublicPage(await get("/p/"), 404, "Nicht gefunden");
  });

  it("answers 404 with the organisation's layout for a malformed post id", async () => {
    const response = await get(`/p/${org.slug}/beitrag/keine-uuid`);
    expectPublicPage(response, 404, "Nicht gefunden");
    expect(response.body).toContain("Stadt Musterstadt");
  });
});

describe("the staff app", () => {
  it("is served for its own paths", async () => {
    for (const url of ["/", "/login", "/o/6f1c2b9e-5a7d-4f3e-9c2b-1a2b3c4d5e6f/inbox"]) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(200);
      expect(response.body, url).toContain("staff app shell");
    }
  });

  it("is never served for the API, the citizens' pages or the widget", async () => {
    expectDrahtError(await get("/api/gibt-es-nicht"), 404, "NOT_FOUND");
    expectDrahtError(await get("/api/public/orgs/x/gibt-es-nicht"), 404, "NOT_FOUND");
    expectPublicPage(await get("/p/x/y"), 404, "Nicht gefunden");
    const widget = await get("/widget/gibt-es-nicht.js");
    expect(widget.statusCode).toBe(404);
    expect(widget.body).not.toContain("staff app shell");
  });
});

describe("an address with bad %-encoding", () => {
  it("answers 400 in draht's JSON error format under /api", async () => {
    const response = await get("/api/orgs/%ZZ/inbox/conversations");
    expectDrahtError(response, 400, "VALIDATION_FAILED");
    expect(response.json().error.message).toMatch(/Adresse/);
  });

  it("answers 400 with the public error page under /p/", async () => {
    const broken = await get("/p/%E0%A4%A");
    expectPublicPage(broken, 400, "Ungültige Adresse");
    expect(broken.headers["content-security-policy"]).toContain("default-src 'self'");
    expectPublicPage(await get(`/p/${org.slug}/beitrag/%ZZ`), 400, "Ungültige Adresse");
  });

  it("answers 400 in draht's JSON error format on any other path", async () => {
    expectDrahtError(await get("/o/%ZZ"), 400, "VALIDATION_FAILED");
  });

  it("treats an overlong segment the same way", async () => {
    const response = await get(`/api/orgs/${"a".repeat(500)}/inbox/conversations`);
    expectDrahtError(response, 400, "VALIDATION_FAILED");
    expect(response.json().error.details).toEqual({ reason: "address_too_long" });
  });
});
