// The reports over HTTP on the real database: Stimmung and Antwortzeiten for a period and the one before,
// with filters, what a department-limited person and an analyst see, and a clear error for a bad period.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordConversationResponse } from "../src/app/inbox/recordResponse.js";
import { conversationReplies } from "../src/db/schema/index.js";
import { moodOf } from "../src/domain/reports/mood.js";
import { buildMember } from "./support/factories.js";
import { ingestCitizenMessages } from "./support/citizenMessages.js";
import { NEGATIVE_TEXT as NEGATIVE, POSITIVE_TEXT as POSITIVE, buildReportOrg } from "./support/reportScene.js";
import { type TestApp, signIn, startTestApp } from "./support/testApp.js";

// Sunday 6 December 2026, 11:00 in Berlin.
let now = new Date("2026-12-06T10:00:00Z");
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ clock: () => now });
});
afterAll(() => t.close());

const QUESTION = "Wann wird die Straße wieder freigegeben?";

function ingest(orgId: string, channelAccountId: string, items: { at: string; text: string }[]) {
  return ingestCitizenMessages(t.ctx, { orgId, channelAccountId, now, items, threadExternalId: "post-1" });
}

async function scene() {
  const { org, bauamt, kultur, website, mastodon } = await buildReportOrg(t.ctx);
  // This period (from 7 November): 3 negative + 1 positive on the website, 2 positive on Mastodon.
  // The period before: 1 negative on the website.
  await ingest(org.id, website.id, [
    { at: "2026-12-01T09:00:00Z", text: NEGATIVE },
    { at: "2026-12-01T10:00:00Z", text: NEGATIVE },
    { at: "2026-12-02T10:00:00Z", text: NEGATIVE },
    { at: "2026-12-03T10:00:00Z", text: POSITIVE },
    { at: "2026-10-20T10:00:00Z", text: NEGATIVE },
  ]);
  await ingest(org.id, mastodon.id, [
    { at: "2026-12-04T10:00:00Z", text: POSITIVE },
    { at: "2026-11-07T00:30:00Z", text: POSITIVE },
  ]);
  const admin = await buildMember(t.ctx, org.id, { roles: ["administrator"] });
  return { org, bauamt, kultur, website, mastodon, admin };
}

describe("the mood report", () => {
  it("divides this period's messages into moods, over time, per channel and department, against the period before", async () => {
    const s = await scene();
    // The test's texts have the moods the test counts on.
    expect([NEGATIVE, POSITIVE].map((text) => moodOf(t.ctx.analyser.analyse(text).sentiment))).toEqual([
      "negative",
      "positive",
    ]);
    const admin = await signIn(t.app, s.admin.email, s.admin.password);
    const response = await admin.request("GET", `/api/orgs/${s.org.id}/reports/mood`);
    expect(response.statusCode, response.body).toBe(200);
    const report = response.json();
    expect(report.period).toMatchObject({ from: "2026-11-07", to: "2026-12-06", previousFrom: "2026-10-08" });
    expect(report.totals).toMatchObject({ messages: 6, negative: 3, positive: 3 });
    expect(report.previous).toMatchObject({ messages: 1, negative: 1, positive: 0 });
    expect(report.series).toHaveLength(30);
    expect(report.series.find((p: { start: string }) => p.start === "2026-12-01")).toMatchObject({
      messages: 2,
      negative: 2,
    });
    // 00:30 in Berlin on 7 November is inside the period, though still 6 November in UTC.
    expect(report.series[0]).toMatchObject({ start: "2026-11-07", messages: 1, positive: 1 });
    expect(report.byChannel.map((c: { name: string }) => c.name)).toEqual(["Website", "Mastodon"]);
    expect(report.byDepartment).toEqual([
      expect.objectContaining({ name: "Bauamt", current: expect.objectContaining({ messages: 4, negative: 3 }) }),
      expect.objectContaining({ name: "Kulturamt", current: expect.objectContaining({ messages: 2, positive: 2 }) }),
    ]);
  });

  it("narrows to the chosen channels and departments and to a custom period", async () => {
    const s = await scene();
    const admin = await signIn(t.app, s.admin.email, s.admin.password);
    const base = `/api/orgs/${s.org.id}/reports/mood`;
    const channelResponse = await admin.request("GET", `${base}?channelAccountIds=${s.mastodon.id}`);
    expect(channelResponse.statusCode, channelResponse.body).toBe(200);
    const byChannel = channelResponse.json();
    expect(byChannel.totals).toMatchObject({ messages: 2, positive: 2, negative: 0 });
    const byTeam = (await admin.request("GET", `${base}?departmentIds=${s.bauamt.id},none`)).json();
    expect(byTeam.totals).toMatchObject({ messages: 4, negative: 3 });
    const week = (await admin.request("GET", `${base}?from=2026-12-01&to=2026-12-02`)).json();
    expect(week.period).toMatchObject({ days: 2, previousFrom: "2026-11-29", previousTo: "2026-11-30" });
    expect(week.totals).toMatchObject({ messages: 3, negative: 3 });
  });

  it("counts a long period week by week from Monday, the week that straddles its start with only its own days", async () => {
    const s = await scene();
    // Monday 14 September is the period before's last day; Wednesday 16 September is in the period.
    await ingest(s.org.id, s.website.id, [
      { at: "2026-09-14T10:00:00Z", text: NEGATIVE },
      { at: "2026-09-16T10:00:00Z", text: POSITIVE },
    ]);
    const admin = await signIn(t.app, s.admin.email, s.admin.password);
    const response = await admin.request("GET", `/api/orgs/${s.org.id}/reports/mood?from=2026-09-15&to=2026-12-06`);
    expect(response.statusCode, response.body).toBe(200);
    const report = response.json();
    expect(report.period).toMatchObject({ step: "week", previousTo: "2026-09-14" });
    expect(report.totals).toMatchObject({ messages: 8, negative: 4, positive: 4 });
    expect(report.previous).toMatchObject({ messages: 1, negative: 1 });
    expect(report.series.map((p: { start: string }) => p.start)).toHaveLength(12);
    const week = (start: string) => report.series.find((p: { start: string }) => p.start === start);
    expect(report.series[0]).toEqual({ start: "2026-09-14", messages: 1, negative: 0, neutral: 0, positive: 1 });
    expect(week("2026-10-19")).toMatchObject({ messages: 1, negative: 1 });
    expect(week("2026-11-02")).toMatchObject({ messages: 1, positive: 1 });
    expect(week("2026-11-30")).toMatchObject({ messages: 5, negative: 3, positive: 2 });
    expect(report.byChannel.find((c: { name: string }) => c.name === "Website")).toMatchObject({
      current: expect.objectContaining({ messages: 6, negative: 4 }),
      previous: expect.objectContaining({ messages: 1, negative: 1 }),
    });
  });

  it("shows a department-limited person only their department, and refuses someone without the right", async () => {
    const s = await scene();
    const limited = await buildMember(t.ctx, s.org.id, { roles: ["press_office"], departmentIds: [s.kultur.id] });
    const session = await signIn(t.app, limited.email, limited.password);
    const report = (await session.request("GET", `/api/orgs/${s.org.id}/reports/mood`)).json();
    expect(report.totals).toMatchObject({ messages: 2, negative: 0 });
    expect(report.byDepartment.map((d: { name: string }) => d.name)).toEqual(["Kulturamt"]);
    const editor = await buildMember(t.ctx, s.org.id, { roles: ["editor"] });
    const refused = await (
      await signIn(t.app, editor.email, editor.password)
    ).request("GET", `/api/orgs/${s.org.id}/reports/mood`);
    expect(refused.statusCode).toBe(403);
  });

  it("refuses a period that ends before it begins, saying so", async () => {
    const s = await scene();
    const admin = await signIn(t.app, s.admin.email, s.admin.password);
    const response = await admin.request("GET", `/api/orgs/${s.org.id}/reports/mood?from=2026-12-05&to=2026-12-01`);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details).toMatchObject({ reason: "the period ends before it begins" });
    for (const query of ["channelAccountIds=nonsense", "departmentIds=", "from=0001-01-01", "days=0", "days=10000"]) {
      const refused = await admin.request("GET", `/api/orgs/${s.org.id}/reports/mood?${query}`);
      expect(refused.statusCode, query).toBe(400);
      expect(refused.json().error.code, query).toBe("DRAHT_ERR_VALIDATION_FAILED");
    }
  });
});

describe("the response-time report", () => {
  it("gives the median, 90th percentile and share within target of first answers, per person only to those who may see members", async () => {
    const s = await scene();
    const ids = await ingest(s.org.id, s.website.id, [
      { at: "2026-12-01T09:00:00Z", text: QUESTION },
      { at: "2026-12-01T09:00:00Z", text: QUESTION },
      { at: "2026-12-01T09:00:00Z", text: QUESTION },
      { at: "2026-12-01T09:00:00Z", text: QUESTION },
    ]);
    const editor = await buildMember(t.ctx, s.org.id, { roles: ["editor"] });
    // Answered after 10, 20 and 40 minutes and, past the target, a week later; one still waits.
    const answers: [number, string][] = [
      [0, "2026-12-01T09:10:00Z"],
      [1, "2026-12-01T09:20:00Z"],
      [2, "2026-12-01T09:40:00Z"],
    ];
    for (const [i, at] of answers) {
      now = new Date(at);
      const userId = i === 2 ? editor.userId : s.admin.userId;
      await t.ctx.db.transaction((tx) =>
        recordConversationResponse(tx, { conversationId: ids[i] as string, userId, at: now }),
      );
    }
    now = new Date("2026-12-06T10:00:00Z");
    const admin = await signIn(t.app, s.admin.email, s.admin.password);
    const report = (await admin.request("GET", `/api/orgs/${s.org.id}/reports/response-times`)).json();
    expect(report.totals).toMatchObject({ answered: 3, withTarget: 3, withinTarget: 3 });
    // True median 20 minutes: in the bucket [20, 30).
    expect(report.totals.medianMs).toBeGreaterThanOrEqual(20 * 60_000);
    expect(report.totals.medianMs).toBeLessThan(30 * 60_000);
    expect(report.totals.p90Ms).toBeGreaterThanOrEqual(30 * 60_000);
    expect(report.totals.p90Ms).toBeLessThan(45 * 60_000);
    // Waiting: the unanswered question and the scene's seven comments; overdue: all but the one from Friday.
    expect(report.waitingNow).toBe(8);
    expect(report.overdueNow).toBe(7);
    expect(report.byPerson).toHaveLength(2);
    const analyst = await buildMember(t.ctx, s.org.id, { roles: ["analyst"] });
    const theirs = (
      await (
        await signIn(t.app, analyst.email, analyst.password)
      ).request("GET", `/api/orgs/${s.org.id}/reports/response-times`)
    ).json();
    expect(theirs.totals).toMatchObject({ answered: 3 });
    expect(theirs.byPerson).toEqual([]);
  });
});

describe("the topics report", () => {
  it("ranks what citizens wrote about, shows examples only to those who read the inbox, and the latest answer to a repeated question", async () => {
    const s = await scene();
    const MARKET_DAYS = ["2026-11-30", "2026-12-01", "2026-12-02", "2026-12-03", "2026-12-04"];
    const market = [
      "Wann öffnet der Weihnachtsmarkt heute?",
      "Wann öffnet der Weihnachtsmarkt?",
      "Hat der Weihnachtsmarkt am Sonntag geöffnet?",
      "Ist der Weihnachtsmarkt auch am Montag offen?",
      "Wie lange hat der Weihnachtsmarkt offen?",
    ];
    const ids = await ingest(
      s.org.id,
      s.mastodon.id,
      market.map((text, i) => ({ at: `${MARKET_DAYS[i]}T10:00:00Z`, text })),
    );
    // An answer staff sent to one of them (the reply path's own tests cover how it is sent).
    await t.ctx.db.insert(conversationReplies).values({
      orgId: s.org.id,
      conversationId: ids[0] as string,
      inReplyToExternalId: "m-1",
      text: "Der Weihnachtsmarkt ist täglich von 11 bis 21 Uhr geöffnet.",
      authorUserId: s.admin.userId,
      status: "sent",
      createdAt: new Date("2026-12-01T11:00:00Z"),
      sentAt: new Date("2026-12-01T11:00:00Z"),
    });
    const admin = await signIn(t.app, s.admin.email, s.admin.password);
    const response = await admin.request("GET", `/api/orgs/${s.org.id}/reports/topics`);
    expect(response.statusCode, response.body).toBe(200);
    const report = response.json();
    const top = report.topics[0];
    expect(top).toMatchObject({ topic: "weihnachtsmarkt", label: "Weihnachtsmarkt", messages: 5, questions: 5 });
    expect(top.examples).toHaveLength(3);
    expect(top.examples[0].excerpt).toBe("Wie lange hat der Weihnachtsmarkt offen?");
    expect(report.topics.map((x: { topic: string }) => x.topic)).toContain("baustell");
    expect(report.repeatedQuestions[0]).toMatchObject({
      topic: "weihnachtsmarkt",
      questions: 5,
      answer: { text: "Der Weihnachtsmarkt ist täglich von 11 bis 21 Uhr geöffnet." },
    });
    const analyst = await buildMember(t.ctx, s.org.id, { roles: ["analyst"] });
    const theirs = (
      await (
        await signIn(t.app, analyst.email, analyst.password)
      ).request("GET", `/api/orgs/${s.org.id}/reports/topics`)
    ).json();
    expect(theirs.showsExamples).toBe(false);
    expect(theirs.topics[0]).toMatchObject({ label: "Weihnachtsmarkt", examples: [] });
    expect(theirs.repeatedQuestions[0].answer).toBeNull();
    // Without the inbox, a term of fewer than five messages is not shown (it may be a name, not a topic).
    expect(theirs.topics.map((x: { topic: string }) => x.topic)).not.toContain("baustell");
  });

  it("shows each example text once, however often citizens wrote it", async () => {
    const s = await scene();
    await ingest(s.org.id, s.mastodon.id, [
      { at: "2026-12-01T10:00:00Z", text: "Ist der Weihnachtsmarkt auch am Montag offen?" },
      ...Array.from({ length: 4 }, (_, i) => ({
        at: `2026-12-0${i + 2}T10:00:00Z`,
        text: "Danke für den Weihnachtsmarkt!",
      })),
    ]);
    const admin = await signIn(t.app, s.admin.email, s.admin.password);
    const report = (await admin.request("GET", `/api/orgs/${s.org.id}/reports/topics`)).json();
    const market = report.topics.find((x: { topic: string }) => x.topic === "weihnachtsmarkt");
    expect(market.messages).toBe(5);
    expect(market.examples.map((e: { excerpt: string }) => e.excerpt)).toEqual([
      "Danke für den Weihnachtsmarkt!",
      "Ist der Weihnachtsmarkt auch am Montag offen?",
    ]);
  });

  it("counts a period's whole months and the days around them alike, against the period before and by department", async () => {
    const s = await scene();
    const text = (i: number) => `Der Laubbläser vor Haus ${i} ist zu laut.`;
    // 15 September to 6 December: September's last days, October and November whole, December's first days.
    const inPeriod = [
      "2026-09-15T08:00:00Z",
      "2026-09-30T21:30:00Z", // 23:30 in Berlin, still September
      "2026-10-01T10:00:00Z",
      "2026-10-31T22:30:00Z", // 23:30 in Berlin, still October
      "2026-11-15T10:00:00Z",
      "2026-11-30T23:30:00Z", // 00:30 on 1 December in Berlin
      "2026-12-06T09:00:00Z",
    ];
    await ingest(
      s.org.id,
      s.website.id,
      inPeriod.map((at, i) => ({ at, text: text(i) })),
    );
    await ingest(s.org.id, s.mastodon.id, [
      { at: "2026-10-10T10:00:00Z", text: text(20) },
      { at: "2026-09-14T10:00:00Z", text: text(21) }, // the day before the period
    ]);
    const admin = await signIn(t.app, s.admin.email, s.admin.password);
    const query = "from=2026-09-15&to=2026-12-06";
    const leaf = async (extra = "") => {
      const response = await admin.request("GET", `/api/orgs/${s.org.id}/reports/topics?${query}${extra}`);
      expect(response.statusCode, response.body).toBe(200);
      return response.json().topics.find((x: { label: string }) => x.label === "Laubbläser");
    };
    expect(await leaf()).toMatchObject({ messages: inPeriod.length + 1, previousMessages: 1 });
    expect(await leaf(`&departmentIds=${s.bauamt.id}`)).toMatchObject({
      messages: inPeriod.length,
      previousMessages: 0,
    });
    const kultur = await leaf(`&departmentIds=${s.kultur.id}`);
    expect(kultur).toMatchObject({ messages: 1, previousMessages: 1 });
    // Week by week over the period (twelve weeks): every message in its week, none lost at a month's edge.
    const whole = await leaf();
    expect(whole.trend.reduce((sum: number, n: number) => sum + n, 0)).toBe(inPeriod.length + 1);
  });
});
