// Hands one claimed publication to its channel's connector and records the outcome. A recovering
// publication first asks the channel whether the interrupted attempt got through, so nothing is sent
// twice; errors are retried with backoff (transient, rate limited) or end in "failed" with the channel's words.
import { and, asc, eq, notExists, notInArray } from "drizzle-orm";
import { channelAccounts, mediaAssets, postChannels, postMedia, posts, publications } from "../../db/schema/index.js";
import { ConnectorError, type ConnectorErrorKind, type ConnectorRegistry, isRetryable, retryDelayMs, type PublishedItem } from "../../domain/connector.js";
import { appendAuditEvent } from "../audit/auditTrail.js";
import type { AppContext, Principal } from "../context.js";
import type { ClaimedPublication } from "./claim-due-publications.js";

export const MAX_ATTEMPTS = 8;
const WORKER: Principal = { userId: null, label: "worker" };

export type DeliveryOutcome = "published" | "retry" | "failed" | "lost_lease";

export async function deliverPublication(
  ctx: AppContext,
  deps: { connectors: ConnectorRegistry; random?: () => number },
  claimed: ClaimedPublication,
): Promise<DeliveryOutcome> {
  const log = ctx.log.child({ publicationId: claimed.id, postId: claimed.postId, orgId: claimed.orgId });
  try {
    const { account, text, media } = await loadWhatToSend(ctx, claimed);
    const connector = deps.connectors.get(account.network);
    if (!connector) throw new ConnectorError("permanent", `no connector for network ${account.network}`);
    const target = { id: account.id, orgId: account.orgId, settings: account.settings };
    let item: PublishedItem | null = claimed.recovering ? await connector.findPublished(target, claimed.idempotencyKey) : null;
    if (item) log.info("interrupted attempt had published; recorded without sending again");
    item ??= await connector.publish(target, { idempotencyKey: claimed.idempotencyKey, attempt: claimed.attempts, orgId: claimed.orgId, postId: claimed.postId, text, media });
    const outcome = await recordPublished(ctx, claimed, item);
    log.debug({ outcome, attempts: claimed.attempts }, "publication recorded");
    return outcome;
  } catch (error) {
    const kind: ConnectorErrorKind = error instanceof ConnectorError ? error.kind : "transient";
    const message = error instanceof Error ? error.message : String(error);
    if (!(error instanceof ConnectorError)) log.error({ err: error }, "unexpected error while publishing");
    const giveUp = !isRetryable(kind) || claimed.attempts >= MAX_ATTEMPTS;
    if (giveUp) return recordFailed(ctx, claimed, { kind, message });
    const delay = retryDelayMs({ attempt: claimed.attempts, retryAfterMs: error instanceof ConnectorError ? error.retryAfterMs : null, random: (deps.random ?? Math.random)() });
    log.warn({ kind, attempt: claimed.attempts, delayMs: delay }, "publishing failed; will retry");
    return recordRetry(ctx, claimed, { kind, message, at: new Date(ctx.clock().getTime() + delay) });
  }
}

async function loadWhatToSend(ctx: AppContext, claimed: ClaimedPublication) {
  const [row] = await ctx.db
    .select({ account: channelAccounts, body: posts.body, override: postChannels.textOverride })
    .from(publications)
    .innerJoin(channelAccounts, eq(channelAccounts.id, publications.channelAccountId))
    .innerJoin(posts, eq(posts.id, publications.postId))
    .leftJoin(postChannels, and(eq(postChannels.postId, publications.postId), eq(postChannels.channelAccountId, publications.channelAccountId)))
    .where(eq(publications.id, claimed.id));
  if (!row) throw new ConnectorError("permanent", "publication, post or account no longer exists");
  const media = await ctx.db
    .select({ kind: mediaAssets.kind, altText: mediaAssets.altText })
    .from(postMedia)
    .innerJoin(mediaAssets, eq(mediaAssets.id, postMedia.mediaId))
    .where(eq(postMedia.postId, claimed.postId))
    .orderBy(asc(postMedia.position));
  return { account: row.account, text: row.override ?? row.body, media };
}

/** Only the current claimant (same attempt, still sending) may record an outcome. */
const stillOurs = (claimed: ClaimedPublication) =>
  and(eq(publications.id, claimed.id), eq(publications.status, "sending"), eq(publications.attempts, claimed.attempts));

async function recordPublished(ctx: AppContext, claimed: ClaimedPublication, item: PublishedItem): Promise<DeliveryOutcome> {
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const [post] = await tx.select().from(posts).where(eq(posts.id, claimed.postId)).for("update");
    const updated = await tx
      .update(publications)
      .set({ status: "published", externalId: item.externalId, externalUrl: item.url, publishedAt: now, leaseUntil: null, lastError: null, lastErrorKind: null })
      .where(stillOurs(claimed))
      .returning({ id: publications.id });
    if (updated.length === 0) return "lost_lease";
    // The post is out once none of its publications is still on its way (the post row lock above
    // serialises the last two finishers of one post).
    if (post?.status === "scheduled") {
      await tx
        .update(posts)
        .set({ status: "published", publishedAt: now, updatedAt: now })
        .where(
          and(
            eq(posts.id, post.id),
            notExists(tx.select({ id: publications.id }).from(publications).where(and(eq(publications.postId, post.id), notInArray(publications.status, ["published", "cancelled"])))),
          ),
        );
    }
    await appendAuditEvent(tx, {
      orgId: claimed.orgId,
      actor: WORKER,
      action: "post.published",
      target: { type: "post", id: claimed.postId },
      data: { channelAccountId: claimed.channelAccountId, externalId: item.externalId, attempts: claimed.attempts },
      occurredAt: now,
    });
    return "published";
  });
}

async function recordRetry(ctx: AppContext, claimed: ClaimedPublication, args: { kind: ConnectorErrorKind; message: string; at: Date }): Promise<DeliveryOutcome> {
  const updated = await ctx.db
    .update(publications)
    .set({ status: "pending", nextAttemptAt: args.at, leaseUntil: null, lastError: args.message.slice(0, 1000), lastErrorKind: args.kind })
    .where(stillOurs(claimed))
    .returning({ id: publications.id });
  return updated.length === 0 ? "lost_lease" : "retry";
}

async function recordFailed(ctx: AppContext, claimed: ClaimedPublication, args: { kind: ConnectorErrorKind; message: string }): Promise<DeliveryOutcome> {
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const [post] = await tx.select().from(posts).where(eq(posts.id, claimed.postId)).for("update");
    const updated = await tx
      .update(publications)
      .set({ status: "failed", leaseUntil: null, lastError: args.message.slice(0, 1000), lastErrorKind: args.kind })
      .where(stillOurs(claimed))
      .returning({ id: publications.id });
    if (updated.length === 0) return "lost_lease";
    if (post?.status === "scheduled") await tx.update(posts).set({ status: "failed", updatedAt: now }).where(eq(posts.id, post.id));
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
