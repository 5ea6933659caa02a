// The start page (Übersicht) on the real database, per role: each section counts exactly what the person's
// role and scope allow — a department-limited person never sees another department's overdue question, an
// author never sees their own post as awaiting their approval, threats lead the moderation queue — and the
// navigation's counts agree with the page.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assignConversations } from "../src/app/inbox/assign-conversations.js";
import { createPost } from "../src/app/posts/create-post.js";
import { decidePost } from "../src/app/posts/decide-post.js";
import { submitPost } from "../src/app/posts/submit-post.js";
import type { TOverview, TOverviewCounts } from "../src/contract/overview.js";
import { channelSyncStates, conversations } from "../src/db/schema/index.js";
import type { Role } from "../src/domain/roles.js";
import {
  buildChannelAccount,
  buildDepartment,
  buildGuideline,
  buildMember,
  buildOrg,
  systemAdminOf,
  type TestMember,
} from "./support/factories.js";
import { buildAlert, buildModerationCase } from "./support/moderation.js";
import { type SignedIn, type TestApp, signIn, startTestApp } from "./support/testApp.js";
import { buildWebsiteScene, startCitizen } from "./support/website.js";

// Wednesday 25 November 2026, 10:00 in Berlin: inside the default office hours.
let now = new Date("2026-11-25T09:00:00Z");
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ clock: () => now });
});
afterAll(() => t.close());

const minutes = (n: number) => (now = new Date(now.getTime() + n * 60_000));

type Person = SignedIn & { userId: string; actor: TestMember["actor"] };
async function person(orgId: string, roles: Role[], departmentIds: string[] | null = null): Promise<Person> {
  const member = await buildMember(t.ctx, orgId, { roles, departmentIds });
  return Object.assign(await signIn(t.app, member.email, member.password), {
    userId: member.userId,
    actor: member.actor,
  });
}

/** JSON answers come back as plain values: timestamps as text. */
type Wire<T> = T extends Date ? string : T extends object ? { [K in keyof T]: Wire<T[K]> } : T;
async function overviewOf(who: SignedIn, orgId: string): Promise<Wire<TOverview>> {
  const response = await who.request("GET", `/api/orgs/${orgId}/overview`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}
async function countsOf(who: SignedIn, orgId: string): Promise<TOverviewCounts> {
  const response = await who.request("GET", `/api/orgs/${orgId}/overview/counts`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

describe("the start page", () => {
  let orgId: string;
  let kita: string;
  let people: Record<"admin" | "press" | "press2" | "head" | "contributor" | "moderator" | "analyst", Person>;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const s = await buildWebsiteScene(t.ctx);
    orgId = s.org.id;
    kita = (await buildDepartment(t.ctx, orgId, { name: "Jugendamt" })).id;
    const waste = (await buildDepartment(t.ctx, orgId, { name: "Abfallwirtschaft" })).id;
    people = {
      admin: await person(orgId, ["administrator"]),
      press: await person(orgId, ["press_office"]),
      press2: await person(orgId, ["press_office"]),
      head: await person(orgId, ["department_head"], [kita]),
      contributor: await person(orgId, ["department_contributor"], [kita]),
      moderator: await person(orgId, ["moderator"]),
      analyst: await person(orgId, ["analyst"]),
    };
    const rules = await people.admin.request("PUT", `/api/orgs/${orgId}/inbox/rules`, {
      routing: [
        { name: "Kita", keywords: ["Kita"], departmentId: kita },
        { name: "Müll", keywords: ["Mülltonne"], departmentId: waste },
      ],
      targets: [{ intent: null, firstResponseMinutes: 60 }],
      settings: { autoAcknowledge: false, idleWarningDays: 7, repeatWindowDays: 14, replyApproval: "all" },
    });
    expect(rules.statusCode, rules.body).toBe(200);
    const ask = async (name: string, text: string, ip: string) => {
      const citizen = await startCitizen(t.app, s.org.slug, ip);
      await citizen.acceptNetiquette(s.netiquette.id);
      const response = await citizen.comment(s.entryId, { text, displayName: name });
      expect(response.statusCode, response.body).toBe(201);
      const [row] = await t.ctx.db.select().from(conversations).where(eq(conversations.citizenName, name));
      ids[name] = row?.id ?? "";
    };
    await ask("Familie Brandt", "Gibt es freie Kita-Plätze ab Januar?", "198.51.100.21");
    minutes(1);
    await ask("Herr Vogel", "Wann wird die Mülltonne in der Lindenstraße geleert?", "198.51.100.22");
    minutes(35);
    await ask("Frau Sommer", "Hat die Kita am Markt im Sommer geöffnet?", "198.51.100.23");
    minutes(30); // Brandt is 6 minutes overdue, Vogel 5; Sommer is due in 30 minutes.
    await ask("Herr Yilmaz", "Wann öffnet die Kita Sonnenschein nach den Ferien wieder?", "198.51.100.24");
    // Yilmaz waits too, due in an hour: neither overdue nor due soon.
    const input = { conversationIds: [ids["Familie Brandt"] ?? ""], assigneeUserId: people.head.userId };
    await assignConversations(t.ctx, { actor: systemAdminOf(orgId), orgId, input });
  });

  it("counts the overdue and soon-due questions of the whole organisation for those without a limit, the most overdue first", async () => {
    const admin = await overviewOf(people.admin, orgId);
    expect(admin.team).toMatchObject({ scope: "organisation", waiting: 4, overdue: 2, dueSoon: 1 });
    expect(admin.team?.items.map((i) => [i.citizenName, i.overdue])).toEqual([
      ["Familie Brandt", true],
      ["Herr Vogel", true],
      ["Frau Sommer", false],
    ]);
    expect(admin.team?.items[0]).toMatchObject({ departmentName: "Jugendamt", channelName: "Website" });
    expect(admin.mine).toEqual({ waiting: 0, overdue: 0, dueSoon: 0, items: [] });
    expect((await overviewOf(people.moderator, orgId)).team).toMatchObject({ waiting: 4, overdue: 2, dueSoon: 1 });
  });

  it("shows a department-limited person their department's questions and their own, never another department's", async () => {
    const head = await overviewOf(people.head, orgId);
    expect(head.team).toMatchObject({ scope: "departments", waiting: 3, overdue: 1, dueSoon: 1 });
    expect(head.team?.items.map((i) => i.citizenName)).toEqual(["Familie Brandt", "Frau Sommer"]);
    expect(head.mine).toMatchObject({ waiting: 1, overdue: 1, dueSoon: 0 });
    expect(head.mine?.items.map((i) => i.citizenName)).toEqual(["Familie Brandt"]);
    const contributor = await overviewOf(people.contributor, orgId);
    expect(contributor.team).toMatchObject({ waiting: 3, overdue: 1, dueSoon: 1 });
    expect(JSON.stringify(contributor)).not.toContain("Herr Vogel");
    expect(await countsOf(people.contributor, orgId)).toEqual({
      inboxOverdue: 1,
      moderationOpen: null,
      moderationThreats: null,
      postApprovals: null,
    });
  });

  it("links each count to the inbox filtered alike: waiting, overdue and due soon, in the person's scope", async () => {
    const listed = async (who: Person, query: string) => {
      const response = await who.request("GET", `/api/orgs/${orgId}/inbox/conversations?${query}`);
      expect(response.statusCode, response.body).toBe(200);
      const names: string[] = response.json().conversations.map((c: { citizenName: string }) => c.citizenName);
      return names.sort();
    };
    expect(await listed(people.admin, "waiting=true")).toEqual([
      "Familie Brandt",
      "Frau Sommer",
      "Herr Vogel",
      "Herr Yilmaz",
    ]);
    expect(await listed(people.admin, "overdue=true")).toEqual(["Familie Brandt", "Herr Vogel"]);
    expect(await listed(people.admin, "dueSoon=true")).toEqual(["Frau Sommer"]);
    expect(await listed(people.admin, "dueSoon=false")).toEqual(["Familie Brandt", "Herr Vogel", "Herr Yilmaz"]);
    expect(await listed(people.head, "waiting=true")).toEqual(["Familie Brandt", "Frau Sommer", "Herr Yilmaz"]);
    expect(await listed(people.head, "assignee=me&waiting=true")).toEqual(["Familie Brandt"]);
    expect(await listed(people.head, "assignee=me&dueSoon=true")).toEqual([]);
  });

  it("tells the assignee of their assignment among their unread notifications", async () => {
    const head = await overviewOf(people.head, orgId);
    expect(head.notifications?.count).toBe(1);
    expect(head.notifications?.items[0]).toMatchObject({ kind: "assigned", citizenName: "Familie Brandt" });
    expect((await overviewOf(people.admin, orgId)).notifications).toEqual({ count: 0, items: [] });
  });

  it("lists posts awaiting Freigabe only for those who may take the next step: never the author, never twice", async () => {
    const account = await buildChannelAccount(t.ctx, orgId, {
      network: "sandbox",
      name: "Mastodon",
      approval: { post: "single", campaign_template: "none", campaign_free: "single" },
    });
    const strict = await buildChannelAccount(t.ctx, orgId, {
      network: "sandbox",
      name: "Bluesky",
      approval: { post: "four_eyes", campaign_template: "none", campaign_free: "four_eyes" },
    });
    const write = async (body: string, channelAccountId: string) => {
      const post = await createPost(t.ctx, {
        actor: people.press.actor,
        orgId,
        input: { body, departmentId: null, channels: [{ channelAccountId, textOverride: null }] },
      });
      await submitPost(t.ctx, { actor: people.press.actor, orgId, postId: post.id, revision: 1 });
      minutes(1);
      return post.id;
    };
    const single = await write("Der Wochenmarkt beginnt um 8 Uhr.", account.id);
    const fourEyes = await write("Das Rathaus ist am Freitag geschlossen.", strict.id);
    await decidePost(t.ctx, {
      actor: people.admin.actor,
      orgId,
      postId: fourEyes,
      input: { decision: "approved", revision: 1, comment: "" },
    });

    const admin = await overviewOf(people.admin, orgId);
    expect(admin.postApprovals?.items.map((p) => [p.id, p.step, p.steps])).toEqual([[single, 1, 1]]);
    expect((await overviewOf(people.press, orgId)).postApprovals).toEqual({ count: 0, items: [] });
    const colleague = await overviewOf(people.press2, orgId);
    expect(colleague.postApprovals?.items.map((p) => [p.id, p.step, p.steps])).toEqual([
      [single, 1, 1],
      [fourEyes, 2, 2],
    ]);
    // The organisation's posts are beyond a department-limited head; editors and others may not approve at all.
    expect((await overviewOf(people.head, orgId)).postApprovals).toEqual({ count: 0, items: [] });
    expect((await overviewOf(people.contributor, orgId)).postApprovals).toBeNull();
    expect((await countsOf(people.press2, orgId)).postApprovals).toBe(2);
    expect((await countsOf(people.admin, orgId)).postApprovals).toBe(1);
  });

  it("lists replies awaiting Freigabe for those who may release them, within their scope, never their own", async () => {
    const reply = async (who: Person, name: string) => {
      const url = `/api/orgs/${orgId}/inbox/conversations/${ids[name]}/replies`;
      const response = await who.request("POST", url, { text: "Vielen Dank für Ihre Frage, wir melden uns." });
      expect(response.statusCode, response.body).toBe(201);
      expect(response.json()).toMatchObject({ status: "in_review" });
      minutes(1);
    };
    await reply(people.contributor, "Frau Sommer");
    await reply(people.head, "Familie Brandt");
    await reply(people.admin, "Herr Vogel");
    const head = await overviewOf(people.head, orgId);
    expect(head.replyApprovals?.items.map((r) => r.citizenName)).toEqual(["Frau Sommer"]);
    const admin = await overviewOf(people.admin, orgId);
    expect(admin.replyApprovals?.items.map((r) => r.citizenName)).toEqual(["Frau Sommer", "Familie Brandt"]);
    expect((await overviewOf(people.press, orgId)).replyApprovals?.count).toBe(3);
    expect((await overviewOf(people.contributor, orgId)).replyApprovals).toBeNull();
  });

  it("names channel accounts that need reconnecting to those who see channels", async () => {
    const account = await buildChannelAccount(t.ctx, orgId, { network: "sandbox", name: "Abgemeldet" });
    await t.ctx.db.insert(channelSyncStates).values({
      channelAccountId: account.id,
      orgId,
      status: "needs_reconnect",
      updatedAt: now,
    });
    const admin = await overviewOf(people.admin, orgId);
    expect(admin.channels?.items).toEqual([
      { channelAccountId: account.id, name: "Abgemeldet", network: "sandbox", problem: "needs_reconnect" },
    ]);
    expect(admin.channels?.count).toBe(1);
    expect((await overviewOf(people.moderator, orgId)).channels).toBeNull();
  });

  it("asks everyone to acknowledge the guideline in force and tells those who manage it when its review is due", async () => {
    await buildGuideline(t.ctx, orgId, {}, "2026-12-01");
    const analyst = await overviewOf(people.analyst, orgId);
    expect(analyst.guideline).toMatchObject({ acknowledged: false, review: null });
    const admin = await overviewOf(people.admin, orgId);
    expect(admin.guideline).toMatchObject({
      acknowledged: false,
      review: { state: "due_soon", reviewBy: "2026-12-01" },
    });
    const acknowledged = await people.analyst.request(
      "POST",
      `/api/orgs/${orgId}/guidelines/${analyst.guideline?.id}/acknowledge`,
    );
    expect(acknowledged.statusCode, acknowledged.body).toBeLessThan(300);
    expect((await overviewOf(people.analyst, orgId)).guideline?.acknowledged).toBe(true);
  });

  it("gives an analyst only what their role opens: no inbox, approvals, moderation or channels", async () => {
    const analyst = await overviewOf(people.analyst, orgId);
    expect(analyst).toMatchObject({
      mine: null,
      team: null,
      postApprovals: null,
      replyApprovals: null,
      moderation: null,
      alerts: null,
      channels: null,
      notifications: null,
    });
    expect(await countsOf(people.analyst, orgId)).toEqual({
      inboxOverdue: null,
      moderationOpen: null,
      moderationThreats: null,
      postApprovals: null,
    });
  });
});

describe("the start page's moderation queue", () => {
  it("puts threats first, counts them, and shows open alerts, each within the moderator's scope", async () => {
    const org = await buildOrg(t.ctx);
    const department = await buildDepartment(t.ctx, org.id);
    const insult = await buildModerationCase(t.ctx, t.app, org.id);
    minutes(1);
    const threat = await buildModerationCase(t.ctx, t.app, org.id, { threat: true });
    await buildModerationCase(t.ctx, t.app, org.id, { decided: true });
    await buildAlert(t.ctx, org.id);
    const moderator = await person(org.id, ["moderator"]);
    const overview = await overviewOf(moderator, org.id);
    expect(overview.moderation).toMatchObject({ count: 2, threats: 1 });
    expect(overview.moderation?.items.map((c) => [c.id, c.threat])).toEqual([
      [threat.caseId, true],
      [insult.caseId, false],
    ]);
    expect(overview.alerts?.count).toBe(1);
    expect(await countsOf(moderator, org.id)).toMatchObject({ moderationOpen: 2, moderationThreats: 1 });

    // Cases and alerts of the whole organisation are beyond a moderator limited to a department.
    const limited = await person(org.id, ["moderator"], [department.id]);
    const theirs = await overviewOf(limited, org.id);
    expect(theirs.moderation).toEqual({ count: 0, threats: 0, items: [] });
    expect(theirs.alerts).toEqual({ count: 0, items: [] });
  });
});
