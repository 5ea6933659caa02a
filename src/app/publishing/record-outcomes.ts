// Records what the channels answered for a round of publications. Successes of a whole round are
// written in one transaction (posts locked in id order, one audit append per chain); errors are
// retried with backoff (transient, rate limited) or end in "failed" with the channel's words. Only the
// current claimant (still sending, same attempt) may record an outcome.
import { and, asc, eq, inArray, notExists, notInArray, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { posts, publications } from "../../db/schema/index.js";
import { type ConnectorErrorKind, isRetryable, type PublishedItem, retryDelayMs } from "../../domain/connector.js";
import { appendAuditEvent, appendAuditEvents, isAuditTrailDamaged, unlessChainDamaged } from "../audit/auditTrail.js";
import type { AppContext, Principal } from "../context.js";
import type { ClaimedPublication } from "./claim-due-publications.js";
import type { SendResult } from "./send-publication.js";
import { rowsOf } from "../../db/queries/rows.js";

export const MAX_ATTEMPTS = 8;
const WORKER: Principal = { userId: null, label: "worker" };

/** `unrecorded`: the organisation's audit chain is damaged, so nothing can be recorded for it (logged at error level). */
export type DeliveryOutcome = "published" | "retry" | "failed" | "lost_lease" | "unrecorded";

export async function recordOutcomes(
  ctx: AppContext,
  deps: { random?: () => number },
  results: readonly { claimed: ClaimedPublication; result: SendResult }[],
): Promise<DeliveryOutcome[]> {
  const outcomes = new Map<string, DeliveryOutcome>();
  const published = results.flatMap(({ claimed, result }) =>
    result.kind === "published" ? [{ claimed, item: result.item, parts: result.parts }] : [],
  );
  if (published.length > 0)
    for (const [id, outcome] of await recordPublished(ctx, published)) outcomes.set(id, outcome);
  for (const { claimed, result } of results) {
    if (result.kind !== "error") continue;
    const giveUp = !isRetryable(result.errorKind) || claimed.attempts >= MAX_ATTEMPTS;
    if (giveUp) {
      const failure = { kind: result.errorKind, message: result.message };
      const failed = await unlessChainDamaged(ctx.log, scopeOf([claimed]), () => recordFailed(ctx, claimed, failure));
      outcomes.set(claimed.id, failed ?? "unrecorded");
      continue;
    }
    const delay = retryDelayMs({
      attempt: claimed.attempts,
      retryAfterMs: result.retryAfterMs,
      random: (deps.random ?? Math.random)(),
    });
    ctx.log.warn(
      { publicationId: claimed.id, kind: result.errorKind, attempt: claimed.attempts, delayMs: delay },
      "publishing failed; will retry",
    );
    outcomes.set(
      claimed.id,
      await recordRetry(ctx, claimed, {
        kind: result.errorKind,
        message: result.message,
        at: new Date(ctx.clock().getTime() + delay),
      }),
    );
  }
  return results.map(({ claimed }) => outcomes.get(claimed.id) ?? "lost_lease");
}

const stillOurs = (claimed: ClaimedPublication) =>
  and(eq(publications.id, claimed.id), eq(publications.status, "sending"), eq(publications.attempts, claimed.attempts));

/**
 * Where an organisation's audit chain is damaged its publications stay "sending": their lease runs out and
 * they are recovered (looked up first, never sent twice), recorded once the operator has resealed the chain.
 */
const scopeOf = (claimed: readonly ClaimedPublication[]) => ({
  orgId: claimed[0]?.orgId ?? "",
  publicationIds: claimed.map((c) => c.id),
});

type PublishedResult = { claimed: ClaimedPublication; item: PublishedItem; parts: string[] };

async function recordPublished(ctx: AppContext, items: PublishedResult[]): Promise<Map<string, DeliveryOutcome>> {
  const outcomeOf = (recorded: Set<string>) =>
    new Map(items.map(({ claimed }) => [claimed.id, recorded.has(claimed.id) ? "published" : "lost_lease"] as const));
  try {
    return outcomeOf(await recordPublishedTogether(ctx, items));
  } catch (error) {
    if (!isAuditTrailDamaged(error)) throw error;
  }
  // One organisation's damaged audit chain must not leave the others' publications unrecorded.
  const outcomes = new Map<string, DeliveryOutcome>();
  const byOrg = new Map<string, PublishedResult[]>();
  for (const item of items) byOrg.set(item.claimed.orgId, [...(byOrg.get(item.claimed.orgId) ?? []), item]);
  for (const group of byOrg.values()) {
    const recorded = await unlessChainDamaged(ctx.log, scopeOf(group.map((g) => g.claimed)), () =>
      recordPublishedTogether(ctx, group),
    );
    for (const { claimed } of group)
      outcomes.set(
        claimed.id,
        recorded === null ? "unrecorded" : recorded.has(claimed.id) ? "published" : "lost_lease",
      );
  }
  return outcomes;
}

async function recordPublishedTogether(ctx: AppContext, items: PublishedResult[]): Promise<Set<string>> {
  const now = ctx.clock();
  const recorded = await ctx.db.transaction(async (tx) => {
    const postIds = [...new Set(items.map((i) => i.claimed.postId))].sort();
    // Lock order posts → publications, as everywhere else; the last finishers of one post serialise here.
    await tx
      .select({ id: posts.id })
      .from(posts)
      .where(inArray(posts.id, postIds))
      .orderBy(asc(posts.id))
      .for("update");
    const values = sql.join(
      items.map(
        ({ claimed, item, parts }) =>
          sql`(${claimed.id}::uuid, ${claimed.attempts}::int, ${item.externalId}::text, ${item.url}::text, ${JSON.stringify(parts)}::jsonb)`,
      ),
      sql`, `,
    );
    const result = await tx.execute(sql`
      update ${publications} as p
         set status = 'published', external_id = v.external_id, external_url = v.external_url, part_external_ids = v.parts,
             published_at = ${now.toISOString()}::timestamptz, lease_until = null, last_error = null, last_error_kind = null
        from (values ${values}) as v(id, attempts, external_id, external_url, parts)
       where p.id = v.id and p.status = 'sending' and p.attempts = v.attempts
      returning p.id`);
    const ids = new Set(rowsOf<{ id: string }>(result).map((r) => r.id));
    const ours = items.filter((i) => ids.has(i.claimed.id));
    if (ours.length === 0) return ids;
    await markPostsPublished(tx, [...new Set(ours.map((i) => i.claimed.postId))], now);
    await appendAuditEvents(
      tx,
      ours.map(({ claimed, item }) => ({
        orgId: claimed.orgId,
        actor: WORKER,
        action: "post.published",
        target: { type: "post", id: claimed.postId },
        data: { channelAccountId: claimed.channelAccountId, externalId: item.externalId, attempts: claimed.attempts },
        occurredAt: now,
      })),
    );
    return ids;
  });
  for (const { claimed } of items)
    ctx.log.debug({ publicationId: claimed.id, recorded: recorded.has(claimed.id) }, "publication recorded");
  return recorded;
}

/** A post is out once none of its publications is still on its way. */
async function markPostsPublished(tx: Db, postIds: string[], now: Date): Promise<void> {
  await tx
    .update(posts)
    .set({ status: "published", publishedAt: now, updatedAt: now })
    .where(
      and(
        inArray(posts.id, postIds),
        eq(posts.status, "scheduled"),
        notExists(
          tx
            .select({ id: publications.id })
            .from(publications)
            .where(and(eq(publications.postId, posts.id), notInArray(publications.status, ["published", "cancelled"]))),
        ),
      ),
    );
}

async function recordRetry(
  ctx: AppContext,
  claimed: ClaimedPublication,
  args: { kind: ConnectorErrorKind; message: string; at: Date },
): Promise<DeliveryOutcome> {
  const updated = await ctx.db
    .update(publications)
    .set({
      status: "pending",
      nextAttemptAt: args.at,
      leaseUntil: null,
      lastError: args.message.slice(0, 1000),
      lastErrorKind: args.kind,
    })
    .where(stillOurs(claimed))
    .returning({ id: publications.id });
  return updated.length === 0 ? "lost_lease" : "retry";
}

async function recordFailed(
  ctx: AppContext,
  claimed: ClaimedPublication,
  args: { kind: ConnectorErrorKind; message: string },
): Promise<DeliveryOutcome> {
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const [post] = await tx.select().from(posts).where(eq(posts.id, claimed.postId)).for("update");
    const updated = await tx
      .update(publications)
      .set({ status: "failed", leaseUntil: null, lastError: args.message.slice(0, 1000), lastErrorKind: args.kind })
      .where(stillOurs(claimed))
      .returning({ id: publications.id });
    if (updated.length === 0) return "lost_lease";
    if (post?.status === "scheduled")
      await tx.update(posts).set({ status: "failed", updatedAt: now }).where(eq(posts.id, post.id));
    await appendAuditEvent(tx, {
      orgId: claimed.orgId,
      actor: WORKER,
      action: "post.publish_failed",
      target: { type: "post", id: claimed.postId },
      data: { channelAccountId: claimed.channelAccountId, kind: args.kind, attempts: claimed.attempts },
      occurredAt: now,
    });
    ctx.log.warn({ publicationId: claimed.id, kind: args.kind }, "publishing failed for good");
    return "failed";
  });
}
