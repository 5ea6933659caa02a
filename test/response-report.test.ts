// The Antwortzeiten report's resolution and waiting series over HTTP on the real database, against values worked
// out by hand: conversations opened, answered, closed, reopened and closed again at controlled times in the
// default office hours (Monday to Thursday 8–16, Friday 8–12, Berlin), one business day to the first answer.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { changeConversationStatus } from "../src/app/inbox/change-conversation-status.js";
import { recordConversationResponse } from "../src/app/inbox/recordResponse.js";
import { buildMember } from "./support/factories.js";
import { ingestCitizenMessages } from "./support/citizenMessages.js";
import { buildReportOrg } from "./support/reportScene.js";
import { type TestApp, signIn, startTestApp } from "./support/testApp.js";

const HOUR = 3_600_000;
const MINUTE = 60_000;
// Sunday 6 December 2026, 11:00 in Berlin (UTC+1).
const SUNDAY = new Date("2026-12-06T10:00:00Z");
let now = SUNDAY;
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ clock: () => now });
});
afterAll(() => t.close());

const QUESTION = "Wann wird die Straße wieder freigegeben?";

async function scene() {
  const { org, kultur, website, mastodon } = await buildReportOrg(t.ctx);
  const admin = await buildMember(t.ctx, org.id, { roles: ["administrator"] });
  const editor = await buildMember(t.ctx, org.id, { roles: ["editor"] });
  const ask = async (channelAccountId: string, at: string) => {
    now = new Date(at);
    const [id] = await ingestCitizenMessages(t.ctx, {
      orgId: org.id,
      channelAccountId,
      now,
      items: [{ at, text: QUESTION }],
    });
    return id as string;
  };
  const answer = async (conversationId: string, at: string) => {
    now = new Date(at);
    await t.ctx.db.transaction((tx) =>
      recordConversationResponse(tx, { conversationId, userId: admin.userId, at: now }),
    );
  };
  const change = async (conversationId: string, at: string, event: "closed" | "reopened", by = admin) => {
    now = new Date(at);
    await changeConversationStatus(t.ctx, {
      actor: by.actor,
      orgId: org.id,
      input: { conversationIds: [conversationId], event },
    });
  };
  // Monday 30 November (local times): A asks at 8, is answered at 10 and closed at 15 (7 office hours).
  const a = await ask(website.id, "2026-11-30T07:00:00Z");
  await answer(a, "2026-11-30T09:00:00Z");
  await change(a, "2026-11-30T14:00:00Z", "closed");
  // B asks on Mastodon at 9; nobody answers, the editor closes it on Tuesday at 10 (7 + 2 = 9 office hours).
  const b = await ask(mastodon.id, "2026-11-30T08:00:00Z");
  await change(b, "2026-12-01T09:00:00Z", "closed", editor);
  // C asks at 8, is closed at 9, reopened on Wednesday and closed again on Thursday at 8: 8 + 8 + 8 = 24 hours,
  // counted once, on Thursday.
  const c = await ask(website.id, "2026-11-30T07:00:00Z");
  await change(c, "2026-11-30T08:00:00Z", "closed");
  await change(c, "2026-12-02T07:00:00Z", "reopened");
  await change(c, "2026-12-03T07:00:00Z", "closed");
  // D asks at 9 and still waits (due Tuesday 9); E asks on Thursday at 10 and is answered on Friday at 9
  // (before its due time, Friday 10); F asks on Saturday and waits (due Monday).
  await ask(website.id, "2026-11-30T08:00:00Z");
  const e = await ask(website.id, "2026-12-03T09:00:00Z");
  await answer(e, "2026-12-04T08:00:00Z");
  await ask(website.id, "2026-12-05T10:00:00Z");
  now = SUNDAY;
  return { org, kultur, website, mastodon, admin, editor };
}

describe("the response-time report's resolution", () => {
  it("gives median, 90th percentile and mean of the business time to the last closing, per channel, department and person", async () => {
    const s = await scene();
    const session = await signIn(t.app, s.admin.email, s.admin.password);
    const response = await session.request("GET", `/api/orgs/${s.org.id}/reports/response-times?from=2026-11-30`);
    expect(response.statusCode, response.body).toBe(200);
    const report = response.json();
    // 7, 9 and 24 office hours. Median: rank 1.5 falls in the bucket [480, 600) minutes, halfway → 540 minutes;
    // 90th percentile: rank 2.7 in [1440, 1920) minutes, 70 % in → 1776 minutes.
    expect(report.totals.resolution).toEqual({
      resolved: 3,
      medianMs: 540 * MINUTE,
      p90Ms: 1776 * MINUTE,
      medianAtLeast: false,
      p90AtLeast: false,
      meanMs: ((7 + 9 + 24) / 3) * HOUR,
    });
    // First answers: A after 2 office hours, E after 7.
    expect(report.totals).toMatchObject({ answered: 2, meanMs: 4.5 * HOUR });
    const line = (rows: { name: string | null; current: { resolution: { resolved: number } } }[]) =>
      rows.map((r) => [r.name, r.current.resolution.resolved]);
    expect(line(report.byChannel)).toEqual([
      ["Website", 2],
      ["Mastodon", 1],
    ]);
    expect(line(report.byDepartment)).toEqual([
      ["Bauamt", 2],
      ["Kulturamt", 1],
    ]);
    expect(
      report.byPerson.map((p: { userId: string; current: { resolution: { resolved: number } } }) => [
        p.userId,
        p.current.resolution.resolved,
      ]),
    ).toEqual([
      [s.admin.userId, 2],
      [s.editor.userId, 1],
    ]);
    // C counts on Thursday, where it was closed last, not on Monday.
    const closedOn = (day: string) =>
      report.series.find((p: { start: string }) => p.start === day).figures.resolution.resolved;
    expect([closedOn("2026-11-30"), closedOn("2026-12-01"), closedOn("2026-12-03")]).toEqual([1, 1, 1]);
  });
});

describe("the response-time report's waiting series", () => {
  it("counts what waited at each day's end and how much was overdue, and the present for today", async () => {
    const s = await scene();
    const session = await signIn(t.app, s.admin.email, s.admin.password);
    const base = `/api/orgs/${s.org.id}/reports/response-times`;
    const report = (await session.request("GET", `${base}?from=2026-11-30`)).json();
    expect(report.waitingSeries).toEqual([
      { start: "2026-11-30", waiting: 2, overdue: 0, now: false },
      { start: "2026-12-01", waiting: 1, overdue: 1, now: false },
      { start: "2026-12-02", waiting: 1, overdue: 1, now: false },
      { start: "2026-12-03", waiting: 2, overdue: 1, now: false },
      { start: "2026-12-04", waiting: 1, overdue: 1, now: false },
      { start: "2026-12-05", waiting: 2, overdue: 1, now: false },
      { start: "2026-12-06", waiting: 2, overdue: 1, now: true },
    ]);
    expect(report).toMatchObject({ waitingNow: 2, overdueNow: 1 });
    // One channel: only B, which waited on Monday night.
    const mastodon = (
      await session.request("GET", `${base}?from=2026-11-30&channelAccountIds=${s.mastodon.id}`)
    ).json();
    expect(mastodon.waitingSeries.map((p: { waiting: number }) => p.waiting)).toEqual([1, 0, 0, 0, 0, 0, 0]);
    // A period that ended before: the ends of its days, counted from everything before it.
    const past = (await session.request("GET", `${base}?from=2026-12-01&to=2026-12-04`)).json();
    expect(past.waitingSeries.map((p: { waiting: number; overdue: number }) => [p.waiting, p.overdue])).toEqual([
      [1, 1],
      [1, 1],
      [2, 1],
      [1, 1],
    ]);
    // Ten weeks: one point per week, the week's end; the running week shows the present.
    const weeks = (await session.request("GET", `${base}?days=70`)).json();
    expect(weeks.period.step).toBe("week");
    expect(weeks.waitingSeries.slice(-2)).toEqual([
      { start: "2026-11-23", waiting: 0, overdue: 0, now: false },
      { start: "2026-11-30", waiting: 2, overdue: 1, now: true },
    ]);
  });

  it("shows a department-limited person only their department's waiting", async () => {
    const s = await scene();
    const limited = await buildMember(t.ctx, s.org.id, { roles: ["press_office"], departmentIds: [s.kultur.id] });
    const session = await signIn(t.app, limited.email, limited.password);
    const report = (
      await session.request("GET", `/api/orgs/${s.org.id}/reports/response-times?from=2026-11-30`)
    ).json();
    expect(report.waitingSeries.map((p: { waiting: number }) => p.waiting)).toEqual([1, 0, 0, 0, 0, 0, 0]);
    expect(report.totals.resolution.resolved).toBe(1);
  });
});
