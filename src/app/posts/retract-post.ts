// Taking a published post down again ("Aus den Kanälen löschen"): a wrong date, a name that must not be
// public. Someone with the right to publish on all of its channels gives a reason; the post is marked
// retracted first (so two people cannot do it twice), then each channel deletes what it published — a
// thread's later posts first, its first post last — and each publication keeps what its channel
// answered (the audit trail has the retraction with its reason; the outcomes are on the publications).
// A channel that cannot delete its posts says so ("not_supported"): someone must remove it there by
// hand. The post, its text and its history stay in draht.
import { and, eq, isNull } from "drizzle-orm";
import { channelAccounts, posts, publications } from "../../db/schema/index.js";
import { type ConnectorRegistry, failureOutcome } from "../../domain/connector.js";
import { AppError } from "../../domain/errors.js";
import { appendAuditEvent } from "../audit/auditTrail.js";
import type { OrgActor } from "../authorization.js";
import { connectorAccountOf } from "../channels/channelCredentials.js";
import { cancelPendingPublications } from "../publishing/outbox.js";
import type { AppContext } from "../context.js";
import { personOf, requireForPost } from "./postAccess.js";
import { loadPostChannels, loadPostForUpdate } from "./postRecords.js";
import { ZRetraction } from "../../contract/postSchemas.js";

export interface RetractionOutcome {
  channelAccountId: string;
  outcome: string;
}

export async function retractPost(
  ctx: AppContext,
  deps: { connectors: ConnectorRegistry },
  options: { actor: OrgActor; orgId: string; postId: string; input: unknown },
) {
  const input = ZRetraction.parse(options.input);
  const now = ctx.clock();
  const claimed = await ctx.db.transaction(async (tx) => {
    const post = await loadPostForUpdate(tx, options);
    const channelAccountIds = (await loadPostChannels(tx, post.id)).map((c) => c.channelAccountId);
    requireForPost(ctx, options.actor, "post.publish", { ...post, channelAccountIds });
    if (post.retractedAt) throw new AppError("INVALID_TRANSITION", { details: { status: "retracted" } });
    const out = await tx
      .select({ publication: publications, account: channelAccounts })
      .from(publications)
      .innerJoin(channelAccounts, eq(channelAccounts.id, publications.channelAccountId))
      .where(
        and(eq(publications.postId, post.id), eq(publications.status, "published"), isNull(publications.retractedAt)),
      );
    if (out.length === 0)
      throw new AppError("INVALID_TRANSITION", { details: { status: post.status, reason: "nothing_published" } });
    // A send in flight could land after the deletion: try again once it is through.
    const sending = await tx
      .select({ id: publications.id })
      .from(publications)
      .where(and(eq(publications.postId, post.id), eq(publications.status, "sending")));
    if (sending.length > 0)
      throw new AppError("INVALID_TRANSITION", { details: { status: post.status, reason: "sending" } });
    // Nothing of it goes out any more: channels still waiting (or failed, awaiting a retry) are cancelled.
    await cancelPendingPublications(tx, post.id);
    await tx
      .update(posts)
      .set({
        retractedAt: now,
        retractedByUserId: personOf(options.actor),
        retractReason: input.reason,
        updatedAt: now,
      })
      .where(eq(posts.id, post.id));
    await appendAuditEvent(tx, {
      orgId: post.orgId,
      actor: options.actor,
      action: "post.retracted",
      target: { type: "post", id: post.id },
      data: { reason: input.reason, channelAccountIds: out.map((o) => o.account.id) },
      occurredAt: now,
    });
    return { post, out };
  });

  const outcomes: RetractionOutcome[] = [];
  for (const { publication, account } of claimed.out) {
    const connector = deps.connectors.get(account.network);
    let outcome = "done";
    if (!connector?.deleteOwn || !connector.capabilities.deleteOwn || !publication.externalId)
      outcome = "not_supported";
    else {
      try {
        const target = await connectorAccountOf(ctx.db, ctx, account);
        for (const externalId of [...publication.partExternalIds].reverse())
          await connector.deleteOwn(target, externalId);
        await connector.deleteOwn(target, publication.externalId);
      } catch (error) {
        outcome = failureOutcome(error);
        ctx.log.warn(
          { err: error, postId: claimed.post.id, publicationId: publication.id },
          "could not delete the post on the channel",
        );
      }
    }
    await ctx.db
      .update(publications)
      .set({ retractedAt: ctx.clock(), retractOutcome: outcome })
      .where(eq(publications.id, publication.id));
    outcomes.push({ channelAccountId: account.id, outcome });
  }
  return { id: claimed.post.id, retractedAt: now.toISOString(), outcomes };
}
