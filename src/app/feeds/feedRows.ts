// Reading subscriptions and their items as the subscribing organisation sees them: its own, not ended.
// Anything else (another organisation's subscription, an ended one) is NOT_FOUND.
import { and, count, eq, isNull, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.js";
import { knowledgeFeedAdoptions, knowledgeFeedItems, knowledgeFeedSubscriptions } from "../../db/schema/index.js";
import { AppError } from "../../domain/errors.js";
import { updateAvailable } from "../sharing/presentItem.js";

const s = knowledgeFeedSubscriptions;
type SubscriptionRow = typeof s.$inferSelect;
type ItemRow = typeof knowledgeFeedItems.$inferSelect;
type AdoptionRow = typeof knowledgeFeedAdoptions.$inferSelect;

export async function loadSubscription(db: Db | Tx, args: { orgId: string; feedId: string }) {
  const [row] = await db
    .select()
    .from(s)
    .where(and(eq(s.id, args.feedId), eq(s.orgId, args.orgId), isNull(s.cancelledAt)));
  if (!row) throw new AppError("NOT_FOUND");
  return row;
}

export async function loadFeedItem(db: Db | Tx, args: { orgId: string; itemId: string; forUpdate?: boolean }) {
  const query = db
    .select({ item: knowledgeFeedItems, subscription: s })
    .from(knowledgeFeedItems)
    .innerJoin(s, eq(s.id, knowledgeFeedItems.subscriptionId))
    .where(and(eq(knowledgeFeedItems.id, args.itemId), eq(s.orgId, args.orgId), isNull(s.cancelledAt)));
  const [row] = args.forUpdate ? await query.for("update", { of: knowledgeFeedItems }) : await query;
  if (!row) throw new AppError("NOT_FOUND");
  return row;
}

/** Adopted items with a newer version not yet taken or left, per subscription. */
export async function updatesBySubscription(db: Db | Tx, orgId: string): Promise<Map<string, number>> {
  const rows = await db
    .select({ subscriptionId: knowledgeFeedItems.subscriptionId, n: count() })
    .from(knowledgeFeedAdoptions)
    .innerJoin(knowledgeFeedItems, eq(knowledgeFeedItems.id, knowledgeFeedAdoptions.itemId))
    .where(
      and(
        eq(knowledgeFeedAdoptions.orgId, orgId),
        isNull(knowledgeFeedItems.withdrawnAt),
        sql`${knowledgeFeedItems.version} > ${knowledgeFeedAdoptions.adoptedVersion}`,
        sql`${knowledgeFeedItems.version} > coalesce(${knowledgeFeedAdoptions.declinedVersion}, 0)`,
      ),
    )
    .groupBy(knowledgeFeedItems.subscriptionId);
  return new Map(rows.map((r) => [r.subscriptionId, r.n]));
}

export function presentSubscription(row: SubscriptionRow, counts: { itemCount: number; updatesAvailable: number }) {
  return {
    id: row.id,
    url: row.url,
    fingerprint: row.fingerprint,
    publisherName: row.publisherName,
    title: row.title,
    description: row.description,
    revision: row.revision,
    problem: row.problem,
    problemDetail: row.problemDetail,
    problemSince: row.problemSince,
    lastCheckedAt: row.lastCheckedAt,
    lastGoodAt: row.lastGoodAt,
    withdrawnAt: row.withdrawnAt,
    ...counts,
  };
}

export function presentFeedItem(item: ItemRow, adoption: AdoptionRow | null) {
  return {
    id: item.id,
    kind: item.kind,
    title: item.title,
    version: item.version,
    checkedAt: item.checkedAt,
    withdrawnAt: item.withdrawnAt,
    adoption: adoption
      ? {
          targetId: adoption.targetId,
          adoptedVersion: adoption.adoptedVersion,
          declinedVersion: adoption.declinedVersion,
          adoptedAt: adoption.adoptedAt,
        }
      : null,
    updateAvailable: !item.withdrawnAt && updateAvailable(item, adoption),
  };
}
