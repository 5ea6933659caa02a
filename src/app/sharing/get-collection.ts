// One collection with its items. The publishing organisation sees every item with how many organisations
// adopted it and whether its own text has changed since it was shared; a receiver sees the items still
// shared, with its copy and whether a newer version waits.
import { and, asc, count, eq, inArray } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import {
  knowledgeAdoptions,
  knowledgeCollectionReceivers,
  knowledgeSharedItems,
  organisations,
} from "../../db/schema/index.js";
import { AppError } from "../../domain/errors.js";
import { inOrganisation } from "../../domain/policy.js";
import { type OrgActor, requireAllowed } from "../authorization.js";
import type { AppContext } from "../context.js";
import { loadVisibleCollection } from "./sharingRows.js";
import { presentItem } from "./presentItem.js";
import { sameContent, sourceSnapshot } from "./sourceSnapshot.js";
import { collectionFeed } from "../feeds/collectionFeed.js";

type ItemRow = typeof knowledgeSharedItems.$inferSelect;

/** Whether the organisation's own item now says something else than its shared version (or is gone). */
async function sourceChanged(db: Db, orgId: string, item: ItemRow): Promise<boolean> {
  try {
    return !sameContent(await sourceSnapshot(db, { orgId, kind: item.kind, sourceId: item.sourceId }), item);
  } catch (error) {
    // Gone, no longer published or no Netiquette in force: it cannot be shared as it is now.
    if (error instanceof AppError) return true;
    throw error;
  }
}

export async function getCollection(
  ctx: AppContext,
  options: { actor: OrgActor; orgId: string; collectionId: string },
) {
  const { actor, orgId, collectionId } = options;
  requireAllowed(ctx, actor, "knowledge.view", inOrganisation(orgId));
  const collection = await loadVisibleCollection(ctx.db, { orgId, collectionId });
  const items = await ctx.db
    .select()
    .from(knowledgeSharedItems)
    .where(eq(knowledgeSharedItems.collectionId, collectionId))
    .orderBy(asc(knowledgeSharedItems.kind), asc(knowledgeSharedItems.title));
  const visible = collection.own ? items : items.filter((item) => !item.withdrawnAt);
  const itemIds = visible.map((item) => item.id);
  const adoptions = itemIds.length
    ? await ctx.db
        .select()
        .from(knowledgeAdoptions)
        .where(and(inArray(knowledgeAdoptions.itemId, itemIds), eq(knowledgeAdoptions.orgId, orgId)))
    : [];
  const counts =
    collection.own && itemIds.length
      ? await ctx.db
          .select({ itemId: knowledgeAdoptions.itemId, n: count() })
          .from(knowledgeAdoptions)
          .where(inArray(knowledgeAdoptions.itemId, itemIds))
          .groupBy(knowledgeAdoptions.itemId)
      : [];
  const receivers = collection.own
    ? await ctx.db
        .select({ id: organisations.id, name: organisations.name })
        .from(knowledgeCollectionReceivers)
        .innerJoin(organisations, eq(organisations.id, knowledgeCollectionReceivers.orgId))
        .where(eq(knowledgeCollectionReceivers.collectionId, collectionId))
        .orderBy(organisations.name)
    : [];
  const presented = await Promise.all(
    visible.map(async (item) =>
      presentItem(item, {
        adoption: adoptions.find((a) => a.itemId === item.id) ?? null,
        adoptionCount: counts.find((c) => c.itemId === item.id)?.n ?? 0,
        sourceChanged: collection.own && !item.withdrawnAt ? await sourceChanged(ctx.db, orgId, item) : false,
        own: collection.own,
      }),
    ),
  );
  return {
    collection: {
      id: collection.id,
      title: collection.title,
      description: collection.description,
      audience: collection.audience,
      publisher: { id: collection.orgId, name: collection.publisherName },
      receivers,
      itemCount: visible.filter((item) => !item.withdrawnAt).length,
      updatesAvailable: presented.filter((item) => item.updateAvailable).length,
      updatedAt: collection.updatedAt,
      withdrawnAt: collection.withdrawnAt,
      own: collection.own,
      /** Own collections: the signed feed for other installations, once published. */
      feed: collection.own ? await collectionFeed(ctx, ctx.db, collection) : null,
    },
    items: presented,
  };
}
