// Sign-in throttling (#16.5): guesses slow down the guessing (account, address) pair and the guessing
// address, never the account itself, and every refusal looks the same, so that nobody learns which
// staff addresses exist or can lock a colleague out.
import type { LightMyRequestResponse } from "fastify";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loginThrottleKeys } from "../../src/app/auth/passwordThrottle.js";
import { loginThrottles } from "../../src/db/schema/index.js";
import { buildMember, buildOrg } from "../support/factories.js";
import { type TestApp, signIn, startTestApp } from "../support/testApp.js";

let t: TestApp;
let now = new Date("2026-11-24T09:00:00Z");
beforeAll(async () => {
  t = await startTestApp({ clock: () => now, env: { LOGIN_MAX_FAILURES: "3", LOGIN_MAX_WAIT_MINUTES: "15" } });
});
afterAll(() => t.close());

const loginFrom = (remoteAddress: string, email: string, password: string) =>
  t.app.inject({ method: "POST", url: "/api/auth/login", payload: { email, password }, remoteAddress });
const bodyWithoutRequestId = (response: LightMyRequestResponse | undefined) => {
  const body = response?.json() as { error: Record<string, unknown> };
  return { ...body.error, requestId: undefined };
};

/** Runs `attempts` and counts the passwords of real accounts that were checked meanwhile. */
async function passwordsCheckedDuring(attempts: () => Promise<unknown>): Promise<number> {
  const { passwords } = t.ctx;
  const verify = passwords.verify;
  let checked = 0;
  passwords.verify = (hash, password) => {
    if (hash !== null) checked++;
    return verify(hash, password);
  };
  try {
    await attempts();
  } finally {
    passwords.verify = verify;
  }
  return checked;
}

const burst = <T>(size: number, attempt: (i: number) => Promise<T>) =>
  Promise.all(Array.from({ length: size }, (_, i) => attempt(i)));

describe("sign-in throttling", () => {
  it("answers an unknown e-mail, a wrong password and a throttled attempt identically", async () => {
    const org = await buildOrg(t.ctx);
    const member = await buildMember(t.ctx, org.id);
    const from = "198.51.100.1";
    const answers = [await loginFrom(from, "niemand@example.org", "falsches-Passwort-123")];
    for (let i = 0; i < 3; i++) answers.push(await loginFrom(from, member.email, `falsch-falsch-${i}-xyz`));
    answers.push(await loginFrom(from, member.email, member.password)); // throttled now
    for (const answer of answers) {
      expect(answer.statusCode).toBe(401);
      expect(answer.cookies).toHaveLength(0);
      expect(bodyWithoutRequestId(answer)).toEqual(bodyWithoutRequestId(answers[0]));
    }
    expect(answers[0]?.json().error.code).toBe("DRAHT_ERR_INVALID_CREDENTIALS");
  });

  it("makes an address wait after repeated failures, longer each time, then accepts the right password", async () => {
    const org = await buildOrg(t.ctx);
    const member = await buildMember(t.ctx, org.id);
    const from = "198.51.100.2";
    for (let i = 0; i < 3; i++) await loginFrom(from, member.email, `falsch-falsch-${i}-xyz`);
    expect((await loginFrom(from, member.email, member.password)).statusCode).toBe(401);
    now = new Date(now.getTime() + 61_000);
    expect((await loginFrom(from, member.email, "noch-einmal-falsch-1")).statusCode).toBe(401);
    now = new Date(now.getTime() + 61_000);
    expect((await loginFrom(from, member.email, member.password)).statusCode).toBe(401); // 2 minutes now
    now = new Date(now.getTime() + 61_000);
    expect((await loginFrom(from, member.email, member.password)).statusCode).toBe(200);
    // Success starts over: one failure later, the right password works at once.
    await loginFrom(from, member.email, "wieder-falsch-123");
    expect((await loginFrom(from, member.email, member.password)).statusCode).toBe(200);
  });

  it("does not let a stranger at another address lock the real person out", async () => {
    const org = await buildOrg(t.ctx);
    const member = await buildMember(t.ctx, org.id);
    for (let i = 0; i < 12; i++) await loginFrom("203.0.113.66", member.email, `rate-mal-${i}-passwort`);
    expect((await loginFrom("198.51.100.3", member.email, member.password)).statusCode).toBe(200);
  });

  it("throttles one client address trying many accounts", async () => {
    const org = await buildOrg(t.ctx);
    const member = await buildMember(t.ctx, org.id);
    const from = "203.0.113.99";
    for (let i = 0; i < 60; i++) await loginFrom(from, `person-${i}@example.org`, "irgendein-Passwort-1");
    expect((await loginFrom(from, member.email, member.password)).statusCode).toBe(401);
    expect((await loginFrom("198.51.100.4", member.email, member.password)).statusCode).toBe(200);
  });

  it("counts a client's IPv6 addresses within one /64 network as one address", async () => {
    const member = await buildMember(t.ctx, (await buildOrg(t.ctx)).id);
    for (let i = 1; i <= 40; i++)
      await loginFrom(`2001:db8:1:2::${i.toString(16)}`, `person-${i}@example.org`, "irgendein-Passwort-1");
    expect((await loginFrom("2001:db8:1:2:ffff::29", member.email, member.password)).statusCode).toBe(401);
    expect((await loginFrom("2001:db8:1:3::1", member.email, member.password)).statusCode).toBe(200);
  });

  it("counts an IPv4 client the same whether its address comes as IPv4 or IPv4-mapped IPv6", async () => {
    const member = await buildMember(t.ctx, (await buildOrg(t.ctx)).id);
    for (let i = 0; i < 3; i++) await loginFrom(`::ffff:198.51.100.30`, member.email, `falsch-falsch-${i}-xyz`);
    expect((await loginFrom("198.51.100.30", member.email, member.password)).statusCode).toBe(401);
  });

  it("behind one reverse proxy takes the address the proxy saw, not one the client made up", async () => {
    const proxied = await startTestApp({ env: { TRUST_PROXY: "true", LOGIN_MAX_FAILURES: "2" } });
    try {
      const member = await buildMember(proxied.ctx, (await buildOrg(proxied.ctx)).id);
      const via = (client: string, forged: string, password: string) =>
        proxied.app.inject({
          method: "POST",
          url: "/api/auth/login",
          payload: { email: member.email, password },
          remoteAddress: "10.0.0.2",
          headers: { "x-forwarded-for": `${forged}, ${client}` },
        });
      for (let i = 0; i < 6; i++) await via("203.0.113.7", `192.0.2.${i}`, `falsch-geraten-${i}`);
      expect((await via("203.0.113.7", "192.0.2.200", member.password)).statusCode).toBe(401);
      expect((await via("198.51.100.8", "203.0.113.7", member.password)).statusCode).toBe(200);
    } finally {
      await proxied.close();
    }
  });
});

describe("attempts arriving all at once (#16.5)", () => {
  it("checks no more passwords of one account from one address than the free attempts", async () => {
    const member = await buildMember(t.ctx, (await buildOrg(t.ctx)).id);
    const from = "198.51.100.20";
    let answers: LightMyRequestResponse[] = [];
    const checked = await passwordsCheckedDuring(async () => {
      answers = await burst(12, (i) => loginFrom(from, member.email, `gleichzeitig-falsch-${i}`));
    });
    expect(checked).toBe(3);
    for (const answer of answers) expect(bodyWithoutRequestId(answer)).toEqual(bodyWithoutRequestId(answers[0]));
    expect((await loginFrom(from, member.email, member.password)).statusCode).toBe(401);
  });

  it("lets no more attempts of one address through than its free attempts over all accounts", async () => {
    const member = await buildMember(t.ctx, (await buildOrg(t.ctx)).id);
    const from = "198.51.100.21";
    const answers = await burst(40, (i) => loginFrom(from, `gleichzeitig-${i}@example.org`, "irgendein-Passwort-1"));
    expect(answers.map((answer) => answer.statusCode)).toEqual(answers.map(() => 401));
    const { address } = await loginThrottleKeys(t.ctx, { email: member.email, clientAddress: from });
    const [counted] = await t.ctx.db.select().from(loginThrottles).where(eq(loginThrottles.key, address.key));
    expect(counted?.failures).toBe(30);
    expect((await loginFrom(from, member.email, member.password)).statusCode).toBe(401);
  });

  it("does not count successful sign-ins against the address", async () => {
    const member = await buildMember(t.ctx, (await buildOrg(t.ctx)).id);
    const from = "198.51.100.22";
    for (let i = 0; i < 29; i++) await loginFrom(from, `vertippt-${i}@example.org`, "irgendein-Passwort-1");
    // The 30th attempt uses up the address's free attempts; being right, it is taken back.
    for (let i = 0; i < 5; i++) expect((await loginFrom(from, member.email, member.password)).statusCode).toBe(200);
    expect((await loginFrom(from, "noch-einer@example.org", "irgendein-Passwort-1")).statusCode).toBe(401);
    expect((await loginFrom(from, member.email, member.password)).statusCode).toBe(401);
  });
});

describe("changing one's password (#16.6)", () => {
  it("makes wrong current passwords wait, refusing even the right one meanwhile with the same answer", async () => {
    const org = await buildOrg(t.ctx);
    const member = await buildMember(t.ctx, org.id);
    const session = await signIn(t.app, member.email, member.password);
    const change = (currentPassword: string) =>
      session.request("POST", "/api/auth/password", { currentPassword, newPassword: "Ein ganz neues Passwort 2026" });
    const wrong = [];
    for (let i = 0; i < 3; i++) wrong.push(await change(`falsch-geraten-${i}`));
    const throttled = await change(member.password);
    for (const answer of [...wrong, throttled]) {
      expect(answer.statusCode).toBe(401);
      expect(bodyWithoutRequestId(answer)).toEqual(bodyWithoutRequestId(wrong[0]));
    }
    expect(wrong[0]?.json().error).toMatchObject({
      code: "DRAHT_ERR_INVALID_CREDENTIALS",
      details: { field: "currentPassword" },
    });
    now = new Date(now.getTime() + 61_000);
    expect((await change(member.password)).statusCode).toBe(200);
  });

  it("checks no more current passwords than the free attempts when they all arrive at once", async () => {
    const member = await buildMember(t.ctx, (await buildOrg(t.ctx)).id);
    const session = await signIn(t.app, member.email, member.password);
    const change = (currentPassword: string) =>
      session.request("POST", "/api/auth/password", { currentPassword, newPassword: "Ein ganz neues Passwort 2026" });
    let answers: LightMyRequestResponse[] = [];
    const checked = await passwordsCheckedDuring(async () => {
      answers = await burst(12, (i) => change(`gleichzeitig-falsch-${i}`));
    });
    expect(checked).toBe(3);
    expect(answers.map((answer) => answer.statusCode)).toEqual(answers.map(() => 401));
    expect((await change(member.password)).statusCode).toBe(401);
  });

  it("lets a person whose password an administrator reset choose a new one at once, whatever was guessed before", async () => {
    const org = await buildOrg(t.ctx);
    const admin = await buildMember(t.ctx, org.id, { roles: ["administrator"] });
    const member = await buildMember(t.ctx, org.id, { roles: ["editor"] });
    const session = await signIn(t.app, member.email, member.password);
    for (let i = 0; i < 3; i++)
      await session.request("POST", "/api/auth/password", {
        currentPassword: `falsch-geraten-${i}`,
        newPassword: "Ein ganz neues Passwort 2026",
      });
    const byAdmin = await signIn(t.app, admin.email, admin.password);
    const reset = await byAdmin.request("POST", `/api/orgs/${org.id}/members/${member.userId}/reset-password`);
    expect(reset.statusCode, reset.body).toBe(200);
    const temporaryPassword = (reset.json() as { temporaryPassword: string }).temporaryPassword;
    const again = await signIn(t.app, member.email, temporaryPassword);
    const changed = await again.request("POST", "/api/auth/password", {
      currentPassword: temporaryPassword,
      newPassword: "Ein ganz neues Passwort 2026",
    });
    expect(changed.statusCode, changed.body).toBe(200);
  });
});
