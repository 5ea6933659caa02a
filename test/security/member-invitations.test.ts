// Joining an organisation needs the person's consent (#16.7): an administrator invites, the person
// accepts through the invitation's link; nobody learns from the invitation's answer whether an address already
// has an account, and an address alone (which draht never confirms) opens no invitation.
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildMember, buildOrg } from "../support/factories.js";
import { type SignedIn, type TestApp, signIn, startTestApp } from "../support/testApp.js";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

async function adminOfNewOrg(): Promise<{ orgId: string; admin: SignedIn }> {
  const org = await buildOrg(t.ctx);
  const member = await buildMember(t.ctx, org.id, { roles: ["administrator"] });
  return { orgId: org.id, admin: await signIn(t.app, member.email, member.password) };
}

const tokenOf = (created: LightMyRequestResponse) => String(created.json().link).split("#")[1] ?? "";

const organisationsOf = async (person: SignedIn) =>
  ((await person.request("GET", "/api/auth/session")).json().organisations as { id: string }[]).map((o) => o.id);

/** Everything of an answer that could differ between two addresses, with the values themselves blanked. */
const shapeOf = (response: LightMyRequestResponse) => ({
  status: response.statusCode,
  keys: Object.keys(response.json() as object).sort(),
  headers: Object.keys(response.headers)
    .filter((h) => !["date", "x-request-id", "content-length"].includes(h))
    .sort(),
});

describe("inviting staff to an organisation", () => {
  it("answers the invitation alike whether or not the address has an account, and reveals neither", async () => {
    const { orgId: homeId } = await adminOfNewOrg();
    const elsewhere = await buildMember(t.ctx, homeId, { roles: ["editor"] });
    const { orgId, admin } = await adminOfNewOrg();
    const invite = (email: string) =>
      admin.request("POST", `/api/orgs/${orgId}/invitations`, { email, name: "Jemand", roles: ["analyst"] });
    const existing = await invite(elsewhere.email);
    const unknown = await invite(`niemand-${orgId.slice(0, 8)}@example.org`);
    expect(shapeOf(existing)).toEqual(shapeOf(unknown));
    expect(existing.statusCode).toBe(201);
    expect(existing.body).not.toMatch(/existing|temporaryPassword|userId/i);
    const listed = (await admin.request("GET", `/api/orgs/${orgId}/invitations`)).json().invitations;
    expect(Object.keys(listed[0]).sort()).toEqual(Object.keys(listed[1]).sort());
    expect(JSON.stringify(listed)).not.toContain(elsewhere.userId);
  });

  it("does not make another organisation's staff member a member until they accept", async () => {
    const home = await adminOfNewOrg();
    const person = await buildMember(t.ctx, home.orgId, { roles: ["editor"] });
    const { orgId, admin } = await adminOfNewOrg();
    const created = await admin.request("POST", `/api/orgs/${orgId}/invitations`, {
      email: person.email,
      name: "Egal",
      roles: ["administrator"],
    });
    expect((await admin.request("GET", `/api/orgs/${orgId}/members`)).json().members).toHaveLength(1);

    const session = await signIn(t.app, person.email, person.password);
    expect(await organisationsOf(session)).toEqual([home.orgId]);
    const accepted = await session.request("POST", "/api/invitation-links/join", { token: tokenOf(created) });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toEqual({ orgId });
    expect((await organisationsOf(session)).sort()).toEqual([home.orgId, orgId].sort());
    const twice = await session.request("POST", "/api/invitation-links/join", { token: tokenOf(created) });
    expect(twice.json().error.code).toBe("DRAHT_ERR_INVITATION_INVALID");
    // Accepting changed nothing about the password.
    expect((await signIn(t.app, person.email, person.password)).cookie).toBeTruthy();
    const again = await admin.request("POST", `/api/orgs/${orgId}/invitations`, {
      email: person.email,
      name: "Egal",
      roles: ["analyst"],
    });
    expect(again.statusCode).toBe(409);
  });

  it("lets the person decline through the link, after which they are not a member", async () => {
    const home = await adminOfNewOrg();
    const person = await buildMember(t.ctx, home.orgId, { roles: ["editor"] });
    const { orgId, admin } = await adminOfNewOrg();
    const created = await admin.request("POST", `/api/orgs/${orgId}/invitations`, {
      email: person.email,
      name: "E",
      roles: ["editor"],
    });
    const session = await signIn(t.app, person.email, person.password);
    const declined = await t.app.inject({
      method: "POST",
      url: "/api/invitation-links/decline",
      payload: { token: tokenOf(created) },
    });
    expect(declined.statusCode).toBe(200);
    expect(await organisationsOf(session)).toEqual([home.orgId]);
    const late = await session.request("POST", "/api/invitation-links/join", { token: tokenOf(created) });
    expect(late.json().error.code).toBe("DRAHT_ERR_INVITATION_INVALID");
    expect((await admin.request("GET", `/api/orgs/${orgId}/invitations`)).json().invitations).toEqual([]);
  });

  it("lets nobody but the invited address accept, even with the link", async () => {
    const home = await adminOfNewOrg();
    const person = await buildMember(t.ctx, home.orgId, { roles: ["editor"] });
    const other = await buildMember(t.ctx, home.orgId, { roles: ["editor"] });
    const { orgId, admin } = await adminOfNewOrg();
    const created = await admin.request("POST", `/api/orgs/${orgId}/invitations`, {
      email: person.email,
      name: "P",
      roles: ["administrator"],
    });
    const intruder = await signIn(t.app, other.email, other.password);
    const answer = await intruder.request("POST", "/api/invitation-links/join", { token: tokenOf(created) });
    expect(answer.statusCode).toBe(403);
    expect(answer.json().error.code).toBe("DRAHT_ERR_INVITATION_OTHER_ADDRESS");
    expect(await organisationsOf(intruder)).toEqual([home.orgId]);
  });

  it("gives whoever made an account for an address through one invitation's link no later invitation to it", async () => {
    // Town A's administrator invites an address of town B that has no account yet and accepts their own link.
    const townA = await adminOfNewOrg();
    const address = `neu-${townA.orgId.slice(0, 8)}@stadt-b.example`;
    const own = await townA.admin.request("POST", `/api/orgs/${townA.orgId}/invitations`, {
      email: address,
      name: "Neu",
      roles: ["analyst"],
    });
    const squatted = await t.app.inject({
      method: "POST",
      url: "/api/invitation-links/accept",
      payload: { token: tokenOf(own), password: "Vom Admin gewählt 2026 !" },
    });
    expect(squatted.statusCode, squatted.body).toBe(200);
    const squatter = await signIn(t.app, address, "Vom Admin gewählt 2026 !");
    // Town B later invites the real person at that address and hands the link to them.
    const townB = await adminOfNewOrg();
    const invitation = await townB.admin.request("POST", `/api/orgs/${townB.orgId}/invitations`, {
      email: address,
      name: "Neu",
      roles: ["administrator"],
    });
    expect(invitation.statusCode).toBe(201);
    // Nothing of it reaches the account: no list of invitations by address, no acceptance without the link.
    expect((await squatter.request("GET", "/api/invitations")).statusCode).toBe(404);
    const listed = (await townB.admin.request("GET", `/api/orgs/${townB.orgId}/invitations`)).json().invitations;
    const byId = await squatter.request("POST", `/api/invitations/${listed[0].id}/accept`);
    expect(byId.statusCode).toBe(404);
    expect(await organisationsOf(squatter)).toEqual([townA.orgId]);
  });

  it("never sets the password of an existing account through the invitation link", async () => {
    const home = await adminOfNewOrg();
    const person = await buildMember(t.ctx, home.orgId, { roles: ["editor"] });
    const { orgId, admin } = await adminOfNewOrg();
    const { link } = (
      await admin.request("POST", `/api/orgs/${orgId}/invitations`, {
        email: person.email,
        name: "P",
        roles: ["editor"],
      })
    ).json();
    const token = String(link).split("#")[1];
    // A weak password is refused first, alike with and without an account.
    const weak = await t.app.inject({
      method: "POST",
      url: "/api/invitation-links/accept",
      payload: { token, password: "kurz" },
    });
    expect(weak.json().error.code).toBe("DRAHT_ERR_PASSWORD_TOO_WEAK");
    const taken = await t.app.inject({
      method: "POST",
      url: "/api/invitation-links/accept",
      payload: { token, password: "Das Passwort des Admins 2026" },
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.code).toBe("DRAHT_ERR_INVITATION_NEEDS_SIGN_IN");
    expect(taken.cookies).toHaveLength(0);
    const old = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { email: person.email, password: "Das Passwort des Admins 2026" },
    });
    expect(old.statusCode).toBe(401);
    const session = await signIn(t.app, person.email, person.password);
    expect(await organisationsOf(session)).toEqual([home.orgId]);
  });

  it("lets a new person decline through the link, which then stops working", async () => {
    const { orgId, admin } = await adminOfNewOrg();
    const { link } = (
      await admin.request("POST", `/api/orgs/${orgId}/invitations`, {
        email: "nein@example.org",
        name: "N",
        roles: ["editor"],
      })
    ).json();
    const token = String(link).split("#")[1];
    const declined = await t.app.inject({ method: "POST", url: "/api/invitation-links/decline", payload: { token } });
    expect(declined.statusCode).toBe(200);
    const late = await t.app.inject({
      method: "POST",
      url: "/api/invitation-links/accept",
      payload: { token, password: "Doch noch ein Passwort 2026" },
    });
    expect(late.json().error.code).toBe("DRAHT_ERR_INVITATION_INVALID");
    const trail = (await admin.request("GET", `/api/orgs/${orgId}/audit`)).json().events;
    expect(trail.map((e: { action: string }) => e.action).slice(0, 2)).toEqual([
      "member.invitation_declined",
      "member.invited",
    ]);
  });
});
