// An own collection's feed as its page shows it: the address other installations subscribe to, the
// fingerprint to pass on out of band, whether it is stopped, and its newest revision.
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.js";
import { knowledgeCollections, knowledgeFeedRevisions, knowledgeSharedItems } from "../../db/schema/index.js";
import { MAX_FEED_BYTES, MAX_FEED_ITEMS } from "../../domain/knowledge/feedProblems.js";
import type { AppContext } from "../context.js";
import { signingKeyRow } from "./signingKey.js";

type CollectionRow = typeof knowledgeCollections.$inferSelect;

export const feedUrlOf = (ctx: AppContext, token: string) => `${ctx.publicUrl}/api/public/knowledge-feeds/${token}`;

export async function latestRevision(db: Db | Tx, collectionId: string) {
  const [row] = await db
    .select()
    .from(knowledgeFeedRevisions)
    .where(eq(knowledgeFeedRevisions.collectionId, collectionId))
    .orderBy(desc(knowledgeFeedRevisions.revision))
    .limit(1);
  return row ?? null;
}

export async function collectionFeed(ctx: AppContext, db: Db | Tx, collection: CollectionRow) {
  if (!collection.feedToken || !collection.feedPublishedAt) return null;
  const key = await signingKeyRow(db, collection.orgId);
  if (!key) return null;
  const latest = await latestRevision(db, collection.id);
  // Texts and details as they will be written, short of the envelope: a margin of a tenth for the rest.
  const i = knowledgeSharedItems;
  const [size] = await db
    .select({
      items: sql<number>`count(*)::int`,
      bytes: sql<number>`coalesce(sum(octet_length(${i.body}) + octet_length(${i.title}) + octet_length(${i.details}::text)), 0)::float8`,
    })
    .from(i)
    .where(and(eq(i.collectionId, collection.id), isNull(i.withdrawnAt)));
  return {
    url: feedUrlOf(ctx, collection.feedToken),
    fingerprint: key.fingerprint,
    publishedAt: collection.feedPublishedAt,
    stoppedAt: collection.feedStoppedAt ?? collection.withdrawnAt,
    revision: latest?.revision ?? null,
    tooLarge: (size?.items ?? 0) > MAX_FEED_ITEMS || (size?.bytes ?? 0) > MAX_FEED_BYTES * 0.9,
  };
}
