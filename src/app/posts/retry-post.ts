// Manual retry of a post whose publishing failed: its failed publications go back into the outbox.
import { and, eq } from "drizzle-orm";
import { posts, publications } from "../../db/schema/index.js";
import { nextStatus } from "../../domain/postWorkflow.js";
import { appendAuditEvent } from "../audit/auditTrail.js";
import type { OrgActor } from "../authorization.js";
import type { AppContext } from "../context.js";
import { requireForPost } from "./postAccess.js";
import { loadPostChannels, loadPostForUpdate } from "./postRecords.js";

export async function retryPost(ctx: AppContext, options: { actor: OrgActor; orgId: string; postId: string }) {
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const post = await loadPostForUpdate(tx, options);
    const channelAccountIds = (await loadPostChannels(tx, post.id)).map((c) => c.channelAccountId);
    requireForPost(ctx, options.actor, "post.publish", { ...post, channelAccountIds });
    const status = nextStatus(post.status, "retry");
    const retried = await tx
      .update(publications)
      .set({ status: "pending", attempts: 0, nextAttemptAt: now, leaseUntil: null })
      .where(and(eq(publications.postId, post.id), eq(publications.status, "failed")))
      .returning({ id: publications.id });
    await tx.update(posts).set({ status, updatedAt: now }).where(eq(posts.id, post.id));
    await appendAuditEvent(tx, {
      orgId: post.orgId,
      actor: options.actor,
      action: "post.retried",
      target: { type: "post", id: post.id },
      data: { publications: retried.length },
      occurredAt: now,
    });
    return { status, publications: retried.length };
  });
}
