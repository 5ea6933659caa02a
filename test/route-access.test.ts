// Enumerates every API route the server registers and proves that strangers, members of another
// organisation and members without the needed role are refused and see nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROLES, ROLE_GRANTS, type Role } from "../src/domain/roles.js";
import type { RegisteredRoute } from "../src/server/access.js";
import { updateMember } from "../src/app/members/update-member.js";
import { buildDepartment, buildMember, buildOrg, systemAdminOf } from "./support/factories.js";
import { type SignedIn, type TestApp, signIn, startTestApp } from "./support/testApp.js";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const SAMPLE_BODIES: Record<string, unknown> = {
  "POST /api/orgs/:orgId/departments": { name: "Neues Amt" },
  "PATCH /api/orgs/:orgId/departments/:departmentId": { name: "Umbenanntes Amt" },
  "POST /api/orgs/:orgId/members": { email: "neu@example.org", name: "Neu", roles: ["editor"], initialPassword: "Ein sehr gutes Passwort" },
  "PATCH /api/orgs/:orgId/members/:userId": { roles: ["analyst"] },
  "POST /api/auth/password": { currentPassword: "x", newPassword: "Ein sehr gutes Passwort" },
};

async function fillParams(route: RegisteredRoute, orgId: string): Promise<string> {
  let url = route.url.replace(":orgId", orgId);
  if (url.includes(":departmentId")) url = url.replace(":departmentId", (await buildDepartment(t.ctx, orgId)).id);
  if (url.includes(":userId")) url = url.replace(":userId", (await buildMember(t.ctx, orgId, { roles: ["editor"] })).userId);
  return url;
}

const keyOf = (route: RegisteredRoute) => `${route.method} ${route.url}`;

function expectRefusedWithNothing(response: { statusCode: number; json(): unknown }, allowed: number[]) {
  expect(allowed).toContain(response.statusCode);
  expect(Object.keys(response.json() as object)).toEqual(["error"]);
}

describe("every API route", () => {
  it("declares its access rule (the server refuses to start otherwise) and the list is not empty", () => {
    expect(t.routes.length).toBeGreaterThan(10);
    for (const route of t.routes) expect(route.access).toBeDefined();
  });

  it("refuses callers without a session, except the public ones", async () => {
    for (const route of t.routes.filter((r) => r.access.kind !== "public")) {
      const org = await buildOrg(t.ctx);
      const response = await t.app.inject({ method: route.method as "GET", url: await fillParams(route, org.id), payload: SAMPLE_BODIES[keyOf(route)] as object });
      expect(response.statusCode, keyOf(route)).toBe(401);
      expectRefusedWithNothing(response, [401]);
    }
  });

  it("refuses administrators of another organisation and shows them nothing", async () => {
    const home = await buildOrg(t.ctx);
    const admin = await buildMember(t.ctx, home.id, { roles: ["administrator"] });
    const stranger = await signIn(t.app, admin.email, admin.password);
    for (const route of t.routes.filter((r) => r.access.kind === "org")) {
      const victim = await buildOrg(t.ctx);
      const url = await fillParams(route, victim.id);
      const response = await stranger.request(route.method, url, SAMPLE_BODIES[keyOf(route)]);
      expectRefusedWithNothing(response, [403, 404]);
      expect(response.body, keyOf(route)).not.toContain(victim.name);
    }
  });

  it("refuses members whose roles lack the route's action, and allows administrators", async () => {
    for (const route of t.routes.filter((r) => r.access.kind === "org")) {
      if (route.access.kind !== "org") continue;
      const action = route.access.action;
      const org = await buildOrg(t.ctx);
      const lacking = ROLES.filter((role) => !ROLE_GRANTS[role].includes(action));
      const refused: SignedIn[] = [];
      for (const role of lacking) refused.push(await signInAs(org.id, [role]));
      // Actions every role has: a disabled membership stands for "no role".
      refused.push(await signInDisabled(org.id));
      for (const user of refused) {
        const response = await user.request(route.method, await fillParams(route, org.id), SAMPLE_BODIES[keyOf(route)]);
        expectRefusedWithNothing(response, [403, 404]);
      }
      const admin = await signInAs(org.id, ["administrator"]);
      const allowed = await admin.request(route.method, await fillParams(route, org.id), SAMPLE_BODIES[keyOf(route)]);
      expect(allowed.statusCode, `${keyOf(route)}: ${allowed.body}`).toBeLessThan(300);
    }
  });
});

async function signInAs(orgId: string, roles: Role[]): Promise<SignedIn> {
  const member = await buildMember(t.ctx, orgId, { roles });
  return signIn(t.app, member.email, member.password);
}

async function signInDisabled(orgId: string): Promise<SignedIn> {
  const member = await buildMember(t.ctx, orgId, { roles: ["administrator"] });
  const other = await buildOrg(t.ctx);
  // Still active elsewhere, so the session survives and only this organisation refuses.
  await buildMember(t.ctx, other.id, { roles: ["editor"], email: member.email });
  const user = await signIn(t.app, member.email, member.password);
  await buildMember(t.ctx, orgId, { roles: ["administrator"] }); // keeps one active administrator
  await updateMember(t.ctx, { actor: systemAdminOf(orgId), orgId, userId: member.userId, input: { disabled: true } });
  return user;
}
