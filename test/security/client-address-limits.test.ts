// The rate limits keyed by the client address (#16.5) count an IPv6 client by its /64 network, since
// one connection usually gets a whole /64 and can pick a new address in it for every request.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, startTestApp } from "../support/testApp.js";
import { buildWebsiteScene } from "../support/website.js";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ env: { LOGIN_RATE_PER_MINUTE: "5", PUBLIC_SESSIONS_PER_IP: "3" } });
});
afterAll(() => t.close());

describe("rate limits by client address", () => {
  it("limits sign-in requests from one IPv6 /64 network however the addresses rotate", async () => {
    const attempt = (remoteAddress: string) =>
      t.app.inject({
        method: "POST",
        url: "/api/auth/login",
        payload: { email: "niemand@example.org", password: "irgendein-Passwort-1" },
        remoteAddress,
      });
    const answers = [];
    for (let i = 1; i <= 6; i++) answers.push((await attempt(`2001:db8:5:6::${i}`)).statusCode);
    expect(answers).toEqual([401, 401, 401, 401, 401, 429]);
    expect((await attempt("2001:db8:5:7::1")).statusCode).toBe(401);
  });

  it("limits the citizens' sessions from one IPv6 /64 network however the addresses rotate", async () => {
    const scene = await buildWebsiteScene(t.ctx);
    const open = (remoteAddress: string) =>
      t.app.inject({ method: "POST", url: `/api/public/orgs/${scene.org.slug}/sessions`, remoteAddress });
    const answers = [];
    for (let i = 1; i <= 4; i++) answers.push((await open(`2001:db8:5:8:${i}::1`)).statusCode);
    expect(answers).toEqual([201, 201, 201, 429]);
    expect((await open("2001:db8:5:9::1")).statusCode).toBe(201);
  });
});
