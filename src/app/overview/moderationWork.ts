// The moderation queue as the start page shows it: open cases within the moderator's scope, threats first (the
// queue's own order, app/moderation/list-moderation-queue.ts), with their counts; and open shitstorm alerts.
import { and, asc, desc, eq, ne, sql } from "drizzle-orm";
import {
  channelAccounts,
  conversations,
  inboundMessages,
  moderationAlerts,
  moderationCases,
} from "../../db/schema/index.js";
import { excerpt } from "../../text/excerpt.js";
import type { OrgActor } from "../authorization.js";
import type { AppContext } from "../context.js";
import { visibleAlerts, visibleCases } from "../moderation/list-moderation-queue.js";

function openCases(args: { actor: OrgActor; orgId: string }) {
  return and(eq(moderationCases.orgId, args.orgId), ne(moderationCases.status, "decided"), visibleCases(args.actor));
}

/** Open cases and how many are threats (the navigation's count). */
export async function countOpenCases(ctx: AppContext, args: { actor: OrgActor; orgId: string }) {
  const [row] = await ctx.db
    .select({
      open: sql<number>`count(*)::int`,
      threats: sql<number>`(count(*) filter (where ${moderationCases.threat}))::int`,
    })
    .from(moderationCases)
    .leftJoin(conversations, eq(conversations.id, moderationCases.conversationId))
    .where(openCases(args));
  return { open: row?.open ?? 0, threats: row?.threats ?? 0 };
}

export async function moderationWork(ctx: AppContext, args: { actor: OrgActor; orgId: string; limit: number }) {
  const [counts, rows] = await Promise.all([
    countOpenCases(ctx, args),
    ctx.db
      .select({
        id: moderationCases.id,
        threat: moderationCases.threat,
        priority: moderationCases.priority,
        openedAt: moderationCases.openedAt,
        channelName: channelAccounts.name,
        authorName: inboundMessages.authorName,
        text: inboundMessages.text,
      })
      .from(moderationCases)
      .innerJoin(inboundMessages, eq(inboundMessages.id, moderationCases.inboundMessageId))
      .innerJoin(channelAccounts, eq(channelAccounts.id, moderationCases.channelAccountId))
      .leftJoin(conversations, eq(conversations.id, moderationCases.conversationId))
      .where(openCases(args))
      .orderBy(desc(moderationCases.priority), asc(moderationCases.openedAt), asc(moderationCases.id))
      .limit(args.limit),
  ]);
  return {
    count: counts.open,
    threats: counts.threats,
    items: rows.map(({ text, ...row }) => ({ ...row, excerpt: excerpt(text, 160) })),
  };
}

export async function openAlerts(ctx: AppContext, args: { actor: OrgActor; orgId: string; limit: number }) {
  const rows = await ctx.db
    .select({
      id: moderationAlerts.id,
      channelName: channelAccounts.name,
      windowStart: moderationAlerts.windowStart,
      offensive: moderationAlerts.offensive,
      total: moderationAlerts.total,
      count: sql<number>`(count(*) over ())::int`,
    })
    .from(moderationAlerts)
    .innerJoin(channelAccounts, eq(channelAccounts.id, moderationAlerts.channelAccountId))
    .where(and(eq(moderationAlerts.orgId, args.orgId), eq(moderationAlerts.status, "open"), visibleAlerts(args.actor)))
    .orderBy(desc(moderationAlerts.createdAt), asc(moderationAlerts.id))
    .limit(args.limit);
  return { count: rows[0]?.count ?? 0, items: rows.map(({ count: _count, ...row }) => row) };
}
