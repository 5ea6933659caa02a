import { describe, expect, it } from "vitest";
import { type Actor, type Grant, authorize, permittedActions } from "./policy.js";
import { ACTIONS, ROLES, ROLE_GRANTS } from "./roles.js";

const ORG = "org-1";
const grant = (overrides: Partial<Grant> = {}): Grant => ({
  orgId: ORG,
  roles: ["editor"],
  departmentIds: null,
  channelAccountIds: null,
  activeWindow: null,
  disabled: false,
  ...overrides,
});
const actor = (g: Grant | null): Actor => ({ userId: "u1", grant: g });
const noon = new Date("2026-11-24T11:00:00Z"); // Tuesday 12:00 in Berlin

describe("authorize", () => {
  it("allows an action the role grants", () => {
    expect(authorize({ actor: actor(grant()), action: "post.draft", resource: { orgId: ORG }, now: noon })).toEqual({
      allowed: true,
    });
  });

  it("refuses an action the role does not grant, without hiding the organisation", () => {
    const decision = authorize({ actor: actor(grant()), action: "post.approve", resource: { orgId: ORG }, now: noon });
    expect(decision).toEqual({ allowed: false, reason: "role", hideExistence: false });
  });

  it("hides resources of another organisation even from its administrators", () => {
    const admin = actor(grant({ orgId: "org-2", roles: ["administrator"] }));
    const decision = authorize({ actor: admin, action: "org.view", resource: { orgId: ORG }, now: noon });
    expect(decision).toEqual({ allowed: false, reason: "not_member", hideExistence: true });
    expect(authorize({ actor: actor(null), action: "org.view", resource: { orgId: ORG }, now: noon }).allowed).toBe(
      false,
    );
  });

  it("treats a disabled membership like no membership", () => {
    const decision = authorize({
      actor: actor(grant({ disabled: true, roles: ["administrator"] })),
      action: "org.view",
      resource: { orgId: ORG },
      now: noon,
    });
    expect(decision).toMatchObject({ allowed: false, reason: "disabled", hideExistence: true });
  });

  it("limits a department-scoped member to their departments", () => {
    const scoped = actor(grant({ roles: ["department_contributor"], departmentIds: ["jugendamt"] }));
    expect(
      authorize({
        actor: scoped,
        action: "inbox.reply",
        resource: { orgId: ORG, departmentId: "jugendamt" },
        now: noon,
      }).allowed,
    ).toBe(true);
    expect(
      authorize({
        actor: scoped,
        action: "inbox.reply",
        resource: { orgId: ORG, departmentId: "tiefbauamt" },
        now: noon,
      }),
    ).toMatchObject({ allowed: false, reason: "department" });
  });

  it("treats an empty department list as no department, not as all", () => {
    const none = actor(grant({ departmentIds: [] }));
    expect(
      authorize({ actor: none, action: "post.draft", resource: { orgId: ORG, departmentId: "any" }, now: noon })
        .allowed,
    ).toBe(false);
  });

  it("limits a member to their channel accounts", () => {
    const scoped = actor(grant({ channelAccountIds: ["mastodon-1"] }));
    expect(
      authorize({
        actor: scoped,
        action: "post.draft",
        resource: { orgId: ORG, channelAccountId: "mastodon-1" },
        now: noon,
      }).allowed,
    ).toBe(true);
    expect(
      authorize({
        actor: scoped,
        action: "post.draft",
        resource: { orgId: ORG, channelAccountId: "bluesky-1" },
        now: noon,
      }),
    ).toMatchObject({ reason: "channel_account" });
  });

  it("allows a time-limited member only inside the window, in local time across DST", () => {
    const trainee = actor(
      grant({ activeWindow: { timeZone: "Europe/Berlin", days: [1, 2, 3, 4, 5], from: "08:00", to: "16:00" } }),
    );
    const check = (iso: string) =>
      authorize({ actor: trainee, action: "post.draft", resource: { orgId: ORG }, now: new Date(iso) }).allowed;
    expect(check("2026-11-24T07:30:00Z")).toBe(true); // Tue 08:30 CET
    expect(check("2026-11-24T06:30:00Z")).toBe(false); // Tue 07:30 CET
    expect(check("2026-07-07T06:30:00Z")).toBe(true); // Tue 08:30 CEST
    expect(check("2026-11-28T10:00:00Z")).toBe(false); // Saturday
    expect(check("2026-11-24T15:00:00Z")).toBe(false); // 16:00 is the end, exclusive
  });
});

describe("roles", () => {
  it("gives the administrator every action and the analyst nothing that changes data", () => {
    expect(new Set(ROLE_GRANTS.administrator)).toEqual(new Set(ACTIONS));
    const writes = ROLE_GRANTS.analyst.filter((a) =>
      /manage|edit|reply|draft|submit|approve|publish|schedule|decide|update/.test(a),
    );
    expect(writes).toEqual([]);
  });

  it("lets only administrators manage people, and press office, department heads or administrators approve", () => {
    for (const role of ROLES) {
      expect(ROLE_GRANTS[role].includes("member.manage")).toBe(role === "administrator");
      expect(ROLE_GRANTS[role].includes("post.approve")).toBe(
        ["administrator", "press_office", "department_head"].includes(role),
      );
    }
  });

  it("lists the permitted actions for the navigation", () => {
    const actions = permittedActions(actor(grant({ roles: ["moderator"] })), noon);
    expect(actions).toContain("moderation.decide");
    expect(actions).not.toContain("post.draft");
  });
});
