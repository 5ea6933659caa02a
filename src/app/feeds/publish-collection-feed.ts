// Publishing an own collection as a signed feed for other draht installations, and stopping it. The first
// feed of an organisation makes its signing key. The address stays the same when a stopped feed is published
// again, so subscribers pick it up where they left off.
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { knowledgeCollections } from "../../db/schema/index.js";
import { AppError } from "../../domain/errors.js";
import { organisationWide } from "../../domain/policy.js";
import { appendAuditEvent } from "../audit/auditTrail.js";
import { type OrgActor, requireAllowed } from "../authorization.js";
import type { AppContext } from "../context.js";
import { loadOwnCollection } from "../sharing/sharingRows.js";
import { collectionFeed } from "./collectionFeed.js";
import { ensureSigningKey } from "./signingKey.js";

export async function setCollectionFeed(
  ctx: AppContext,
  options: { actor: OrgActor; orgId: string; collectionId: string; published: boolean },
) {
  const { actor, orgId, collectionId, published } = options;
  requireAllowed(ctx, actor, "knowledge.share", organisationWide(orgId));
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const collection = await loadOwnCollection(tx, { orgId, collectionId, forUpdate: true });
    if (published) {
      // A withdrawn collection is shared with no one, here or elsewhere.
      if (collection.withdrawnAt)
        throw new AppError("INVALID_TRANSITION", { details: { problem: "collection_withdrawn" } });
      const key = await ensureSigningKey(ctx, tx, orgId);
      const wasLive = collection.feedToken !== null && collection.feedStoppedAt === null;
      const feedToken = collection.feedToken ?? randomBytes(24).toString("base64url");
      if (!wasLive) {
        await tx
          .update(knowledgeCollections)
          .set({ feedToken, feedPublishedAt: now, feedStoppedAt: null })
          .where(eq(knowledgeCollections.id, collectionId));
        await appendAuditEvent(tx, {
          orgId,
          actor,
          action: "knowledge_collection.feed_published",
          target: { type: "knowledge_collection", id: collectionId },
          data: { title: collection.title, fingerprint: key.fingerprint },
          occurredAt: now,
        });
      }
    } else {
      if (!collection.feedToken) throw new AppError("NOT_FOUND");
      if (!collection.feedStoppedAt) {
        await tx
          .update(knowledgeCollections)
          .set({ feedStoppedAt: now })
          .where(eq(knowledgeCollections.id, collectionId));
        await appendAuditEvent(tx, {
          orgId,
          actor,
          action: "knowledge_collection.feed_stopped",
          target: { type: "knowledge_collection", id: collectionId },
          data: { title: collection.title },
          occurredAt: now,
        });
      }
    }
    const feed = await collectionFeed(ctx, tx, await loadOwnCollection(tx, { orgId, collectionId }));
    if (!feed) throw new Error("feed state missing after change");
    return feed;
  });
}
