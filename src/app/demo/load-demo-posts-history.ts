// A year of Musterstadt's own posts, so the Veröffentlichung report shows something real: one to three posts on
// most weekdays on the two sandbox networks, approved by the press office after a few office hours (some after a
// change was asked for, a few rejected, a few failed on the channel), with the reactions the sandbox reports for
// them; and "24 Stunden Ordnungsamt" (#24hOrdnungsamt), a #24hPolizei-style marathon three weeks ago — a post
// every five minutes for 24 hours, answered by citizens through the real ingestion. Written in bulk (a year
// through the composer and the worker would take minutes); seeded, so every start loads the same history.
import { and, eq, inArray } from "drizzle-orm";
import {
  campaigns,
  channelAccounts,
  organisations,
  postApprovals,
  postChannels,
  posts,
  publicationMetrics,
  publications,
  sandboxDeliveries,
} from "../../db/schema/index.js";
import { sandboxCounters } from "../../domain/sandboxCounters.js";
import { nextCountersFetch } from "../../domain/reports/countersRefresh.js";
import { addDays } from "../../domain/reports/reportPeriod.js";
import { addBusinessTime, businessMsBetween, calendarOf } from "../../domain/slaClock.js";
import { epochOfWallClock, localDate } from "../../domain/zonedTime.js";
import type { AppContext } from "../context.js";
import { ingestMessages } from "../inbox/ingest-messages.js";
import { type DemoConversation, answerDemoConversations } from "./load-demo-history.js";
import { DEMO_CAMPAIGN_POSTS, DEMO_CAMPAIGN_REPLIES, DEMO_POST_TEXTS } from "./demoPostTexts.js";

const DAYS = 365;
const CHUNK = 800;

/** mulberry32, as load-demo-history.ts: the same numbers on every start. */
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

interface Rows {
  posts: (typeof posts.$inferInsert)[];
  channels: (typeof postChannels.$inferInsert)[];
  approvals: (typeof postApprovals.$inferInsert)[];
  publications: (typeof publications.$inferInsert)[];
  deliveries: (typeof sandboxDeliveries.$inferInsert)[];
}

export async function loadDemoPostsHistory(
  ctx: AppContext,
  options: {
    orgId: string;
    pressDepartmentId: string;
    pressUserId: string;
    editorUserId: string;
    /** Who answers the marathon's replies (the press office). */
    responders: { departmentId: string | null; userIds: string[] }[];
  },
): Promise<{ posts: number; campaignReplies: number }> {
  const random = seeded(24_2026);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const uuid = seededUuid(random);
  const [org] = await ctx.db.select().from(organisations).where(eq(organisations.id, options.orgId));
  const accounts = await ctx.db
    .select({ id: channelAccounts.id })
    .from(channelAccounts)
    .where(
      and(
        eq(channelAccounts.orgId, options.orgId),
        inArray(channelAccounts.name, ["Mastodon (Sandbox)", "Bluesky (Sandbox)"]),
      ),
    );
  if (!org || accounts.length === 0) return { posts: 0, campaignReplies: 0 };
  const accountIds = accounts.map((a) => a.id);
  const calendar = calendarOf(org);
  const now = ctx.clock();
  const today = localDate(now, org.timeZone);
  const rows: Rows = { posts: [], channels: [], approvals: [], publications: [], deliveries: [] };

  function addPost(args: Parameters<AddPost>[0]) {
    const id = uuid();
    const revision = args.changesFirst ? 2 : 1;
    const publishedAt = args.approvedAt ? new Date(args.approvedAt.getTime() + 60_000) : null;
    rows.posts.push({
      id,
      orgId: options.orgId,
      departmentId: options.pressDepartmentId,
      authorUserId: options.editorUserId,
      accountableUserId: options.pressUserId,
      contentType: args.campaignId ? "campaign_template" : "post",
      campaignId: args.campaignId ?? null,
      body: args.body,
      status: args.status === "published" && args.failOn ? "failed" : args.status,
      revision,
      approvalMode: args.campaignId ? "none" : "single",
      submittedAt: args.submittedAt,
      approvedAt: args.campaignId || args.status !== "published" ? null : args.approvedAt,
      approvalBusinessMs:
        args.campaignId || args.status !== "published" || !args.approvedAt
          ? null
          : businessMsBetween(calendar, args.submittedAt, args.approvedAt),
      publishedAt,
      createdAt: new Date(args.submittedAt.getTime() - 20 * 60_000),
      updatedAt: publishedAt ?? args.submittedAt,
    });
    for (const accountId of accountIds)
      rows.channels.push({ postId: id, channelAccountId: accountId, textOverride: null });
    const approve = (step: number, rev: number, decision: "approved" | "changes_requested" | "rejected", at: Date) =>
      rows.approvals.push({
        postId: id,
        revision: rev,
        step,
        decision,
        userId: options.pressUserId,
        comment: decision === "approved" ? "" : "Bitte die Uhrzeit ergänzen.",
        createdAt: at,
      });
    if (args.changesFirst) approve(1, 1, "changes_requested", new Date(args.submittedAt.getTime() - 3 * 3_600_000));
    if (args.status === "rejected" && args.approvedAt) approve(1, revision, "rejected", args.approvedAt);
    if (args.status === "published" && args.approvedAt && !args.campaignId)
      approve(1, revision, "approved", args.approvedAt);
    if (args.status !== "published" || !publishedAt) return;
    for (const accountId of accountIds) {
      const failed = args.failOn === accountId;
      const delivery = uuid();
      const key = `demo-history:${id}:${accountId}`;
      rows.publications.push({
        orgId: options.orgId,
        postId: id,
        channelAccountId: accountId,
        idempotencyKey: key,
        status: failed ? "failed" : "published",
        dueAt: publishedAt,
        nextAttemptAt: publishedAt,
        attempts: 1,
        lastError: failed ? "sandbox: simulated permanent error" : null,
        lastErrorKind: failed ? "permanent" : null,
        externalId: failed ? null : delivery,
        handedOverAt: publishedAt,
        publishedAt: failed ? null : publishedAt,
        createdAt: args.approvedAt ?? publishedAt,
      });
      if (!failed)
        rows.deliveries.push({
          id: delivery,
          channelAccountId: accountId,
          idempotencyKey: key,
          text: args.body,
          deliveredAt: publishedAt,
        });
    }
  }

  planYear({ addPost, random, pick, today, calendar, timeZone: org.timeZone, now, accountIds });

  // The marathon: three weeks ago from 18:00, a post every five minutes for 24 hours.
  const start = new Date(epochOfWallClock(addDays(today, -21), "18:00", org.timeZone));
  const end = new Date(start.getTime() + 24 * 3_600_000);
  const [campaign] = await ctx.db
    .insert(campaigns)
    .values({
      orgId: options.orgId,
      departmentId: options.pressDepartmentId,
      name: "24 Stunden Ordnungsamt",
      hashtag: "#24hOrdnungsamt",
      startsAt: start,
      endsAt: end,
      createdByUserId: options.pressUserId,
    })
    .returning({ id: campaigns.id });
  const campaignPosts: { at: Date; deliveries: { accountId: string; id: string }[] }[] = [];
  if (campaign)
    for (let at = start.getTime(); at < end.getTime(); at += 5 * 60_000) {
      const when = new Date(at + Math.floor(random() * 120_000));
      const before = rows.deliveries.length;
      addPost({
        body: `${pick(DEMO_CAMPAIGN_POSTS)} #24hOrdnungsamt`,
        submittedAt: when,
        approvedAt: when,
        status: "published",
        campaignId: campaign.id,
      });
      campaignPosts.push({
        at: when,
        deliveries: rows.deliveries.slice(before).map((d) => ({ accountId: d.channelAccountId, id: d.id ?? "" })),
      });
    }

  await insertRows(ctx, { rows, orgId: options.orgId, now });
  const campaignReplies = await answerCampaign(ctx, {
    orgId: options.orgId,
    campaignPosts,
    responders: options.responders,
    random,
    pick,
  });
  return { posts: rows.posts.length, campaignReplies };
}

function counters(externalId: string) {
  const { likes, reposts, replies } = sandboxCounters(externalId);
  return { likes, reposts, replies };
}

/**
 * Citizens answer the marathon's posts within the hours after, through the real ingestion; the press office answers
 * their questions (and thanks some for their praise) in office hours, and closes all, as the year's history does.
 */
async function answerCampaign(
  ctx: AppContext,
  args: {
    orgId: string;
    campaignPosts: { at: Date; deliveries: { accountId: string; id: string }[] }[];
    responders: { departmentId: string | null; userIds: string[] }[];
    random: () => number;
    pick: <T>(items: readonly T[]) => T;
  },
): Promise<number> {
  const planned = args.campaignPosts.flatMap((post, i) =>
    post.deliveries.flatMap((d, j) =>
      Array.from({ length: Math.floor(args.random() * 3) }, (_, k) => ({
        reply: args.pick(DEMO_CAMPAIGN_REPLIES),
        message: {
          channelAccountId: d.accountId,
          externalId: `marathon-${i}-${j}-${k}`,
          kind: "reply" as const,
          authorHandle: `@nachbar${i}${j}${k}@sandbox.example`,
          authorName: `Nachbarin ${i}`,
          language: "de",
          threadExternalId: d.id,
          inReplyToExternalId: d.id,
          visibility: "visible" as const,
          receivedAt: new Date(post.at.getTime() + Math.floor(args.random() * args.random() * 3 * 3_600_000)),
          raw: {},
        },
      })),
    ),
  );
  const stored: DemoConversation[] = [];
  for (let i = 0; i < planned.length; i += 500) {
    const batch = planned.slice(i, i + 500);
    const outcomes = await ctx.db.transaction((tx) =>
      ingestMessages(tx, {
        orgId: args.orgId,
        analyser: ctx.analyser,
        now: ctx.clock(),
        publicUrl: ctx.publicUrl,
        messages: batch.map((p) => ({ ...p.message, text: p.reply.text })),
      }),
    );
    outcomes.forEach((o, j) => {
      const p = batch[j];
      if (o.status === "stored" && p)
        stored.push({
          at: p.message.receivedAt,
          intent: p.reply.intent,
          answer: p.reply.answer,
          conversationId: o.conversationId,
          externalId: o.externalId,
        });
    });
  }
  await answerDemoConversations(ctx, {
    orgId: args.orgId,
    stored,
    responders: args.responders,
    random: args.random,
  });
  return planned.length;
}

/** A UUID (version 4 in form) from the seeded numbers, so the history's ids are the same on every start. */
function seededUuid(random: () => number): () => string {
  return () => {
    const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
    hex[12] = "4";
    hex[16] = ((Number.parseInt(hex[16] ?? "0", 16) & 0x3) | 0x8).toString(16);
    const s = hex.join("");
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
  };
}

type AddPost = (args: {
  body: string;
  submittedAt: Date;
  approvedAt: Date | null;
  status: "published" | "rejected";
  campaignId?: string;
  changesFirst?: boolean;
  failOn?: string;
}) => void;

function planYear(args: {
  addPost: AddPost;
  random: () => number;
  pick: <T>(items: readonly T[]) => T;
  today: string;
  calendar: ReturnType<typeof calendarOf>;
  timeZone: string;
  now: Date;
  accountIds: string[];
}): void {
  const { addPost, random, pick, today, calendar, now, accountIds } = args;
  // The year: weekdays one to three posts, submitted in the morning, approved after a few office hours.
  for (let ago = DAYS; ago >= 1; ago--) {
    const day = addDays(today, -ago);
    const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
    const count = weekday === 0 || weekday === 6 ? (random() < 0.3 ? 1 : 0) : 1 + Math.floor(random() * 3);
    for (let i = 0; i < count; i++) {
      const minutes = 8 * 60 + Math.floor(random() * 6 * 60);
      const submittedAt = new Date(
        epochOfWallClock(
          day,
          `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`,
          args.timeZone,
        ),
      );
      // Log-normal office time to approval: median about two hours, a long tail.
      const gaussian = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
      const delayMs = Math.min(Math.exp(Math.log(120) + 0.9 * gaussian), 3000) * 60_000;
      const approvedAt = addBusinessTime(calendar, submittedAt, delayMs);
      if (approvedAt >= now) continue;
      const roll = random();
      addPost({
        body: pick(DEMO_POST_TEXTS),
        submittedAt,
        approvedAt,
        status: roll < 0.03 ? "rejected" : "published",
        changesFirst: roll >= 0.03 && roll < 0.11,
        failOn: roll >= 0.11 && roll < 0.12 ? pick(accountIds) : undefined,
      });
    }
  }
}

/** The rows in bulk, then the counters the sandbox reports for each item, as the worker's round would read them now. */
async function insertRows(ctx: AppContext, args: { rows: Rows; orgId: string; now: Date }): Promise<void> {
  const { rows, now } = args;
  const options = { orgId: args.orgId };
  for (let i = 0; i < rows.posts.length; i += CHUNK) await ctx.db.insert(posts).values(rows.posts.slice(i, i + CHUNK));
  for (let i = 0; i < rows.channels.length; i += CHUNK)
    await ctx.db.insert(postChannels).values(rows.channels.slice(i, i + CHUNK));
  for (let i = 0; i < rows.approvals.length; i += CHUNK)
    await ctx.db.insert(postApprovals).values(rows.approvals.slice(i, i + CHUNK));
  for (let i = 0; i < rows.deliveries.length; i += CHUNK)
    await ctx.db.insert(sandboxDeliveries).values(rows.deliveries.slice(i, i + CHUNK));
  const stored: { id: string; externalId: string | null; publishedAt: Date | null; channelAccountId: string }[] = [];
  for (let i = 0; i < rows.publications.length; i += CHUNK)
    stored.push(
      ...(await ctx.db
        .insert(publications)
        .values(rows.publications.slice(i, i + CHUNK))
        .returning({
          id: publications.id,
          externalId: publications.externalId,
          publishedAt: publications.publishedAt,
          channelAccountId: publications.channelAccountId,
        })),
    );
  // The counters the sandbox reports for each item, as the worker's round would have read them just now.
  const metrics = stored.flatMap((p) =>
    p.externalId && p.publishedAt
      ? [
          {
            publicationId: p.id,
            orgId: options.orgId,
            channelAccountId: p.channelAccountId,
            ...counters(p.externalId),
            fetchedAt: now,
            nextFetchAt: nextCountersFetch(p.publishedAt, now),
          },
        ]
      : [],
  );
  for (let i = 0; i < metrics.length; i += CHUNK)
    await ctx.db.insert(publicationMetrics).values(metrics.slice(i, i + CHUNK));
}
