// Taking a verified feed into the subscription: its items as the publisher shares them now, each new version
// kept (for the diff an adopter reads), items no longer in the feed marked as such. A feed older than the one
// already taken (a lower revision, or the same revision with other content) is refused: a replayed or
// rolled-back document must not undo what the publisher has since changed. Whoever adopted an item is told of
// its newer version (feedNotices.ts).
import { and, eq, isNull, notInArray } from "drizzle-orm";
import type { Tx } from "../../db/client.js";
import { knowledgeFeedItemVersions, knowledgeFeedItems, knowledgeFeedSubscriptions } from "../../db/schema/index.js";
import { type TFeedPayload, itemOfFeed } from "../../domain/knowledge/feed.js";
import { notifyFeedAdopters } from "./feedNotices.js";

type SubscriptionRow = typeof knowledgeFeedSubscriptions.$inferSelect;

/** How long until the worker looks again: hourly while all is well, sooner after a refusal. */
export const CHECK_EVERY_MS = 3_600_000;
export const RETRY_AFTER_MS = 15 * 60_000;
export const CHECK_WITHDRAWN_MS = 24 * 3_600_000;

export type Applied = { outcome: "updated" | "unchanged" } | { outcome: "refused"; detail: string };

export function olderThanTaken(subscription: SubscriptionRow, payload: TFeedPayload, hash: string): string | null {
  if (payload.revision < subscription.revision)
    return `revision ${payload.revision}, older than revision ${subscription.revision} already taken`;
  if (payload.revision === subscription.revision && hash !== subscription.contentHash)
    return `revision ${payload.revision} again, with other content`;
  return null;
}

export async function storeFeedItems(
  tx: Tx,
  args: { subscriptionId: string; payload: TFeedPayload; now: Date },
): Promise<void> {
  const { subscriptionId, payload, now } = args;
  const changed: string[] = [];
  for (const item of payload.items) {
    const [existing] = await tx
      .select()
      .from(knowledgeFeedItems)
      .where(and(eq(knowledgeFeedItems.subscriptionId, subscriptionId), eq(knowledgeFeedItems.remoteId, item.id)))
      .for("update");
    const text = itemOfFeed(item);
    const checkedAt = new Date(item.checkedAt);
    let itemId: string;
    if (!existing) {
      const [created] = await tx
        .insert(knowledgeFeedItems)
        .values({ subscriptionId, remoteId: item.id, kind: item.kind, version: item.version, ...text, checkedAt })
        .returning({ id: knowledgeFeedItems.id });
      if (!created) throw new Error("feed item insert returned nothing");
      itemId = created.id;
    } else {
      itemId = existing.id;
      // A version never goes back: an item's older text in a newer feed is not taken (its check time is).
      const newer = item.version > existing.version;
      await tx
        .update(knowledgeFeedItems)
        .set({ ...(newer ? { version: item.version, kind: item.kind, ...text } : {}), checkedAt, withdrawnAt: null })
        .where(eq(knowledgeFeedItems.id, existing.id));
      if (!newer) continue;
      changed.push(existing.id);
    }
    await tx
      .insert(knowledgeFeedItemVersions)
      .values({ itemId, version: item.version, ...text, receivedAt: now })
      .onConflictDoNothing();
  }
  const present = payload.items.map((item) => item.id);
  await tx
    .update(knowledgeFeedItems)
    .set({ withdrawnAt: now })
    .where(
      and(
        eq(knowledgeFeedItems.subscriptionId, subscriptionId),
        isNull(knowledgeFeedItems.withdrawnAt),
        present.length > 0 ? notInArray(knowledgeFeedItems.remoteId, present) : undefined,
      ),
    );
  await notifyFeedAdopters(tx, { itemIds: changed, publisherName: payload.publisher.name, now });
}

/** What the subscription keeps of the feed besides its items. */
export function feedFacts(payload: TFeedPayload, hash: string) {
  return {
    publisherName: payload.publisher.name,
    title: payload.collection.title,
    description: payload.collection.description,
    revision: payload.revision,
    contentHash: hash,
  };
}
