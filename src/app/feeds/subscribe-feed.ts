// Subscribing to another installation's feed: its address and the fingerprint its publisher gave out of
// band. The feed is fetched and verified at once; a feed that does not verify (another key, a broken
// signature, not a feed) is refused with its reason and nothing is kept. From then on the worker fetches it.
import { and, eq, isNull } from "drizzle-orm";
import { knowledgeFeedSubscriptions } from "../../db/schema/index.js";
import { isUniqueViolation } from "../../db/queries/errors.js";
import { AppError } from "../../domain/errors.js";
import { normaliseFingerprint, verifyFeed } from "../../domain/knowledge/feed.js";
import { organisationWide } from "../../domain/policy.js";
import { ZSubscribeInput } from "../../contract/feeds.js";
import { appendAuditEvent } from "../audit/auditTrail.js";
import { type OrgActor, requireAllowed } from "../authorization.js";
import type { AppContext } from "../context.js";
import { fetchFeedDocument } from "./fetchFeedDocument.js";
import { CHECK_EVERY_MS, feedFacts, storeFeedItems } from "./feedItems.js";

const s = knowledgeFeedSubscriptions;

export async function subscribeFeed(ctx: AppContext, options: { actor: OrgActor; orgId: string; input: unknown }) {
  const { actor, orgId } = options;
  requireAllowed(ctx, actor, "knowledge.share", organisationWide(orgId));
  const input = ZSubscribeInput.parse(options.input);
  const fingerprint = normaliseFingerprint(input.fingerprint);
  if (!fingerprint) throw new Error("fingerprint passed the schema but does not read");
  const [existing] = await ctx.db
    .select({ id: s.id })
    .from(s)
    .where(and(eq(s.orgId, orgId), eq(s.url, input.url), isNull(s.cancelledAt)));
  if (existing) throw new AppError("CONFLICT", { details: { problem: "already_subscribed", id: existing.id } });

  const fetched = await fetchFeedDocument(ctx, { url: input.url, etag: null });
  if (fetched.kind === "unchanged")
    throw new AppError("FEED_REFUSED", { details: { problem: "http_status", detail: "HTTP 304 without asking" } });
  if (fetched.kind === "refused")
    throw new AppError("FEED_REFUSED", { details: { problem: fetched.problem, detail: fetched.detail } });
  const verified = verifyFeed(fetched.bytes, fingerprint);
  if (!verified.ok)
    throw new AppError("FEED_REFUSED", { details: { problem: verified.problem, detail: verified.detail } });

  const now = ctx.clock();
  try {
    return await ctx.db.transaction(async (tx) => {
      const [created] = await tx
        .insert(s)
        .values({
          orgId,
          url: input.url,
          fingerprint,
          collectionId: verified.payload.collection.id,
          ...feedFacts(verified.payload, verified.hash),
          etag: fetched.etag,
          lastGoodAt: now,
          lastCheckedAt: now,
          nextCheckAt: new Date(now.getTime() + CHECK_EVERY_MS),
          createdByUserId: actor.userId,
          createdAt: now,
        })
        .returning({ id: s.id });
      if (!created) throw new Error("subscription insert returned nothing");
      await storeFeedItems(tx, { subscriptionId: created.id, payload: verified.payload, now });
      await appendAuditEvent(tx, {
        orgId,
        actor,
        action: "knowledge_feed.subscribed",
        target: { type: "knowledge_feed", id: created.id },
        data: {
          url: input.url,
          fingerprint,
          publisher: verified.payload.publisher.name,
          title: verified.payload.collection.title,
          revision: verified.payload.revision,
        },
        occurredAt: now,
      });
      return { id: created.id };
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError("CONFLICT", { details: { problem: "already_subscribed" }, cause: error });
    throw error;
  }
}

/** Ending a subscription: no longer fetched or listed; copies adopted from it stay and keep their origin. */
export async function cancelFeed(ctx: AppContext, options: { actor: OrgActor; orgId: string; feedId: string }) {
  const { actor, orgId, feedId } = options;
  requireAllowed(ctx, actor, "knowledge.share", organisationWide(orgId));
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(s)
      .set({ cancelledAt: now })
      .where(and(eq(s.id, feedId), eq(s.orgId, orgId), isNull(s.cancelledAt)))
      .returning();
    if (!row) throw new AppError("NOT_FOUND");
    await appendAuditEvent(tx, {
      orgId,
      actor,
      action: "knowledge_feed.cancelled",
      target: { type: "knowledge_feed", id: feedId },
      data: { url: row.url, publisher: row.publisherName, title: row.title },
      occurredAt: now,
    });
    return { id: feedId };
  });
}
