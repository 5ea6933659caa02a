// An own collection's feed as its page shows it: the address other installations subscribe to, the
// fingerprint to pass on out of band, whether it is stopped, and its newest revision.
import { desc, eq } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.js";
import { knowledgeCollections, knowledgeFeedRevisions } from "../../db/schema/index.js";
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
  return {
    url: feedUrlOf(ctx, collection.feedToken),
    fingerprint: key.fingerprint,
    publishedAt: collection.feedPublishedAt,
    stoppedAt: collection.feedStoppedAt ?? collection.withdrawnAt,
    revision: latest?.revision ?? null,
  };
}
