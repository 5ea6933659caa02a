// Notifications about subscribed feeds: the person who adopted a feed item is told of each newer version the
// feed brings, and the person who subscribed is told when fetching it starts being refused (once, not on
// every retry while the same refusal lasts). Only people still active members of the organisation are told.
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Tx } from "../../db/client.js";
import { knowledgeFeedAdoptions, knowledgeFeedItems, memberships, userNotifications } from "../../db/schema/index.js";
import type { FeedProblem } from "../../domain/knowledge/feed.js";

/**
 * After a fetch took in newer versions of these items: one notice per adopter whose copy is older. Called only
 * from the branch that takes a newer version, so a fetch of the same revision tells nobody again.
 */
export async function notifyFeedAdopters(
  tx: Tx,
  args: { itemIds: string[]; publisherName: string; now: Date },
): Promise<number> {
  if (args.itemIds.length === 0) return 0;
  const adopters = await tx
    .select({ orgId: knowledgeFeedAdoptions.orgId, userId: memberships.userId, itemId: knowledgeFeedAdoptions.itemId })
    .from(knowledgeFeedAdoptions)
    .innerJoin(knowledgeFeedItems, eq(knowledgeFeedItems.id, knowledgeFeedAdoptions.itemId))
    .innerJoin(
      memberships,
      and(
        eq(memberships.orgId, knowledgeFeedAdoptions.orgId),
        eq(memberships.userId, knowledgeFeedAdoptions.adoptedByUserId),
        isNull(memberships.disabledAt),
      ),
    )
    .where(
      and(
        inArray(knowledgeFeedAdoptions.itemId, args.itemIds),
        sql`${knowledgeFeedAdoptions.adoptedVersion} < ${knowledgeFeedItems.version}`,
      ),
    );
  if (adopters.length === 0) return 0;
  await tx.insert(userNotifications).values(
    adopters.map((adopter) => ({
      orgId: adopter.orgId,
      userId: adopter.userId,
      kind: "feed_item_changed" as const,
      feedItemId: adopter.itemId,
      actorLabel: args.publisherName,
      createdAt: args.now,
    })),
  );
  return adopters.length;
}

/**
 * A fetch of the subscription was refused. Only the step from "all well" to a refusal is told: a retry that is
 * refused again, for the same or another reason, is the same trouble, while a refusal after a good fetch is new.
 */
export async function notifyFeedRefused(
  tx: Tx,
  args: {
    subscription: { id: string; orgId: string; createdByUserId: string | null; problem: FeedProblem | null };
    problem: FeedProblem;
    now: Date;
  },
): Promise<boolean> {
  const { subscription } = args;
  if (subscription.problem !== null || !subscription.createdByUserId) return false;
  const [member] = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(
      and(
        eq(memberships.orgId, subscription.orgId),
        eq(memberships.userId, subscription.createdByUserId),
        isNull(memberships.disabledAt),
      ),
    );
  if (!member) return false;
  await tx.insert(userNotifications).values({
    orgId: subscription.orgId,
    userId: member.userId,
    kind: "feed_refused",
    feedSubscriptionId: subscription.id,
    feedProblem: args.problem,
    actorLabel: "system",
    createdAt: args.now,
  });
  return true;
}

/** The person's notices about newer versions of the feed item are done with once they took or left it. */
export async function markFeedItemNoticesRead(
  tx: Tx,
  args: { orgId: string; itemId: string; userId: string | null; now: Date },
): Promise<void> {
  if (!args.userId) return;
  await tx
    .update(userNotifications)
    .set({ readAt: args.now })
    .where(
      and(
        eq(userNotifications.orgId, args.orgId),
        eq(userNotifications.userId, args.userId),
        eq(userNotifications.feedItemId, args.itemId),
        isNull(userNotifications.readAt),
      ),
    );
}
