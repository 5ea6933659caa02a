// Where an adopted copy came from: the shared item, whose it is, the version taken, and whether a newer one
// waits (shown on the copy's page). Null for things the organisation wrote itself.
import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import {
  knowledgeAdoptions,
  knowledgeCollections,
  knowledgeFeedAdoptions,
  knowledgeFeedItems,
  knowledgeFeedSubscriptions,
  knowledgeSharedItems,
  organisations,
} from "../../db/schema/index.js";
import { updateAvailable } from "./presentItem.js";

export async function originOfCopy(db: Db, args: { orgId: string; targetId: string }) {
  const [row] = await db
    .select({
      adoption: knowledgeAdoptions,
      item: knowledgeSharedItems,
      publisherName: organisations.name,
      collectionWithdrawnAt: knowledgeCollections.withdrawnAt,
    })
    .from(knowledgeAdoptions)
    .innerJoin(knowledgeSharedItems, eq(knowledgeSharedItems.id, knowledgeAdoptions.itemId))
    .innerJoin(knowledgeCollections, eq(knowledgeCollections.id, knowledgeSharedItems.collectionId))
    .innerJoin(organisations, eq(organisations.id, knowledgeCollections.orgId))
    .where(and(eq(knowledgeAdoptions.orgId, args.orgId), eq(knowledgeAdoptions.targetId, args.targetId)));
  if (!row) return originInFeed(db, args);
  const stillShared = !row.item.withdrawnAt && !row.collectionWithdrawnAt;
  return {
    itemId: row.item.id,
    via: "installation" as const,
    publisherName: row.publisherName,
    adoptedVersion: row.adoption.adoptedVersion,
    /** The item can still be opened (its owner has not withdrawn it or its collection). */
    stillShared,
    updateAvailable: stillShared && updateAvailable(row.item, row.adoption),
  };
}

/** A copy adopted from another installation's feed: the feed item (readable while subscribed and in the feed). */
async function originInFeed(db: Db, args: { orgId: string; targetId: string }) {
  const [row] = await db
    .select({ adoption: knowledgeFeedAdoptions, item: knowledgeFeedItems, subscription: knowledgeFeedSubscriptions })
    .from(knowledgeFeedAdoptions)
    .innerJoin(knowledgeFeedItems, eq(knowledgeFeedItems.id, knowledgeFeedAdoptions.itemId))
    .innerJoin(knowledgeFeedSubscriptions, eq(knowledgeFeedSubscriptions.id, knowledgeFeedItems.subscriptionId))
    .where(and(eq(knowledgeFeedAdoptions.orgId, args.orgId), eq(knowledgeFeedAdoptions.targetId, args.targetId)));
  if (!row) return null;
  const stillShared = !row.item.withdrawnAt && !row.subscription.cancelledAt;
  return {
    itemId: row.item.id,
    via: "feed" as const,
    publisherName: row.subscription.publisherName,
    adoptedVersion: row.adoption.adoptedVersion,
    stillShared,
    updateAvailable: stillShared && updateAvailable(row.item, row.adoption),
  };
}
