// A year of Musterstadt's history, so every report shows something real: citizens' messages on the
// topics of each season (Kita-Plätze in spring, Baustellen in summer, Müllabfuhr after the holidays,
// Weihnachtsmarkt in December; demoHistoryTopics.ts) and a week of anger about a closed Hauptstraße,
// on two sandbox accounts, through the real ingestion (analysis, routing, rollups). Most were answered
// by the staff of the department they went to, after a few office hours; all are closed, so today's
// inbox stays today's. The answers are written in one statement (a year of replies through the reply
// path would take minutes); the rollup triggers count them like any first answer. About two thirds of the
// messages answer one of the year's posts (demoHistoryPosts.ts), so Stimmung by post shows real lists.
// Seeded: the same history on every start.
import { and, eq, inArray, sql } from "drizzle-orm";
import { channelAccounts, conversations, organisations } from "../../db/schema/index.js";
import { addBusinessTime, businessMsBetween, calendarOf } from "../../domain/slaClock.js";
import { epochOfWallClock, localDate } from "../../domain/zonedTime.js";
import { addDays } from "../../domain/reports/reportPeriod.js";
import type { OrgActor } from "../authorization.js";
import { createChannelAccount } from "../channels/create-channel-account.js";
import type { AppContext } from "../context.js";
import { ingestMessages } from "../inbox/ingest-messages.js";
import {
  type PlacedPost,
  demoPostExternalId,
  drawDemoPost,
  insertDemoPosts,
  placeDemoPosts,
} from "./demoHistoryPosts.js";
import { DEMO_DAYS, DEMO_STORM, DEMO_STREETS, DEMO_TOPICS, type DemoTopic } from "./demoHistoryTopics.js";

const HISTORY_DAYS = 365;
/**
 * Today stays the live demo's own (load-demo-inbox.ts, the website); the history runs until yesterday, so no
 * chart shows channels that fell silent days ago. Answers due after now are left unwritten, and all is closed.
 */
const QUIET_DAYS = 1;
/** Messages per topic and weekday at a season weight of 1. */
const PER_WEIGHT = 2.2;
const BATCH = 500;

interface Planned {
  at: Date;
  text: string;
  intent: "question" | "complaint" | "praise";
  channelAccountId: string;
  answer: string;
  /** The post it reacts to; null: written elsewhere (a mention). */
  post: PlacedPost | null;
}

/** mulberry32: small, fast, good enough for demo data, and the same every time. */
function seeded(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function loadDemoHistory(
  ctx: AppContext,
  options: {
    admin: OrgActor;
    orgId: string;
    pressDepartmentId: string;
    /** Who wrote the year's posts. */
    pressUserId: string;
    responders: { departmentId: string | null; userIds: string[] }[];
  },
): Promise<{ messages: number }> {
  const random = seeded(20261206);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const bluesky = await createChannelAccount(ctx, {
    actor: options.admin,
    orgId: options.orgId,
    input: { name: "Bluesky (Sandbox)", network: "sandbox", departmentId: options.pressDepartmentId },
  });
  const [mastodon] = await ctx.db
    .select({ id: channelAccounts.id })
    .from(channelAccounts)
    .where(and(eq(channelAccounts.orgId, options.orgId), eq(channelAccounts.name, "Mastodon (Sandbox)")));
  const accounts = [mastodon?.id ?? bluesky.id, bluesky.id];
  const timeZone = "Europe/Berlin";
  const today = localDate(ctx.clock(), timeZone);
  const fill = (text: string) => text.replaceAll("{street}", pick(DEMO_STREETS)).replaceAll("{day}", pick(DEMO_DAYS));
  const at = (day: string) => {
    const minutes = 7 * 60 + Math.floor(random() * 15 * 60);
    const clock = `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
    return new Date(epochOfWallClock(day, clock, timeZone));
  };
  const { posts, storm } = placeDemoPosts({
    today,
    firstDay: addDays(today, -HISTORY_DAYS),
    lastDay: addDays(today, -QUIET_DAYS),
    stormDay: addDays(today, -DEMO_STORM.daysAgo),
  });
  await insertDemoPosts(ctx, {
    orgId: options.orgId,
    departmentId: options.pressDepartmentId,
    authorUserId: options.pressUserId,
    accountIds: accounts,
    posts: [...posts, storm],
    publishedAt: (day) => new Date(epochOfWallClock(day, "09:30", timeZone)),
  });
  const planned: Planned[] = [];
  for (let ago = HISTORY_DAYS; ago >= QUIET_DAYS; ago--) {
    const day = addDays(today, -ago);
    const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
    const weekend = weekday === 0 || weekday === 6 ? 0.5 : 1;
    const month = Number(day.slice(5, 7)) - 1;
    for (const topic of DEMO_TOPICS) {
      const expected = PER_WEIGHT * (topic.months[month] ?? 0) * weekend;
      const count = Math.floor(expected + random());
      for (let i = 0; i < count; i++) planned.push(planOne(topic, day));
    }
    if (ago <= DEMO_STORM.daysAgo && ago > DEMO_STORM.daysAgo - DEMO_STORM.days)
      for (let i = 0; i < DEMO_STORM.perDay; i++)
        planned.push({
          at: at(day),
          text: pick(DEMO_STORM.texts),
          intent: "complaint",
          channelAccountId: pick(accounts),
          answer: DEMO_STORM.answer,
          post: storm,
        });
  }
  function planOne(topic: DemoTopic, day: string): Planned {
    const roll = random();
    const intent =
      roll < topic.mix.question ? "question" : roll < topic.mix.question + topic.mix.complaint ? "complaint" : "praise";
    return {
      at: at(day),
      text: fill(pick(topic[intent])),
      intent,
      channelAccountId: pick(accounts),
      answer: topic.answer,
      post: drawDemoPost(posts, { topic: topic.key, day, intent, random }),
    };
  }
  // Only civil texts: a year of the demo's history must not fill today's moderation queue.
  const civil = planned.filter((p) => !ctx.analyser.analyse(p.text).flagged);
  const stored: Stored[] = [];
  for (let i = 0; i < civil.length; i += BATCH) {
    const batch = civil.slice(i, i + BATCH);
    const outcomes = await ctx.db.transaction((tx) =>
      ingestMessages(tx, {
        orgId: options.orgId,
        analyser: ctx.analyser,
        now: ctx.clock(),
        publicUrl: ctx.publicUrl,
        messages: batch.map((p, j) => ({
          channelAccountId: p.channelAccountId,
          externalId: `history-${i + j}`,
          kind: "comment",
          authorHandle: `@buerger${i + j}@sandbox.example`,
          authorName: `Bürgerin ${i + j}`,
          text: p.text,
          language: "de",
          threadExternalId: p.post
            ? demoPostExternalId(p.post, p.channelAccountId)
            : `history-post-${p.at.toISOString().slice(0, 7)}`,
          inReplyToExternalId: null,
          visibility: "visible",
          receivedAt: p.at,
          raw: {},
        })),
      }),
    );
    outcomes.forEach((o, j) => {
      const p = batch[j] as Planned;
      if (o.status === "stored") stored.push({ ...p, conversationId: o.conversationId, externalId: o.externalId });
    });
  }
  await answerDemoConversations(ctx, { orgId: options.orgId, stored, responders: options.responders, random });
  return { messages: stored.length };
}

interface Stored extends Planned {
  conversationId: string;
  externalId: string;
}

/** A conversation the demo opened through the ingestion, with what it was and how it is to be answered. */
export type DemoConversation = Pick<Stored, "at" | "intent" | "answer" | "conversationId" | "externalId">;

/**
 * Answers most of the history after a few office hours, by someone of the conversation's department, and closes
 * all — as it happens: the answer ends the wait, the closing comes two days later (the waiting and resolution
 * rollups see both at their times).
 */
export async function answerDemoConversations(
  ctx: AppContext,
  args: {
    orgId: string;
    stored: DemoConversation[];
    responders: { departmentId: string | null; userIds: string[] }[];
    random: () => number;
  },
): Promise<void> {
  const [org] = await ctx.db.select().from(organisations).where(eq(organisations.id, args.orgId));
  if (!org) return;
  const calendar = calendarOf(org);
  const ids = args.stored.map((s) => s.conversationId);
  const departmentOf = new Map<string, string | null>();
  for (let i = 0; i < ids.length; i += 5000) {
    const rows = await ctx.db
      .select({ id: conversations.id, departmentId: conversations.departmentId })
      .from(conversations)
      .where(inArray(conversations.id, ids.slice(i, i + 5000)));
    for (const r of rows) departmentOf.set(r.id, r.departmentId);
  }
  const fallback = args.responders.find((r) => r.departmentId === null)?.userIds ?? [];
  const now = ctx.clock();
  const updates = args.stored.map((s) => {
    const answered = args.random() < (s.intent === "praise" ? 0.45 : 0.9);
    // Log-normal office time to the first answer: median about two and a half hours, a long tail.
    const gaussian = Math.sqrt(-2 * Math.log(1 - args.random())) * Math.cos(2 * Math.PI * args.random());
    const delayMs = Math.min(Math.exp(Math.log(150) + 1.1 * gaussian), 6000) * 60_000;
    const firstResponseAt = answered ? addBusinessTime(calendar, s.at, delayMs) : null;
    const team =
      args.responders.find((r) => r.departmentId === departmentOf.get(s.conversationId))?.userIds ?? fallback;
    const closedAt = new Date((firstResponseAt ?? s.at).getTime() + 2 * 86_400_000);
    return {
      id: s.conversationId,
      external_id: s.externalId,
      text: s.intent === "praise" ? "Vielen Dank für Ihre freundliche Nachricht! Ihre Stadtverwaltung" : s.answer,
      first_response_at: firstResponseAt && firstResponseAt < now ? firstResponseAt.toISOString() : null,
      user_id: firstResponseAt ? (team[Math.floor(args.random() * team.length)] ?? null) : null,
      business_ms: firstResponseAt ? businessMsBetween(calendar, s.at, firstResponseAt) : null,
      closed_at: (closedAt < now ? closedAt : now).toISOString(),
      resolution_ms: businessMsBetween(calendar, s.at, closedAt < now ? closedAt : now),
    };
  });
  // Two statements, as it happens: the answer ends the wait (at updated_at), the closing comes later.
  for (let i = 0; i < updates.length; i += 2000) {
    const chunk = JSON.stringify(updates.slice(i, i + 2000));
    await ctx.db.execute(sql`
      update conversations as c
         set status = 'answered', first_response_at = u.first_response_at, last_response_at = u.first_response_at,
             first_responder_user_id = u.user_id, first_response_business_ms = u.business_ms,
             waiting_since = null, response_due_at = null, priority = 0, escalation_level = 0,
             updated_at = u.first_response_at
        from jsonb_to_recordset(${chunk}::jsonb) as u(
               id uuid, first_response_at timestamptz, user_id uuid, business_ms bigint)
       where c.id = u.id and u.first_response_at is not null`);
    await ctx.db.execute(sql`
      update conversations as c
         set status = 'closed', waiting_since = null, response_due_at = null, resolution_due_at = null, priority = 0,
             escalation_level = 0, closed_at = u.closed_at, closed_by_user_id = coalesce(u.user_id, c.assignee_user_id),
             resolution_business_ms = u.resolution_ms, updated_at = u.closed_at
        from jsonb_to_recordset(${chunk}::jsonb) as u(id uuid, user_id uuid, closed_at timestamptz, resolution_ms bigint)
       where c.id = u.id`);
  }
  // The answers themselves, as the reply path records a sent reply.
  const answered = updates.filter((u) => u.first_response_at !== null);
  for (let i = 0; i < answered.length; i += 2000)
    await ctx.db.execute(sql`
      insert into conversation_replies (org_id, conversation_id, in_reply_to_external_id, text, author_user_id, status,
                                        external_id, created_at, sent_at)
      select ${args.orgId}::uuid, u.id, u.external_id, u.text, u.user_id, 'sent', 'history-reply-' || u.external_id,
             u.first_response_at, u.first_response_at
        from jsonb_to_recordset(${JSON.stringify(answered.slice(i, i + 2000))}::jsonb) as u(
               id uuid, external_id text, text text, user_id uuid, first_response_at timestamptz)`);
}
