// Fetching a subscribed feed again (the worker every hour, or a person with "Jetzt abrufen"): unchanged (304),
// a newer verified version taken in, or a refusal recorded while the last good version stays in use (and the
// subscriber told when the refusals begin).
import { and, asc, eq, isNull, lte } from "drizzle-orm";
import { knowledgeFeedSubscriptions } from "../../db/schema/index.js";
import { AppError } from "../../domain/errors.js";
import { type FeedProblem, verifyFeed } from "../../domain/knowledge/feed.js";
import { organisationWide } from "../../domain/policy.js";
import { type OrgActor, requireAllowed } from "../authorization.js";
import type { AppContext } from "../context.js";
import { notifyFeedRefused } from "./feedNotices.js";
import { fetchFeedDocument } from "./fetchFeedDocument.js";
import {
  CHECK_EVERY_MS,
  CHECK_WITHDRAWN_MS,
  RETRY_AFTER_MS,
  feedFacts,
  olderThanTaken,
  storeFeedItems,
} from "./feedItems.js";

const s = knowledgeFeedSubscriptions;

export interface FetchOutcome {
  outcome: "updated" | "unchanged" | "refused";
  revision: number;
  problem: FeedProblem | null;
  problemDetail: string | null;
}

export async function refreshSubscription(ctx: AppContext, subscriptionId: string): Promise<FetchOutcome> {
  const [before] = await ctx.db.select().from(s).where(eq(s.id, subscriptionId));
  if (!before || before.cancelledAt) throw new AppError("NOT_FOUND");
  const startedAt = ctx.clock();
  const fetched = await fetchFeedDocument(ctx, { url: before.url, etag: before.etag });
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const [subscription] = await tx.select().from(s).where(eq(s.id, subscriptionId)).for("update");
    if (!subscription || subscription.cancelledAt) throw new AppError("NOT_FOUND");
    // Another fetch (the worker's, "Jetzt abrufen") began and ended while this one ran: its answer is newer.
    if (subscription.lastCheckedAt > startedAt)
      return {
        outcome: "unchanged",
        revision: subscription.revision,
        problem: subscription.problem,
        problemDetail: subscription.problemDetail,
      };
    const refuse = async (problem: FeedProblem, detail: string): Promise<FetchOutcome> => {
      await tx
        .update(s)
        .set({
          problem,
          problemDetail: detail,
          problemSince: subscription.problem === problem ? subscription.problemSince : now,
          withdrawnAt: problem === "withdrawn" ? (subscription.withdrawnAt ?? now) : subscription.withdrawnAt,
          lastCheckedAt: now,
          // A stopped feed is asked about daily, not every quarter of an hour.
          nextCheckAt: new Date(now.getTime() + (problem === "withdrawn" ? CHECK_WITHDRAWN_MS : RETRY_AFTER_MS)),
        })
        .where(eq(s.id, subscriptionId));
      await notifyFeedRefused(tx, { subscription, problem, now });
      ctx.log.warn({ subscriptionId, problem, detail }, "knowledge feed refused; the last good version stays");
      return { outcome: "refused", revision: subscription.revision, problem, problemDetail: detail };
    };
    const good = { problem: null, problemDetail: null, problemSince: null, withdrawnAt: null, lastCheckedAt: now };
    const next = new Date(now.getTime() + CHECK_EVERY_MS);
    if (fetched.kind === "refused") return refuse(fetched.problem, fetched.detail);
    if (fetched.kind === "unchanged") {
      await tx
        .update(s)
        .set({ ...good, nextCheckAt: next })
        .where(eq(s.id, subscriptionId));
      return { outcome: "unchanged", revision: subscription.revision, problem: null, problemDetail: null };
    }
    const verified = verifyFeed(fetched.bytes, subscription.fingerprint);
    if (!verified.ok) return refuse(verified.problem, verified.detail);
    // The publisher's key signs all its collections: another of them at this address is not this feed.
    if (subscription.collectionId && verified.payload.collection.id !== subscription.collectionId)
      return refuse(
        "wrong_collection",
        `collection ${verified.payload.collection.id}, not ${subscription.collectionId}`,
      );
    const older = olderThanTaken(subscription, verified.payload, verified.hash);
    if (older) return refuse("older_revision", older);
    const changed = verified.payload.revision !== subscription.revision;
    if (changed) await storeFeedItems(tx, { subscriptionId, payload: verified.payload, now });
    await tx
      .update(s)
      .set({
        ...good,
        ...feedFacts(verified.payload, verified.hash),
        etag: fetched.etag,
        lastGoodAt: now,
        nextCheckAt: next,
      })
      .where(eq(s.id, subscriptionId));
    return {
      outcome: changed ? "updated" : "unchanged",
      revision: verified.payload.revision,
      problem: null,
      problemDetail: null,
    };
  });
}

/** "Jetzt abrufen": a person of the subscribing organisation fetches its feed at once. */
export async function refreshFeed(ctx: AppContext, options: { actor: OrgActor; orgId: string; feedId: string }) {
  requireAllowed(ctx, options.actor, "knowledge.share", organisationWide(options.orgId));
  const [row] = await ctx.db
    .select({ id: s.id })
    .from(s)
    .where(and(eq(s.id, options.feedId), eq(s.orgId, options.orgId), isNull(s.cancelledAt)));
  if (!row) throw new AppError("NOT_FOUND");
  return refreshSubscription(ctx, row.id);
}

/**
 * The worker's round: the subscriptions that are due, claimed by moving their next check on first (so
 * several workers do not fetch one feed twice), then fetched one after another.
 */
export async function refreshDueFeeds(ctx: AppContext, options: { limit?: number } = {}): Promise<number> {
  const now = ctx.clock();
  const claimed = await ctx.db.transaction(async (tx) => {
    const due = await tx
      .select({ id: s.id })
      .from(s)
      .where(and(isNull(s.cancelledAt), lte(s.nextCheckAt, now)))
      .orderBy(asc(s.nextCheckAt))
      .limit(options.limit ?? 20)
      .for("update", { skipLocked: true });
    for (const row of due)
      await tx
        .update(s)
        .set({ nextCheckAt: new Date(now.getTime() + RETRY_AFTER_MS) })
        .where(eq(s.id, row.id));
    return due;
  });
  for (const { id } of claimed) {
    await refreshSubscription(ctx, id).catch((error: unknown) => {
      ctx.log.error({ err: error, subscriptionId: id }, "knowledge feed fetch failed");
    });
  }
  return claimed.length;
}
