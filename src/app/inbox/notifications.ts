// A person's notifications from the inbox (mentions, assignments, reminders, escalations): the unread
// ones about what they may see, newest first, and marking them read.
import { and, desc, eq, inArray, isNull, or, sql } from "drizzle-orm";
import {
  conversations,
  knowledgeFeedItems,
  knowledgeFeedSubscriptions,
  userNotifications,
} from "../../db/schema/index.js";
import { inOrganisation } from "../../domain/policy.js";
import { type OrgActor, requireAllowed } from "../authorization.js";
import type { AppContext } from "../context.js";
import { ZMarkRead } from "../../contract/inboxSchemas.js";
import { visibleConversations } from "./conversationAccess.js";

/** Notifications about a conversation the person may not see (any more) are not shown. */
export function aboutVisible(actor: OrgActor) {
  const visible = visibleConversations(actor);
  return visible === undefined ? undefined : or(isNull(userNotifications.conversationId), visible);
}

/** A notice's feed: the subscription it names, or its item's; a subscription since ended is not shown. */
const noticeFeed = knowledgeFeedSubscriptions;
const aboutOngoingFeed = or(isNull(noticeFeed.id), isNull(noticeFeed.cancelledAt));

/**
 * A person's unread notifications about what they may see, newest first, with how many there are in all;
 * `onlyKind` narrows them to one kind. Served by the partial index of unread ones.
 */
export async function unreadNotifications(
  ctx: AppContext,
  args: { actor: OrgActor; orgId: string; limit: number; onlyKind?: (typeof userNotifications.$inferSelect)["kind"] },
) {
  const n = userNotifications;
  const rows = await ctx.db
    .select({
      id: n.id,
      kind: n.kind,
      conversationId: n.conversationId,
      moderationCaseId: n.moderationCaseId,
      reportWeek: n.reportWeek,
      knowledgeArticleId: n.knowledgeArticleId,
      sharedItemId: n.sharedItemId,
      feedItemId: n.feedItemId,
      feedProblem: n.feedProblem,
      feedId: noticeFeed.id,
      feedTitle: noticeFeed.title,
      citizenName: conversations.citizenName,
      actorLabel: n.actorLabel,
      createdAt: n.createdAt,
      count: sql<number>`(count(*) over ())::int`,
    })
    .from(n)
    .leftJoin(conversations, eq(conversations.id, n.conversationId))
    .leftJoin(knowledgeFeedItems, eq(knowledgeFeedItems.id, n.feedItemId))
    .leftJoin(
      noticeFeed,
      eq(noticeFeed.id, sql`coalesce(${n.feedSubscriptionId}, ${knowledgeFeedItems.subscriptionId})`),
    )
    .where(
      and(
        eq(n.orgId, args.orgId),
        eq(n.userId, args.actor.userId ?? ""),
        isNull(n.readAt),
        aboutVisible(args.actor),
        aboutOngoingFeed,
        args.onlyKind ? eq(n.kind, args.onlyKind) : undefined,
      ),
    )
    .orderBy(desc(n.createdAt), desc(n.id))
    .limit(args.limit);
  return {
    count: rows[0]?.count ?? 0,
    items: rows.map(({ count: _count, feedItemId, feedProblem, feedId, feedTitle, ...row }) => ({
      ...row,
      feed: feedId === null ? null : { id: feedId, title: feedTitle ?? "", itemId: feedItemId, problem: feedProblem },
    })),
  };
}

export async function listMyNotifications(ctx: AppContext, options: { actor: OrgActor; orgId: string }) {
  requireAllowed(ctx, options.actor, "inbox.view", inOrganisation(options.orgId));
  const { items } = await unreadNotifications(ctx, { ...options, limit: 100 });
  return {
    notifications: items.map((n) => ({
      id: n.id,
      kind: n.kind,
      conversationId: n.conversationId,
      reportWeek: n.reportWeek,
      knowledgeArticleId: n.knowledgeArticleId,
      sharedItemId: n.sharedItemId,
      feed: n.feed,
      citizenName: n.citizenName,
      actorLabel: n.actorLabel,
      createdAt: n.createdAt.toISOString(),
    })),
  };
}

export async function markNotificationsRead(
  ctx: AppContext,
  options: { actor: OrgActor; orgId: string; input: unknown },
) {
  const input = ZMarkRead.parse(options.input);
  requireAllowed(ctx, options.actor, "inbox.view", inOrganisation(options.orgId));
  const updated = await ctx.db
    .update(userNotifications)
    .set({ readAt: ctx.clock() })
    .where(
      and(
        inArray(userNotifications.id, input.ids),
        eq(userNotifications.userId, options.actor.userId ?? ""),
        eq(userNotifications.orgId, options.orgId),
        isNull(userNotifications.readAt),
      ),
    )
    .returning({ id: userNotifications.id });
  return { read: updated.length };
}
