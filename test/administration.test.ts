import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDepartment, buildMember, buildOrg } from "./support/factories.js";
import { type SignedIn, type TestApp, signIn, startTestApp } from "./support/testApp.js";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

async function adminOfNewOrg(): Promise<{ orgId: string; admin: SignedIn; adminUserId: string }> {
  const org = await buildOrg(t.ctx);
  const member = await buildMember(t.ctx, org.id, { roles: ["administrator"] });
  return { orgId: org.id, admin: await signIn(t.app, member.email, member.password), adminUserId: member.userId };
}

describe("departments", () => {
  it("are created, renamed, listed and deleted by an administrator", async () => {
    const { orgId, admin } = await adminOfNewOrg();
    const created = await admin.request("POST", `/api/orgs/${orgId}/departments`, {
      name: "Jugendamt",
      shortName: "JA",
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    expect(
      (await admin.request("PATCH", `/api/orgs/${orgId}/departments/${id}`, { name: "Amt für Jugend" })).statusCode,
    ).toBe(200);
    const list = await admin.request("GET", `/api/orgs/${orgId}/departments`);
    expect(list.json().departments).toEqual([expect.objectContaining({ id, name: "Amt für Jugend", shortName: null })]);
    expect((await admin.request("DELETE", `/api/orgs/${orgId}/departments/${id}`)).statusCode).toBe(204);
    expect((await admin.request("GET", `/api/orgs/${orgId}/departments`)).json().departments).toEqual([]);
  });

  it("refuses a duplicate name (case-insensitive) and an empty one with clear codes", async () => {
    const { orgId, admin } = await adminOfNewOrg();
    await admin.request("POST", `/api/orgs/${orgId}/departments`, { name: "Bürgeramt" });
    const duplicate = await admin.request("POST", `/api/orgs/${orgId}/departments`, { name: "BÜRGERAMT" });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error).toMatchObject({ code: "DRAHT_ERR_CONFLICT", details: { field: "name" } });
    const empty = await admin.request("POST", `/api/orgs/${orgId}/departments`, { name: " " });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.details.issues[0].path).toBe("name");
  });

  it("may share a name across organisations", async () => {
    const a = await adminOfNewOrg();
    const b = await adminOfNewOrg();
    expect(
      (await a.admin.request("POST", `/api/orgs/${a.orgId}/departments`, { name: "Ordnungsamt" })).statusCode,
    ).toBe(201);
    expect(
      (await b.admin.request("POST", `/api/orgs/${b.orgId}/departments`, { name: "Ordnungsamt" })).statusCode,
    ).toBe(201);
  });
});

describe("members", () => {
  it("invites a new person limited to a department, who chooses a password through the link and sees the organisation", async () => {
    const { orgId, admin } = await adminOfNewOrg();
    const department = await buildDepartment(t.ctx, orgId, { name: "Jugendamt" });
    const invited = await admin.request("POST", `/api/orgs/${orgId}/invitations`, {
      email: "Karla.Kita@Example.org",
      name: "Karla Kita",
      roles: ["department_contributor"],
      departmentIds: [department.id],
    });
    expect(invited.statusCode).toBe(201);
    const { link, email } = invited.json();
    expect(email).toBe("karla.kita@example.org");
    expect(link).toMatch(/^http:\/\/localhost:3000\/invitation#[\w-]{43}$/);
    const pending = (await admin.request("GET", `/api/orgs/${orgId}/invitations`)).json().invitations;
    expect(pending).toEqual([
      expect.objectContaining({ email: "karla.kita@example.org", roles: ["department_contributor"] }),
    ]);

    const token = String(link).split("#")[1];
    const inspected = await t.app.inject({ method: "POST", url: "/api/invitation-links/inspect", payload: { token } });
    expect(inspected.json()).toMatchObject({ email: "karla.kita@example.org", name: "Karla Kita" });
    const accepted = await t.app.inject({
      method: "POST",
      url: "/api/invitation-links/accept",
      payload: { token, password: "Kita-Plätze für alle 2026" },
    });
    expect(accepted.statusCode).toBe(200);
    const karla = await signIn(t.app, "karla.kita@example.org", "Kita-Plätze für alle 2026");
    const org = await karla.request("GET", `/api/orgs/${orgId}`);
    expect(org.json().myActions).toContain("inbox.reply");
    expect(org.json().myActions).not.toContain("member.manage");
    expect((await karla.request("GET", `/api/orgs/${orgId}/members`)).statusCode).toBe(403);
    const members = (await admin.request("GET", `/api/orgs/${orgId}/members`)).json().members;
    expect(members).toContainEqual(
      expect.objectContaining({
        email: "karla.kita@example.org",
        departmentIds: [department.id],
        mustChangePassword: false,
      }),
    );
    expect((await admin.request("GET", `/api/orgs/${orgId}/invitations`)).json().invitations).toEqual([]);

    const again = await t.app.inject({
      method: "POST",
      url: "/api/invitation-links/accept",
      payload: { token, password: "Ein anderes Passwort 2026" },
    });
    expect(again.statusCode).toBe(404);
    expect(again.json().error.code).toBe("DRAHT_ERR_INVITATION_INVALID");
  });

  it("refuses departments of another organisation in an invitation's scope", async () => {
    const a = await adminOfNewOrg();
    const b = await adminOfNewOrg();
    const foreign = await buildDepartment(t.ctx, b.orgId);
    const response = await a.admin.request("POST", `/api/orgs/${a.orgId}/invitations`, {
      email: "x@example.org",
      name: "X",
      roles: ["editor"],
      departmentIds: [foreign.id],
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details).toMatchObject({ field: "departmentIds" });
    expect((await a.admin.request("GET", `/api/orgs/${a.orgId}/invitations`)).json().invitations).toHaveLength(0);
  });

  it("replaces an open invitation to the same address, and lets the administrator withdraw one", async () => {
    const { orgId, admin } = await adminOfNewOrg();
    const body = { email: "neu@example.org", name: "Neu", roles: ["editor"] };
    const first = (await admin.request("POST", `/api/orgs/${orgId}/invitations`, body)).json();
    const second = (await admin.request("POST", `/api/orgs/${orgId}/invitations`, body)).json();
    const inspect = (link: string) =>
      t.app.inject({ method: "POST", url: "/api/invitation-links/inspect", payload: { token: link.split("#")[1] } });
    expect((await inspect(first.link)).statusCode).toBe(404);
    expect((await inspect(second.link)).statusCode).toBe(200);
    const revoked = await admin.request("POST", `/api/orgs/${orgId}/invitations/revoke`, {
      invitationId: second.invitationId,
    });
    expect(revoked.statusCode).toBe(200);
    expect((await inspect(second.link)).statusCode).toBe(404);
    expect((await admin.request("GET", `/api/orgs/${orgId}/invitations`)).json().invitations).toEqual([]);
  });

  it("lets an invitation link expire after a week", async () => {
    let now = new Date("2026-02-02T09:00:00Z");
    const timed = await startTestApp({ clock: () => now });
    try {
      const org = await buildOrg(timed.ctx);
      const member = await buildMember(timed.ctx, org.id, { roles: ["administrator"] });
      const admin = await signIn(timed.app, member.email, member.password);
      const { link } = (
        await admin.request("POST", `/api/orgs/${org.id}/invitations`, {
          email: "spaet@example.org",
          name: "S",
          roles: ["analyst"],
        })
      ).json();
      now = new Date(now.getTime() + 8 * 24 * 3_600_000);
      const late = await timed.app.inject({
        method: "POST",
        url: "/api/invitation-links/accept",
        payload: { token: String(link).split("#")[1], password: "Zu spät, leider 2026" },
      });
      expect(late.json().error.code).toBe("DRAHT_ERR_INVITATION_INVALID");
    } finally {
      await timed.close();
    }
  });

  it("never leaves an organisation without an active administrator", async () => {
    const { orgId, admin, adminUserId } = await adminOfNewOrg();
    for (const [method, body] of [
      ["PATCH", { roles: ["editor"] }],
      ["PATCH", { disabled: true }],
      ["DELETE", undefined],
    ] as const) {
      const response = await admin.request(method, `/api/orgs/${orgId}/members/${adminUserId}`, body);
      expect(response.statusCode).toBe(409);
      expect(response.json().error.code).toBe("DRAHT_ERR_LAST_ADMINISTRATOR");
    }
  });

  it("resets a member's password: the old one stops working and all their sessions end", async () => {
    const { orgId, admin } = await adminOfNewOrg();
    const editor = await buildMember(t.ctx, orgId, { roles: ["editor"] });
    const editorSession = await signIn(t.app, editor.email, editor.password);
    const reset = await admin.request("POST", `/api/orgs/${orgId}/members/${editor.userId}/reset-password`);
    expect(reset.statusCode).toBe(200);
    expect((await editorSession.request("GET", "/api/auth/session")).statusCode).toBe(401);
    const old = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { email: editor.email, password: editor.password },
    });
    expect(old.statusCode).toBe(401);
    const fresh = await signIn(t.app, editor.email, reset.json().temporaryPassword);
    expect((await fresh.request("GET", `/api/orgs/${orgId}`)).json().error.code).toBe(
      "DRAHT_ERR_PASSWORD_CHANGE_REQUIRED",
    );
  });

  it("does not let one organisation's administrator reset the password of a person who also works elsewhere", async () => {
    const a = await adminOfNewOrg();
    const b = await adminOfNewOrg();
    const shared = await buildMember(t.ctx, a.orgId, { roles: ["editor"] });
    await buildMember(t.ctx, b.orgId, { roles: ["editor"], email: shared.email });
    const response = await a.admin.request("POST", `/api/orgs/${a.orgId}/members/${shared.userId}/reset-password`);
    expect(response.statusCode).toBe(403);
    expect((await signIn(t.app, shared.email, shared.password)).cookie).toBeTruthy();
  });
});
