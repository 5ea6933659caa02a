import { describe, expect, it } from "vitest";
import {
  type Actor,
  type Grant,
  authorize,
  inOrganisation,
  organisationWide,
  permittedActions,
  scoped,
  sharedReference,
} from "./policy.js";
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
    expect(
      authorize({ actor: actor(grant()), action: "post.draft", resource: inOrganisation(ORG), now: noon }),
    ).toEqual({
      allowed: true,
    });
  });

  it("refuses an action the role does not grant, without hiding the organisation", () => {
    const decision = authorize({
      actor: actor(grant()),
      action: "post.approve",
      resource: inOrganisation(ORG),
      now: noon,
    });
    expect(decision).toEqual({ allowed: false, reason: "role", hideExistence: false });
  });

  it("hides resources of another organisation even from its administrators", () => {
    const admin = actor(grant({ orgId: "org-2", roles: ["administrator"] }));
    const decision = authorize({ actor: admin, action: "org.view", resource: inOrganisation(ORG), now: noon });
    expect(decision).toEqual({ allowed: false, reason: "not_member", hideExistence: true });
    expect(
      authorize({ actor: actor(null), action: "org.view", resource: inOrganisation(ORG), now: noon }).allowed,
    ).toBe(false);
  });

  it("treats a disabled membership like no membership", () => {
    const decision = authorize({
      actor: actor(grant({ disabled: true, roles: ["administrator"] })),
      action: "org.view",
      resource: inOrganisation(ORG),
      now: noon,
    });
    expect(decision).toMatchObject({ allowed: false, reason: "disabled", hideExistence: true });
  });

  it("limits a department-scoped member to their departments", () => {
    const limited = actor(grant({ roles: ["department_contributor"], departmentIds: ["jugendamt"] }));
    expect(
      authorize({
        actor: limited,
        action: "inbox.reply",
        resource: scoped({ orgId: ORG, departmentId: "jugendamt" }),
        now: noon,
      }).allowed,
    ).toBe(true);
    expect(
      authorize({
        actor: limited,
        action: "inbox.reply",
        resource: scoped({ orgId: ORG, departmentId: "tiefbauamt" }),
        now: noon,
      }),
    ).toMatchObject({ allowed: false, reason: "department" });
  });

  it("treats an empty department list as no department, not as all", () => {
    const none = actor(grant({ departmentIds: [] }));
    expect(
      authorize({ actor: none, action: "post.draft", resource: scoped({ orgId: ORG, departmentId: "any" }), now: noon })
        .allowed,
    ).toBe(false);
  });

  it("limits a member to their channel accounts", () => {
    const limited = actor(grant({ channelAccountIds: ["mastodon-1"] }));
    expect(
      authorize({
        actor: limited,
        action: "post.draft",
        resource: scoped({ orgId: ORG, departmentId: null, channelAccountIds: ["mastodon-1"] }),
        now: noon,
      }).allowed,
    ).toBe(true);
    expect(
      authorize({
        actor: limited,
        action: "post.draft",
        resource: scoped({ orgId: ORG, departmentId: null, channelAccountIds: ["mastodon-1", "bluesky-1"] }),
        now: noon,
      }),
    ).toMatchObject({ reason: "channel_account" });
  });

  it("keeps a department-limited member away from things of no department, which belong to the whole organisation", () => {
    const kita = actor(grant({ roles: ["administrator"], departmentIds: ["jugendamt"] }));
    const orgWidePost = scoped({ orgId: ORG, departmentId: null });
    expect(authorize({ actor: kita, action: "post.draft", resource: orgWidePost, now: noon })).toEqual({
      allowed: false,
      reason: "department",
      hideExistence: false,
    });
    expect(authorize({ actor: actor(grant()), action: "post.draft", resource: orgWidePost, now: noon }).allowed).toBe(
      true,
    );
  });

  it("lets only a grant without limits change what belongs to the whole organisation", () => {
    const settings = organisationWide(ORG);
    const check = (g: Partial<Grant>) =>
      authorize({
        actor: actor(grant({ roles: ["administrator"], ...g })),
        action: "org.update",
        resource: settings,
        now: noon,
      });
    expect(check({}).allowed).toBe(true);
    expect(check({ departmentIds: ["jugendamt"] })).toMatchObject({ allowed: false, reason: "department" });
    expect(check({ channelAccountIds: ["mastodon-1"] })).toMatchObject({ allowed: false, reason: "channel_account" });
  });

  it("asks only role and time at the organisation's door, and opens shared references of no department to all", () => {
    const kita = actor(
      grant({ roles: ["department_contributor"], departmentIds: ["jugendamt"], channelAccountIds: [] }),
    );
    for (const resource of [inOrganisation(ORG), sharedReference(ORG, null), sharedReference(ORG, "jugendamt")])
      expect(authorize({ actor: kita, action: "post.draft", resource, now: noon }).allowed).toBe(true);
    expect(
      authorize({ actor: kita, action: "post.draft", resource: sharedReference(ORG, "tiefbauamt"), now: noon }),
    ).toMatchObject({ allowed: false, reason: "department" });
  });

  it("allows a time-limited member only inside the window, in local time across DST", () => {
    const trainee = actor(
      grant({ activeWindow: { timeZone: "Europe/Berlin", days: [1, 2, 3, 4, 5], from: "08:00", to: "16:00" } }),
    );
    const check = (iso: string) =>
      authorize({ actor: trainee, action: "post.draft", resource: inOrganisation(ORG), now: new Date(iso) }).allowed;
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
