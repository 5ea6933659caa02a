// The report rollups against a straight count of the messages and conversations themselves, after each
// kind of change that can touch them: new messages (across midnight in the organisation's time zone), an
// edit that changes the mood, a conversation moved to another department, moderation hiding a message, a
// message removed, and first answers with and without their target met; the post rollups alongside (a message on
// another channel answering an item of the same external id is not the post's). Runs on PGlite and PostgreSQL.
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppContext } from "../src/app/context.js";
import { applyMessageEdits } from "../src/app/inbox/apply-message-edits.js";
import { assignConversations } from "../src/app/inbox/assign-conversations.js";
import { recordConversationResponse } from "../src/app/inbox/recordResponse.js";
import { updateOrganisation } from "../src/app/orgs/update-organisation.js";
import type { Database } from "../src/db/client.js";
import { rowsOf } from "../src/db/queries/rows.js";
import {
  conversations,
  inboundMessages,
  messageDailyRollups,
  postDailyRollups,
  responseDailyRollups,
  topicDailyRollups,
  topicDays,
  topicMonthlyRollups,
} from "../src/db/schema/index.js";
import { keyTermsOf } from "../src/text/keyTerms.js";
import { moodOf } from "../src/domain/reports/mood.js";
import {
  RESPONSE_BUCKET_MINUTES,
  RESPONSE_BUCKETS,
  responseBucketOf,
} from "../src/domain/reports/responseHistogram.js";
import { localDate } from "../src/domain/zonedTime.js";
import type { CitizenMessage } from "./support/citizenMessages.js";
import { buildChannelAccount, buildMember, buildTestContext, systemAdminOf } from "./support/factories.js";
import { buildPublishedPost } from "./support/publishedPosts.js";
import { SCENE_THREAD, buildRollupScene, inKeyOrder, ingestUnderThread } from "./support/rollupScene.js";
import { openTestDatabase } from "./support/testDb.js";

let database: Database;
let ctx: AppContext;
let now = new Date("2026-11-24T09:00:00Z");

beforeAll(async () => {
  database = await openTestDatabase();
  ctx = buildTestContext(database.db, { clock: () => now });
});
afterAll(() => database.close());

const TEXTS = [
  "Wann öffnet der Weihnachtsmarkt?",
  "Danke, super gemacht, das freut uns sehr!",
  "Die Baustelle ist eine Katastrophe, unzumutbar und ärgerlich.",
  "Die Müllabfuhr kam heute nicht.",
  "Wo kann ich einen Kita-Platz beantragen?",
  "Ihr seid doch alle Idioten.",
];

function ingest(orgId: string, channelAccountId: string, items: CitizenMessage[]) {
  return ingestUnderThread(ctx, { orgId, channelAccountId, items });
}

/** Every threaded message of the organisation, with its conversation's department: what the straight counts read. */
function threadedMessagesOf(orgId: string) {
  return ctx.db
    .select({ message: inboundMessages, departmentId: conversations.departmentId })
    .from(inboundMessages)
    .innerJoin(conversations, eq(conversations.id, inboundMessages.conversationId))
    .where(eq(inboundMessages.orgId, orgId));
}

/** The straight count: every threaded message of the organisation, classified here, by its conversation's department. */
async function countedFromMessages(orgId: string, timeZone = "Europe/Berlin") {
  const rows = await threadedMessagesOf(orgId);
  const counts = new Map<string, Record<string, number | string | null>>();
  for (const { message: m, departmentId } of rows) {
    const day = localDate(m.receivedAt, timeZone);
    const key = `${day}|${m.channelAccountId}|${departmentId}`;
    const c = counts.get(key) ?? {
      day,
      channelAccountId: m.channelAccountId,
      departmentId,
      messages: 0,
      negative: 0,
      neutral: 0,
      positive: 0,
      questions: 0,
      complaints: 0,
      praise: 0,
      flagged: 0,
      held: 0,
      hidden: 0,
      deleted: 0,
    };
    const add = (field: string, yes: boolean) => (c[field] = (c[field] as number) + (yes ? 1 : 0));
    add("messages", true);
    add(moodOf(m.sentiment), true);
    add("questions", m.intent === "question");
    add("complaints", m.intent === "complaint");
    add("praise", m.intent === "praise");
    add("flagged", m.flagged);
    add("held", m.visibility === "held");
    add("hidden", m.visibility === "hidden");
    add("deleted", m.visibility === "deleted");
    counts.set(key, c);
  }
  return [...counts.values()].sort(byKey);
}

/** The straight count of the topic rollups: each key term of each threaded message, as text/keyTerms.ts finds it. */
async function topicsFromMessages(orgId: string) {
  const rows = await threadedMessagesOf(orgId);
  const counts = new Map<string, { key: string; messages: number; negative: number; questions: number }>();
  for (const { message: m, departmentId } of rows) {
    expect(m.topics).toEqual(keyTermsOf(m.text).map((term) => term.key));
    // Only visible messages are counted by topic (what moderation took away stays out).
    for (const topic of m.visibility === "visible" ? m.topics : []) {
      const key = `${localDate(m.receivedAt, "Europe/Berlin")}|${m.channelAccountId}|${departmentId}|${topic}`;
      const c = counts.get(key) ?? { key, messages: 0, negative: 0, questions: 0 };
      c.messages += 1;
      c.negative += moodOf(m.sentiment) === "negative" ? 1 : 0;
      c.questions += m.intent === "question" ? 1 : 0;
      counts.set(key, c);
    }
  }
  return inKeyOrder(counts.values());
}

async function topicsRolledUp(orgId: string) {
  const rows = await ctx.db.select().from(topicDailyRollups).where(eq(topicDailyRollups.orgId, orgId));
  await expectMonthsAndDaysOf(orgId, rows);
  return inKeyOrder(
    rows
      .filter((r) => r.messages !== 0)
      .map((r) => ({
        key: `${r.day}|${r.channelAccountId}|${r.departmentId}|${r.topic}`,
        messages: r.messages,
        negative: r.negative,
        questions: r.questions,
      })),
  );
}

/** The monthly topic rollup and the terms' days hold the daily topic rollup's rows summed by month and by day. */
async function expectMonthsAndDaysOf(orgId: string, daily: (typeof topicDailyRollups.$inferSelect)[]) {
  const months = new Map<
    string,
    { messages: number; negative: number; neutral: number; positive: number; questions: number }
  >();
  const days = new Map<string, number>();
  for (const r of daily) {
    const key = `${r.day.slice(0, 8)}01|${r.channelAccountId}|${r.departmentId}|${r.topic}`;
    const m = months.get(key) ?? { messages: 0, negative: 0, neutral: 0, positive: 0, questions: 0 };
    for (const field of ["messages", "negative", "neutral", "positive", "questions"] as const) m[field] += r[field];
    months.set(key, m);
    days.set(`${r.topic}|${r.day}`, (days.get(`${r.topic}|${r.day}`) ?? 0) + r.messages);
  }
  const monthly = await ctx.db.select().from(topicMonthlyRollups).where(eq(topicMonthlyRollups.orgId, orgId));
  const nonZero = (c: { messages: number; negative: number; neutral: number; positive: number; questions: number }) =>
    c.messages !== 0 || c.negative !== 0 || c.neutral !== 0 || c.positive !== 0 || c.questions !== 0;
  expect(
    new Map(
      monthly.filter(nonZero).map((r) => [
        `${r.month}|${r.channelAccountId}|${r.departmentId}|${r.topic}`,
        {
          messages: r.messages,
          negative: r.negative,
          neutral: r.neutral,
          positive: r.positive,
          questions: r.questions,
        },
      ]),
    ),
  ).toEqual(new Map([...months].filter(([, c]) => nonZero(c))));
  const termDays = await ctx.db.select().from(topicDays).where(eq(topicDays.orgId, orgId));
  expect(new Map(termDays.map((d) => [`${d.topic}|${d.day}`, d.messages]))).toEqual(
    new Map([...days].filter(([, n]) => n > 0)),
  );
}

/** The straight count of the post rollups: every threaded message that reacts to a post, by its conversation's department. */
async function postsFromMessages(orgId: string, timeZone = "Europe/Berlin") {
  const rows = await threadedMessagesOf(orgId);
  const counts = new Map<
    string,
    { key: string; messages: number; negative: number; neutral: number; positive: number; questions: number }
  >();
  for (const { message: m, departmentId } of rows) {
    if (!m.postId) continue;
    const key = `${localDate(m.receivedAt, timeZone)}|${m.postId}|${m.channelAccountId}|${departmentId}`;
    const c = counts.get(key) ?? { key, messages: 0, negative: 0, neutral: 0, positive: 0, questions: 0 };
    c.messages += 1;
    c[moodOf(m.sentiment)] += 1;
    c.questions += m.intent === "question" ? 1 : 0;
    counts.set(key, c);
  }
  return inKeyOrder(counts.values());
}

async function postsRolledUp(orgId: string) {
  const rows = await ctx.db.select().from(postDailyRollups).where(eq(postDailyRollups.orgId, orgId));
  return inKeyOrder(
    rows
      .filter((r) => r.messages !== 0)
      .map((r) => ({
        key: `${r.day}|${r.postId}|${r.channelAccountId}|${r.departmentId}`,
        messages: r.messages,
        negative: r.negative,
        neutral: r.neutral,
        positive: r.positive,
        questions: r.questions,
      })),
  );
}

async function rolledUp(orgId: string) {
  const rows = await ctx.db.select().from(messageDailyRollups).where(eq(messageDailyRollups.orgId, orgId));
  return rows
    .filter((r) => r.messages !== 0)
    .map(({ orgId: _org, sentimentSum: _sum, ...counts }) => counts)
    .sort(byKey);
}

function byKey(a: Record<string, unknown>, b: Record<string, unknown>) {
  const key = (r: Record<string, unknown>) => `${r.day}|${r.channelAccountId}|${r.departmentId}`;
  return key(a).localeCompare(key(b));
}

async function scene() {
  const rollupScene = await buildRollupScene(ctx);
  const { org, account } = rollupScene;
  const other = await buildChannelAccount(ctx, org.id);
  // The messages below answer "post-1" on both accounts; it is our post on the first one only.
  const post = await buildPublishedPost(ctx, org.id, {
    on: [{ channelAccountId: account.id, externalId: SCENE_THREAD }],
  });
  return { ...rollupScene, other, post };
}

describe("the message rollups", () => {
  it("count every threaded message once, on its day in the organisation's time zone", async () => {
    const { org, account, other } = await scene();
    // 23:30 UTC on 23 November is 00:30 on 24 November in Berlin.
    const times = ["2026-11-23T22:59:00Z", "2026-11-23T23:30:00Z", "2026-11-24T09:00:00Z", "2026-11-25T15:00:00Z"];
    // Every message is stored (ingestUnderThread throws otherwise).
    await ingest(
      org.id,
      account.id,
      times.flatMap((at, i) => TEXTS.map((text, j) => ({ at: new Date(at), text, handle: `@b${(i + j) % 4}` }))),
    );
    await ingest(org.id, other.id, [{ at: new Date(times[1] as string), text: TEXTS[0] as string, handle: "@x" }]);
    const rollups = await rolledUp(org.id);
    expect(rollups).toEqual(await countedFromMessages(org.id));
    const byPost = await postsRolledUp(org.id);
    expect(byPost).toEqual(await postsFromMessages(org.id));
    // Every message on the first account reacts to the post; the one on the other account to none.
    expect(byPost.reduce((sum, r) => sum + r.messages, 0)).toBe(times.length * TEXTS.length);
    const topics = await topicsRolledUp(org.id);
    expect(topics).toEqual(await topicsFromMessages(org.id));
    expect(topics.some((t) => t.key.endsWith("|weihnachtsmarkt"))).toBe(true);
    expect(rollups.map((r) => r.day)).toContain("2026-11-24");
    expect(rollups.reduce((sum, r) => sum + r.messages, 0)).toBe(times.length * TEXTS.length + 1);
    // The test's texts reach every mood.
    for (const mood of ["negative", "neutral", "positive"] as const)
      expect(
        rollups.some((r) => r[mood] > 0),
        mood,
      ).toBe(true);
  });

  it("follow an edit, a move to another department, moderation and a removal", async () => {
    const { org, jugendamt, account } = await scene();
    const [first, second] = await ingest(org.id, account.id, [
      { at: now, text: "Danke, super gemacht!", handle: "@anna" },
      { at: now, text: "Wo kann ich einen Kita-Platz beantragen?", handle: "@ben" },
    ]);
    if (!first || !second) throw new Error("not stored");
    const firstMessage = await ctx.db.select().from(inboundMessages).where(eq(inboundMessages.id, first.id));
    await ctx.db.transaction((tx) =>
      applyMessageEdits(tx, {
        orgId: org.id,
        channelAccountId: account.id,
        edits: [
          {
            externalId: firstMessage[0]?.externalId as string,
            text: "Die Baustelle ist eine Frechheit, unzumutbar, eine Katastrophe!",
            raw: {},
          },
        ],
        analyser: ctx.analyser,
        now,
        publicUrl: ctx.publicUrl,
      }),
    );
    expect(await rolledUp(org.id)).toEqual(await countedFromMessages(org.id));
    expect(await postsRolledUp(org.id)).toEqual(await postsFromMessages(org.id));
    expect((await rolledUp(org.id))[0]?.negative).toBe(1);
    // The edit changed what the message is about too.
    expect(await topicsRolledUp(org.id)).toEqual(await topicsFromMessages(org.id));

    await assignConversations(ctx, {
      actor: systemAdminOf(org.id),
      orgId: org.id,
      input: { conversationIds: [second.conversationId], departmentId: jugendamt.id },
    });
    const moved = await rolledUp(org.id);
    expect(moved).toEqual(await countedFromMessages(org.id));
    const postsMoved = await postsRolledUp(org.id);
    expect(postsMoved).toEqual(await postsFromMessages(org.id));
    expect(postsMoved.find((r) => r.key.endsWith(`|${jugendamt.id}`))?.questions).toBe(1);
    expect(await topicsRolledUp(org.id)).toEqual(await topicsFromMessages(org.id));
    expect(moved.find((r) => r.departmentId === jugendamt.id)?.questions).toBe(1);

    await ctx.db.update(inboundMessages).set({ visibility: "hidden" }).where(eq(inboundMessages.id, second.id));
    expect(await rolledUp(org.id)).toEqual(await countedFromMessages(org.id));
    await ctx.db.delete(inboundMessages).where(eq(inboundMessages.id, second.id));
    const left = await rolledUp(org.id);
    expect(left).toEqual(await countedFromMessages(org.id));
    expect(await postsRolledUp(org.id)).toEqual(await postsFromMessages(org.id));
    expect((await postsRolledUp(org.id)).reduce((sum, r) => sum + r.messages, 0)).toBe(1);
    expect(await topicsRolledUp(org.id)).toEqual(await topicsFromMessages(org.id));
    expect(left.reduce((sum, r) => sum + r.messages, 0)).toBe(1);
  });

  it("move each conversation's counts when one statement moves several, and leave rows a change does not touch", async () => {
    const { org, jugendamt, account } = await scene();
    const stored = await ingest(org.id, account.id, [
      { at: now, text: "Wo kann ich einen Kita-Platz beantragen?", handle: "@anna" },
      { at: now, text: "Die Baustelle ist eine Katastrophe, unzumutbar und ärgerlich.", handle: "@ben" },
      { at: now, text: "Danke, super gemacht!", handle: "@carla" },
    ]);
    const moving = stored.slice(0, 2).map((s) => s.conversationId);
    await ctx.db
      .update(conversations)
      .set({ departmentId: jugendamt.id })
      .where(sql`${conversations.id} = any(${`{${moving.join(",")}}`}::uuid[])`);
    const moved = await rolledUp(org.id);
    expect(moved).toEqual(await countedFromMessages(org.id));
    expect(moved.find((r) => r.departmentId === jugendamt.id)?.messages).toBe(2);
    expect(await postsRolledUp(org.id)).toEqual(await postsFromMessages(org.id));
    expect(await topicsRolledUp(org.id)).toEqual(await topicsFromMessages(org.id));

    // Hiding a message changes what the message rollup counts, not its post's counts: that row is not rewritten.
    const postRowVersions = () =>
      ctx.db.execute(
        sql`select xmin::text as version from post_daily_rollups where org_id = ${org.id}::uuid order by 1`,
      );
    const before = rowsOf<{ version: string }>(await postRowVersions());
    await ctx.db
      .update(inboundMessages)
      .set({ visibility: "hidden" })
      .where(eq(inboundMessages.id, stored[2]?.id ?? ""));
    expect(rowsOf<{ version: string }>(await postRowVersions())).toEqual(before);
    expect(await rolledUp(org.id)).toEqual(await countedFromMessages(org.id));
    expect(await topicsRolledUp(org.id)).toEqual(await topicsFromMessages(org.id));
  });
});

describe("the topic rollups", () => {
  it("keep a term's day when its only message was hidden and another one came the same day", async () => {
    const { org, account } = await scene();
    const [first] = await ingest(org.id, account.id, [
      { at: now, text: "Wann öffnet der Weihnachtsmarkt?", handle: "@anna" },
    ]);
    if (!first) throw new Error("not stored");
    await ctx.db.update(inboundMessages).set({ visibility: "hidden" }).where(eq(inboundMessages.id, first.id));
    expect(await topicsRolledUp(org.id)).toEqual(await topicsFromMessages(org.id));
    // The day's row of the term is at 0 now; the next message of the term on that day counts it again.
    await ingest(org.id, account.id, [{ at: now, text: "Hat der Weihnachtsmarkt heute offen?", handle: "@ben" }]);
    const topics = await topicsRolledUp(org.id);
    expect(topics).toEqual(await topicsFromMessages(org.id));
    expect(topics.some((t) => t.key.endsWith("|weihnachtsmarkt"))).toBe(true);
  });
});

describe("the message rollups after the organisation's time zone changed", () => {
  it("count by the new calendar days, and stay right through later changes", async () => {
    const { org, account } = await scene();
    // 23:30 UTC is already the next day in Berlin, still the same day in London.
    const [first] = await ingest(org.id, account.id, [
      { at: new Date("2026-11-23T23:30:00Z"), text: "Wann öffnet der Weihnachtsmarkt?", handle: "@late" },
      { at: new Date("2026-11-24T09:00:00Z"), text: "Danke für die schnelle Hilfe!", handle: "@early" },
    ]);
    if (!first) throw new Error("not stored");
    await updateOrganisation(ctx, {
      actor: systemAdminOf(org.id),
      orgId: org.id,
      input: { timeZone: "Europe/London" },
    });
    expect(await rolledUp(org.id)).toEqual(await countedFromMessages(org.id, "Europe/London"));
    expect(await postsRolledUp(org.id)).toEqual(await postsFromMessages(org.id, "Europe/London"));
    expect((await rolledUp(org.id)).map((r) => r.day)).toContain("2026-11-23");
    // A later change of the late message takes it off the day it is counted on now.
    await ctx.db.update(inboundMessages).set({ visibility: "hidden" }).where(eq(inboundMessages.id, first.id));
    expect(await rolledUp(org.id)).toEqual(await countedFromMessages(org.id, "Europe/London"));
    expect(await postsRolledUp(org.id)).toEqual(await postsFromMessages(org.id, "Europe/London"));
    expect((await postsRolledUp(org.id)).map((r) => r.key.slice(0, 10))).toContain("2026-11-23");
  });
});

describe("the response rollups", () => {
  it("count first answers by day, department and person, with the business time in buckets", async () => {
    const { org, account } = await scene();
    const staff = await buildMember(ctx, org.id, { roles: ["editor"] });
    now = new Date("2026-11-24T09:00:00Z");
    const outcomes = await ingest(
      org.id,
      account.id,
      ["@a", "@b", "@c"].map((handle) => ({ at: now, text: "Wann wird die Straße gesperrt?", handle })),
    );
    const ids = outcomes.map((o) => o.conversationId);
    const before = await ctx.db.select().from(conversations).where(eq(conversations.orgId, org.id));
    const dueOf = new Map(before.map((c) => [c.id, c.responseDueAt]));
    // Answered after 10 minutes, after two hours, and the next week (past the one-business-day target).
    const answers = ["2026-11-24T09:10:00Z", "2026-11-24T11:00:00Z", "2026-12-01T09:00:00Z"];
    for (const [i, at] of answers.entries()) {
      now = new Date(at);
      await ctx.db.transaction((tx) =>
        recordConversationResponse(tx, { conversationId: ids[i] as string, userId: staff.userId, at: now }),
      );
    }
    const answered = await ctx.db.select().from(conversations).where(eq(conversations.orgId, org.id));
    const rollups = await ctx.db.select().from(responseDailyRollups).where(eq(responseDailyRollups.orgId, org.id));
    const expected = new Map<string, { answered: number; within: number; ms: number; histogram: number[] }>();
    for (const c of answered) {
      if (!c.firstResponseAt || c.firstResponseBusinessMs === null) continue;
      const day = localDate(c.firstResponseAt, "Europe/Berlin");
      const e = expected.get(day) ?? { answered: 0, within: 0, ms: 0, histogram: new Array(RESPONSE_BUCKETS).fill(0) };
      const due = dueOf.get(c.id);
      e.answered += 1;
      e.within += due && c.firstResponseAt <= due ? 1 : 0;
      e.ms += c.firstResponseBusinessMs;
      e.histogram[responseBucketOf(c.firstResponseBusinessMs)] += 1;
      expected.set(day, e);
    }
    expect(
      rollups
        .map((r) => ({
          day: r.day,
          person: r.responderUserId,
          answered: r.answered,
          within: r.withinTarget,
          ms: r.businessMsSum,
          histogram: r.histogram,
        }))
        .sort((a, b) => a.day.localeCompare(b.day)),
    ).toEqual(
      [...expected.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([day, e]) => ({ day, person: staff.userId, ...e })),
    );
    expect(rollups.reduce((sum, r) => sum + r.withinTarget, 0)).toBe(2);
    expect(rollups.reduce((sum, r) => sum + r.withTarget, 0)).toBe(3);
  });

  it("use the same bucket edges in the database as in domain/reports/responseHistogram.ts", async () => {
    const probes = RESPONSE_BUCKET_MINUTES.flatMap((minutes) => [minutes * 60_000 - 1, minutes * 60_000]).concat([
      10 ** 12,
    ]);
    const rows = rowsOf<{ ms: string; bucket: number }>(
      await ctx.db.execute(
        sql`select p.ms::text as ms, draht_response_bucket(p.ms) as bucket from unnest(${`{${probes.join(",")}}`}::bigint[]) as p(ms)`,
      ),
    );
    expect(rows.map((r) => [Number(r.ms), r.bucket - 1])).toEqual(probes.map((ms) => [ms, responseBucketOf(ms)]));
  });
});
