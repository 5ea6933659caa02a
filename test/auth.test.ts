import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildMember, buildOrg } from "./support/factories.js";
import { type TestApp, sessionCookieOf, signIn, startTestApp } from "./support/testApp.js";

let t: TestApp;
let now = new Date("2026-11-24T09:00:00Z");
beforeAll(async () => {
  t = await startTestApp({ clock: () => now, env: { LOGIN_MAX_FAILURES: "3", LOGIN_MAX_WAIT_MINUTES: "15" } });
});
afterAll(() => t.close());

const login = (email: string, password: string) =>
  t.app.inject({ method: "POST", url: "/api/auth/login", payload: { email, password } });

describe("login", () => {
  it("signs in with e-mail and password and sets a protected session cookie", async () => {
    const org = await buildOrg(t.ctx);
    const member = await buildMember(t.ctx, org.id, { roles: ["editor"] });
    const response = await login(member.email.toUpperCase(), member.password);
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === "draht_session");
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
    const session = await t.app.inject({
      method: "GET",
      url: "/api/auth/session",
      headers: { cookie: sessionCookieOf(response) },
    });
    expect(session.json()).toMatchObject({
      user: { email: member.email },
      organisations: [{ id: org.id, roles: ["editor"] }],
    });
  });

  it("refuses a wrong password and an unknown e-mail with the same answer", async () => {
    const org = await buildOrg(t.ctx);
    const member = await buildMember(t.ctx, org.id);
    const wrong = await login(member.email, "falsches-Passwort-123");
    const unknown = await login("niemand@example.org", "falsches-Passwort-123");
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe("DRAHT_ERR_INVALID_CREDENTIALS");
    expect(unknown.json().error.code).toBe(wrong.json().error.code);
    expect(wrong.cookies).toHaveLength(0);
  });

  it("rate-limits login attempts per client address", async () => {
    const limited = await startTestApp({ env: { LOGIN_RATE_PER_MINUTE: "3" } });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 5; i++) {
        codes.push(
          (
            await limited.app.inject({
              method: "POST",
              url: "/api/auth/login",
              payload: { email: "x@example.org", password: "irgendwas-12345" },
            })
          ).statusCode,
        );
      }
      expect(codes).toEqual([401, 401, 401, 429, 429]);
    } finally {
      await limited.close();
    }
  });
});

describe("sessions", () => {
  it("requires the CSRF token on state-changing requests", async () => {
    const org = await buildOrg(t.ctx);
    const member = await buildMember(t.ctx, org.id);
    const user = await signIn(t.app, member.email, member.password);
    const without = await t.app.inject({
      method: "POST",
      url: `/api/orgs/${org.id}/departments`,
      headers: { cookie: user.cookie },
      payload: { name: "Bauamt" },
    });
    expect(without.statusCode).toBe(403);
    expect(without.json().error.code).toBe("DRAHT_ERR_CSRF_FAILED");
    const wrong = await user.request(
      "POST",
      `/api/orgs/${org.id}/departments`,
      { name: "Bauamt" },
      { "x-csrf-token": "falsch" },
    );
    expect(wrong.statusCode).toBe(403);
    expect((await user.request("POST", `/api/orgs/${org.id}/departments`, { name: "Bauamt" })).statusCode).toBe(201);
  });

  it("refuses state-changing requests from a foreign origin", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      headers: { origin: "https://evil.example" },
      payload: { email: "a@example.org", password: "x" },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe("DRAHT_ERR_CSRF_FAILED");
  });

  it("logs out this session, and everywhere ends every session", async () => {
    const org = await buildOrg(t.ctx);
    const member = await buildMember(t.ctx, org.id);
    const laptop = await signIn(t.app, member.email, member.password);
    const phone = await signIn(t.app, member.email, member.password);
    const tablet = await signIn(t.app, member.email, member.password);
    expect((await laptop.request("POST", "/api/auth/logout")).statusCode).toBe(200);
    expect((await laptop.request("GET", "/api/auth/session")).statusCode).toBe(401);
    expect((await tablet.request("GET", "/api/auth/session")).statusCode).toBe(200);
    const everywhere = await phone.request("POST", "/api/auth/logout-everywhere");
    expect(everywhere.json()).toEqual({ sessionsEnded: 2 });
    expect((await tablet.request("GET", "/api/auth/session")).statusCode).toBe(401);
  });

  it("ends a session after the idle timeout", async () => {
    const org = await buildOrg(t.ctx);
    const member = await buildMember(t.ctx, org.id);
    const user = await signIn(t.app, member.email, member.password);
    now = new Date(now.getTime() + 121 * 60_000);
    expect((await user.request("GET", "/api/auth/session")).statusCode).toBe(401);
  });

  it("makes a person with an administrator-set password change it before anything else", async () => {
    const org = await buildOrg(t.ctx);
    const member = await buildMember(t.ctx, org.id, { mustChangePassword: true });
    const user = await signIn(t.app, member.email, member.password);
    const blocked = await user.request("GET", `/api/orgs/${org.id}`);
    expect(blocked.json().error.code).toBe("DRAHT_ERR_PASSWORD_CHANGE_REQUIRED");
    const weak = await user.request("POST", "/api/auth/password", {
      currentPassword: member.password,
      newPassword: "kurz",
    });
    expect(weak.json().error.code).toBe("DRAHT_ERR_PASSWORD_TOO_WEAK");
    const changed = await user.request("POST", "/api/auth/password", {
      currentPassword: member.password,
      newPassword: "Ein neues, langes Passwort",
    });
    expect(changed.statusCode).toBe(200);
    expect((await user.request("GET", `/api/orgs/${org.id}`)).statusCode).toBe(200);
    expect((await login(member.email, member.password)).statusCode).toBe(401);
    expect((await login(member.email, "Ein neues, langes Passwort")).statusCode).toBe(200);
  });
});

describe("the organisation a person starts in", () => {
  const sessionOf = async (email: string, password: string) =>
    (await (await signIn(t.app, email, password)).request("GET", "/api/auth/session")).json() as {
      organisations: { id: string }[];
      homeOrganisationId: string | null;
    };

  it("is the one they used last, and before they used any, the one with the most members", async () => {
    const small = await buildOrg(t.ctx, { name: "Aaa Landkreis (klein)" });
    const big = await buildOrg(t.ctx, { name: "Zzz Stadt (groß)" });
    const admin = await buildMember(t.ctx, big.id, { roles: ["administrator"] });
    await buildMember(t.ctx, small.id, { roles: ["administrator"], email: admin.email });
    await buildMember(t.ctx, big.id, { roles: ["editor"] });
    await buildMember(t.ctx, big.id, { roles: ["moderator"] });

    const first = await sessionOf(admin.email, admin.password);
    expect(first.organisations.map((o) => o.id)).toEqual([small.id, big.id]);
    expect(first.homeOrganisationId).toBe(big.id);

    const browser = await signIn(t.app, admin.email, admin.password);
    expect((await browser.request("POST", `/api/orgs/${small.id}/open`)).statusCode).toBe(204);
    now = new Date(now.getTime() + 60_000);
    expect((await sessionOf(admin.email, admin.password)).homeOrganisationId).toBe(small.id);

    expect((await browser.request("POST", `/api/orgs/${big.id}/open`)).statusCode).toBe(204);
    expect((await sessionOf(admin.email, admin.password)).homeOrganisationId).toBe(big.id);
  });

  it("is recorded only in an organisation the person belongs to", async () => {
    const other = await buildOrg(t.ctx);
    const stranger = await buildMember(t.ctx, (await buildOrg(t.ctx)).id);
    const browser = await signIn(t.app, stranger.email, stranger.password);
    expect((await browser.request("POST", `/api/orgs/${other.id}/open`)).statusCode).toBe(404);
  });
});
