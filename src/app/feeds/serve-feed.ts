// A collection's feed as other installations fetch it: the items shared now, signed. The document is made
// and signed once per change (a new revision when the content's hash differs from the newest revision's)
// and served as stored; `ETag` names the revision, so a subscriber asking with If-None-Match gets 304.
import { and, asc, eq, isNull } from "drizzle-orm";
import {
  knowledgeCollections,
  knowledgeFeedRevisions,
  knowledgeSharedItems,
  organisations,
} from "../../db/schema/index.js";
import { AppError } from "../../domain/errors.js";
import {
  FEED_FORMAT,
  FEED_FORMAT_VERSION,
  type TFeedContent,
  ZFeedContent,
  contentHash,
  signFeed,
} from "../../domain/knowledge/feed.js";
import type { AppContext } from "../context.js";
import { latestRevision } from "./collectionFeed.js";
import { openSigningKey, signingKeyRow } from "./signingKey.js";

export type ServedFeed = { status: 200; etag: string; document: string } | { status: 304; etag: string };

const etagOf = (revision: { revision: number; contentHash: string }) =>
  `"${revision.revision}-${revision.contentHash.slice(0, 16)}"`;

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(",").some((tag) => {
    const t = tag.trim();
    return t === "*" || t === etag || t === `W/${etag}`;
  });
}

export async function serveFeed(ctx: AppContext, args: { token: string; ifNoneMatch?: string }): Promise<ServedFeed> {
  const [row] = await ctx.db
    .select({ collection: knowledgeCollections, publisherName: organisations.name })
    .from(knowledgeCollections)
    .innerJoin(organisations, eq(organisations.id, knowledgeCollections.orgId))
    .where(eq(knowledgeCollections.feedToken, args.token));
  if (!row) throw new AppError("NOT_FOUND");
  const { collection } = row;
  if (collection.feedStoppedAt || collection.withdrawnAt) throw new AppError("FEED_WITHDRAWN");
  const items = await ctx.db
    .select()
    .from(knowledgeSharedItems)
    .where(and(eq(knowledgeSharedItems.collectionId, collection.id), isNull(knowledgeSharedItems.withdrawnAt)))
    .orderBy(asc(knowledgeSharedItems.id));
  // Read through the schema subscribers read it with: a feed this installation cannot vouch for is not served.
  const content: TFeedContent = ZFeedContent.parse({
    publisher: { name: row.publisherName },
    collection: { id: collection.id, title: collection.title, description: collection.description },
    items: items.map((item) => ({
      id: item.id,
      kind: item.kind,
      title: item.title,
      version: item.version,
      body: item.body,
      tags: item.tags,
      details: item.details,
      checkedAt: item.checkedAt.toISOString(),
    })),
  });
  const hash = contentHash(content);
  let latest = await latestRevision(ctx.db, collection.id);
  if (!latest || latest.contentHash !== hash) {
    const key = await signingKeyRow(ctx.db, collection.orgId);
    if (!key) throw new Error(`collection ${collection.id} has a feed but its organisation no signing key`);
    const now = ctx.clock();
    const revision = (latest?.revision ?? 0) + 1;
    const signed = signFeed(
      {
        format: FEED_FORMAT,
        formatVersion: FEED_FORMAT_VERSION,
        revision,
        generatedAt: now.toISOString(),
        ...content,
      },
      openSigningKey(ctx, key),
    );
    // Two fetches of a changed feed at once: one revision is stored, both serve it.
    await ctx.db
      .insert(knowledgeFeedRevisions)
      .values({
        collectionId: collection.id,
        revision,
        contentHash: hash,
        document: JSON.stringify(signed),
        createdAt: now,
      })
      .onConflictDoNothing();
    latest = await latestRevision(ctx.db, collection.id);
    if (!latest) throw new Error("feed revision insert returned nothing");
  }
  const etag = etagOf(latest);
  if (matches(args.ifNoneMatch, etag)) return { status: 304, etag };
  return { status: 200, etag, document: latest.document };
}
