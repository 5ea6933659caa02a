// The moderation report over HTTP on the real database: cases opened by the real ingestion and pipeline,
// decided, objected to and re-decided through the real use cases, evidence secured, alerts acknowledged —
// and the report's counts checked against what was done, for the period and the one before; what a
// department-limited person sees; who may read it at all; and that no case's text or person leaves.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acknowledgeAlert } from "../src/app/moderation/acknowledge-alert.js";
import { recordAppeal } from "../src/app/moderation/appeal-moderation-case.js";
import { decideModerationCase } from "../src/app/moderation/decide-moderation-case.js";
import { secureEvidenceOnRequest } from "../src/app/moderation/evidence-packages.js";
import { publishNetiquette } from "../src/app/website/publish-netiquette.js";
import { createConnectorRegistry } from "../src/channels/registry.js";
import { moderationAlerts, moderationCases } from "../src/db/schema/index.js";
import { DEFAULT_NETIQUETTE } from "../src/domain/website/netiquette.js";
import { ingestCitizenMessages } from "./support/citizenMessages.js";
import { buildPublishedPost } from "./support/publishedPosts.js";
import { buildChannelAccount, buildDepartment, buildMember, buildOrg, systemAdminOf } from "./support/factories.js";
import { type TestApp, signIn, startTestApp } from "./support/testApp.js";

// Sunday 6 December 2026, 11:00 in Berlin: the last 30 days are 7 November – 6 December.
const END = new Date("2026-12-06T10:00:00Z");
let now = END;
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ clock: () => now });
});
afterAll(() => t.close());

const INSULT = "Ihr seid alle unfähige Idioten und Versager";
const THREAT = "Den Bürgermeister sollte man aufhängen";
const HOUR = 3_600_000;

async function scene() {
  const org = await buildOrg(t.ctx);
  await publishNetiquette(t.ctx, { actor: systemAdminOf(org.id), orgId: org.id, input: DEFAULT_NETIQUETTE });
  const bauamt = await buildDepartment(t.ctx, org.id, { name: "Bauamt" });
  const kultur = await buildDepartment(t.ctx, org.id, { name: "Kulturamt" });
  // Messages arrive on sandbox accounts (draht's own network, which carries out hiding and deleting); the
  // Bauamt's website only raises an alert (pre-moderation is the website's).
  const bauSite = await buildChannelAccount(t.ctx, org.id, { name: "Bauamt-Kanal", departmentId: bauamt.id });
  const kulturSite = await buildChannelAccount(t.ctx, org.id, { name: "Kultur-Kanal", departmentId: kultur.id });
  const bauWebsite = await buildChannelAccount(t.ctx, org.id, {
    name: "Website Bauamt",
    network: "website",
    departmentId: bauamt.id,
  });
  const admin = await buildMember(t.ctx, org.id, { roles: ["administrator"] });
  const moderator = await buildMember(t.ctx, org.id, { roles: ["moderator"] });
  const connectors = createConnectorRegistry({ db: t.ctx.db, clock: t.ctx.clock, publicUrl: t.ctx.publicUrl });

  /** A citizen's message at `at` through the ingestion (the pipeline opens its case then); its case's id. */
  const message = async (channelAccountId: string, at: string, text: string) => {
    now = new Date(at);
    const [conversationId] = await ingestCitizenMessages(t.ctx, {
      orgId: org.id,
      channelAccountId,
      now,
      items: [{ at, text: `${text} ${at}` }],
    });
    const [row] = await t.ctx.db
      .select({ id: moderationCases.id })
      .from(moderationCases)
      .where(eq(moderationCases.conversationId, conversationId ?? ""));
    if (!row) throw new Error("the message opened no case");
    return row.id;
  };
  const decide = async (caseId: string, at: string, action: "hide" | "delete" | "approve", clause: number) => {
    now = new Date(at);
    await decideModerationCase(
      t.ctx,
      { connectors },
      { actor: moderator.actor, orgId: org.id, caseId, input: { action, clause, reason: "Geprüft nach Netiquette" } },
    );
  };
  const appeal = async (caseId: string, at: string) => {
    now = new Date(at);
    await recordAppeal(t.ctx, {
      actor: moderator.actor,
      orgId: org.id,
      caseId,
      input: { text: "Die Person widerspricht per Brief." },
    });
  };
  /** An alert across the account, or under one post (the network's id of the thread's root). */
  const alert = async (channelAccountId: string, at: string, threadExternalId = "") => {
    const start = new Date(at);
    const [row] = await t.ctx.db
      .insert(moderationAlerts)
      .values({
        orgId: org.id,
        channelAccountId,
        threadExternalId,
        windowStart: start,
        windowEnd: new Date(start.getTime() + HOUR),
        offensive: 20,
        total: 30,
        baselineMedian: 1,
        baselineMad: 1,
        score: 12.8,
        createdAt: start,
      })
      .returning({ id: moderationAlerts.id });
    return row?.id ?? "";
  };

  // The period before: one insult on the Bauamt's website, hidden.
  const earlier = await message(bauSite.id, "2026-10-20T09:00:00Z", INSULT);
  await decide(earlier, "2026-10-20T10:00:00Z", "hide", 3);
  await alert(bauSite.id, "2026-10-21T18:00:00Z");
  // This period, Bauamt: three insults on Tuesday 1 December at 10:00 in Berlin, and a threat.
  const hidden = await message(bauSite.id, "2026-12-01T09:00:00Z", INSULT);
  const deleted = await message(bauSite.id, "2026-12-01T09:00:00Z", INSULT);
  const approved = await message(bauSite.id, "2026-12-01T09:00:00Z", INSULT);
  await message(bauSite.id, "2026-12-02T07:00:00Z", THREAT);
  await decide(hidden, "2026-12-01T11:00:00Z", "hide", 3); // 2 business hours later
  await decide(deleted, "2026-12-01T13:00:00Z", "delete", 3); // 4
  await decide(approved, "2026-12-02T09:00:00Z", "approve", 1); // 6 on Tuesday + 2 on Wednesday = 8
  // The hidden one objected to and let through (overturned); the deleted one objected to and deleted again (upheld).
  await appeal(hidden, "2026-12-02T10:00:00Z");
  await decide(hidden, "2026-12-02T12:00:00Z", "approve", 1);
  await appeal(deleted, "2026-12-02T10:30:00Z");
  await decide(deleted, "2026-12-02T12:30:00Z", "delete", 3);
  // Kulturamt: one insult on Thursday, hidden an hour later, objected to (pending), evidence secured on request.
  const kulturCase = await message(kulturSite.id, "2026-12-03T09:00:00Z", INSULT);
  await decide(kulturCase, "2026-12-03T10:00:00Z", "hide", 3);
  await appeal(kulturCase, "2026-12-04T09:00:00Z");
  now = new Date("2026-12-04T09:30:00Z");
  await secureEvidenceOnRequest(t.ctx, { actor: moderator.actor, orgId: org.id, caseId: kulturCase });
  // Alerts: the Bauamt's acknowledged with pre-moderation switched on; the Kulturamt's still open.
  const bauAlert = await alert(bauWebsite.id, "2026-11-30T18:00:00Z");
  now = new Date("2026-11-30T19:30:00Z");
  await acknowledgeAlert(t.ctx, {
    actor: systemAdminOf(org.id),
    orgId: org.id,
    alertId: bauAlert,
    input: { preModerate: true },
  });
  await alert(kulturSite.id, "2026-12-05T20:00:00Z");
  now = END;
  return { org, bauamt, kultur, bauSite, kulturSite, admin, moderator, alert };
}

type Scene = Awaited<ReturnType<typeof scene>>;
const reportOf = async (s: Scene, member: { email: string; password: string }, query = "") => {
  const session = await signIn(t.app, member.email, member.password);
  const response = await session.request("GET", `/api/orgs/${s.org.id}/reports/moderation${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return { report: response.json(), body: response.body };
};

describe("the moderation report", () => {
  it("counts decisions by clause and action, objections by outcome, threats, evidence and alerts against the period before", async () => {
    const s = await scene();
    const { report, body } = await reportOf(s, s.admin);
    expect(report.period).toMatchObject({ from: "2026-11-07", to: "2026-12-06", previousFrom: "2026-10-08" });
    expect(report.totals).toMatchObject({
      decisions: 6,
      appeals: 3,
      appealsUpheld: 1,
      appealsOverturned: 1,
      appealsPending: 1,
      threats: 1,
      // The threat's package secured at ingestion, the Kulturamt's on request.
      evidencePackages: 2,
      alerts: 2,
      firstDecisions: 4,
      // Of 1, 2, 4 and 8 business hours.
      medianDecisionMs: 3 * HOUR,
    });
    // The messages as they stand now: two let through, one deleted, the Kulturamt's hidden, and the threat,
    // which the pipeline hid at once and nobody decided yet.
    expect(report.totals).toMatchObject({ deleted: 1, hidden: 2, held: 0 });
    expect(report.previous).toMatchObject({ decisions: 1, hidden: 1, appeals: 0, threats: 0, alerts: 1 });
    expect(report.byClause).toEqual([
      { clause: 3, title: "Keine Beleidigungen", current: 4, previous: 1 },
      { clause: 1, title: "Respektvoller Umgang", current: 2, previous: 0 },
    ]);
    // Most first; equal counts in the order of the actions.
    expect(report.byAction).toEqual([
      { action: "approve", current: 2, previous: 0 },
      { action: "hide", current: 2, previous: 1 },
      { action: "delete", current: 2, previous: 0 },
    ]);
    expect(report.series).toHaveLength(30);
    expect(report.series.find((p: { start: string }) => p.start === "2026-12-02")).toMatchObject({ decisions: 3 });
    expect(report.alertList).toEqual([
      expect.objectContaining({ channelName: "Kultur-Kanal", outcome: "open", acknowledgedAt: null }),
      expect.objectContaining({
        channelName: "Website Bauamt",
        outcome: "pre_moderated",
        acknowledgedAt: "2026-11-30T19:30:00.000Z",
        windowStart: "2026-11-30T18:00:00.000Z",
      }),
    ]);
    // Counts only: no message, reason or person.
    for (const secret of ["Idioten", "aufhängen", "widerspricht", "Geprüft", s.moderator.email, s.moderator.userId])
      expect(body).not.toContain(secret);
  });

  it("narrows to a channel account and to a custom period", async () => {
    const s = await scene();
    const { report: kultur } = await reportOf(s, s.admin, `?channelAccountIds=${s.kulturSite.id}`);
    expect(kultur.totals).toMatchObject({
      decisions: 1,
      appeals: 1,
      appealsPending: 1,
      evidencePackages: 1,
      alerts: 1,
    });
    expect(kultur.totals).toMatchObject({ threats: 0, hidden: 1, firstDecisions: 1, medianDecisionMs: HOUR });
    const { report: tuesday } = await reportOf(s, s.admin, "?from=2026-12-01&to=2026-12-01");
    expect(tuesday.period).toMatchObject({ days: 1, previousFrom: "2026-11-30" });
    expect(tuesday.totals).toMatchObject({ decisions: 2, appeals: 0, firstDecisions: 2, medianDecisionMs: 3 * HOUR });
    // The alert of Monday evening is the day before's.
    expect(tuesday.previous).toMatchObject({ alerts: 1, decisions: 0 });
  });

  it("shows a department-limited person only their department's figures", async () => {
    const s = await scene();
    const limited = await buildMember(t.ctx, s.org.id, { roles: ["analyst"], departmentIds: [s.kultur.id] });
    const { report } = await reportOf(s, limited);
    expect(report.totals).toMatchObject({
      decisions: 1,
      appeals: 1,
      appealsPending: 1,
      appealsUpheld: 0,
      threats: 0,
      evidencePackages: 1,
      alerts: 1,
      hidden: 1,
      deleted: 0,
      held: 0,
    });
    expect(report.previous).toMatchObject({ decisions: 0, alerts: 0, hidden: 0 });
    expect(report.byClause).toEqual([{ clause: 3, title: "Keine Beleidigungen", current: 1, previous: 0 }]);
    expect(report.alertList.map((a: { channelName: string }) => a.channelName)).toEqual(["Kultur-Kanal"]);
    expect(report.choices.departments.map((d: { name: string }) => d.name)).toEqual(["Kulturamt"]);
    // Asking for the other department's channel adds nothing.
    const { report: other } = await reportOf(s, limited, `?channelAccountIds=${s.bauSite.id}`);
    expect(other.totals).toMatchObject({ decisions: 0, alerts: 0, threats: 0, hidden: 0, deleted: 0 });
  });

  it("names the post an alert raged under, with its id for the link, only to those who may see the post", async () => {
    const s = await scene();
    // The Kulturamt's channel carries a post of its own and one of the Bauamt's (a post may go to any account).
    const festival = await buildPublishedPost(t.ctx, s.org.id, {
      title: "Sommerfest im Stadtpark",
      departmentId: s.kultur.id,
      on: [{ channelAccountId: s.kulturSite.id, externalId: "kultur-1" }],
    });
    const roadworks = await buildPublishedPost(t.ctx, s.org.id, {
      title: "Baustelle Lindenstraße",
      departmentId: s.bauamt.id,
      on: [{ channelAccountId: s.kulturSite.id, externalId: "bau-1" }],
    });
    await s.alert(s.kulturSite.id, "2026-12-04T18:00:00Z", "kultur-1");
    await s.alert(s.kulturSite.id, "2026-12-03T18:00:00Z", "bau-1");
    // A thread that is none of our posts (a citizen's own thread), and the same post id on another account.
    await s.alert(s.kulturSite.id, "2026-12-02T18:00:00Z", "fremder-thread");
    await s.alert(s.bauSite.id, "2026-12-01T18:00:00Z", "kultur-1");
    type Alert = { windowStart: string; onePost: boolean; post: { id: string; title: string } | null };
    const where = (report: { alertList: Alert[] }) =>
      report.alertList.map((a) => [a.windowStart.slice(0, 10), a.onePost, a.post]);

    const { report: all } = await reportOf(s, s.admin);
    expect(where(all)).toEqual([
      ["2026-12-05", false, null],
      ["2026-12-04", true, { id: festival.id, title: "Sommerfest im Stadtpark" }],
      ["2026-12-03", true, { id: roadworks.id, title: "Baustelle Lindenstraße" }],
      ["2026-12-02", true, null],
      ["2026-12-01", true, null],
      ["2026-11-30", false, null],
    ]);

    // Limited to the Kulturamt: its channel's alerts, but the Bauamt's post stays unnamed ("under one post").
    const limited = await buildMember(t.ctx, s.org.id, { roles: ["analyst"], departmentIds: [s.kultur.id] });
    const { report, body } = await reportOf(s, limited);
    expect(where(report)).toEqual([
      ["2026-12-05", false, null],
      ["2026-12-04", true, { id: festival.id, title: "Sommerfest im Stadtpark" }],
      ["2026-12-03", true, null],
      ["2026-12-02", true, null],
    ]);
    expect(body).not.toContain("Baustelle");
    expect(body).not.toContain(roadworks.id);
  });

  it("is for those who read reports: the analyst yes, the moderator (moderation without reports) no", async () => {
    const s = await scene();
    const analyst = await buildMember(t.ctx, s.org.id, { roles: ["analyst"] });
    expect((await reportOf(s, analyst)).report.totals.decisions).toBe(6);
    const session = await signIn(t.app, s.moderator.email, s.moderator.password);
    const refused = await session.request("GET", `/api/orgs/${s.org.id}/reports/moderation`);
    expect(refused.statusCode).toBe(403);
  });
});
