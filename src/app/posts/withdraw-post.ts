// Takes a post back to draft (from review, from the schedule or after a failure) so it can be edited.
// Refused once any channel has received it: what is published must be deleted on the channel instead.
import { eq } from "drizzle-orm";
import { posts } from "../../db/schema/index.js";
import { AppError } from "../../domain/errors.js";
import { nextStatus } from "../../domain/postWorkflow.js";
import { appendAuditEvent } from "../audit/auditTrail.js";
import type { OrgActor } from "../authorization.js";
import type { AppContext } from "../context.js";
import { cancelPendingPublications, publicationsInFlight } from "../publishing/outbox.js";
import { personOf, requireForPost } from "./postAccess.js";
import { loadPostChannels, loadPostForUpdate } from "./postRecords.js";

export async function withdrawPost(ctx: AppContext, options: { actor: OrgActor; orgId: string; postId: string }) {
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const post = await loadPostForUpdate(tx, options);
    const channelAccountIds = (await loadPostChannels(tx, post.id)).map((c) => c.channelAccountId);
    // Authors take back their own posts; others need the right to approve.
    const action = post.authorUserId === personOf(options.actor) ? "post.draft" : "post.approve";
    requireForPost(ctx, options.actor, action, { ...post, channelAccountIds });
    const status = nextStatus(post.status, "withdraw");
    if ((await publicationsInFlight(tx, post.id)) > 0) {
      throw new AppError("INVALID_TRANSITION", {
        details: { status: post.status, event: "withdraw", reason: "already_sent" },
      });
    }
    await cancelPendingPublications(tx, post.id);
    const [draft] = await tx
      .update(posts)
      .set({ status, revision: post.revision + 1, updatedAt: now })
      .where(eq(posts.id, post.id))
      .returning();
    await appendAuditEvent(tx, {
      orgId: post.orgId,
      actor: options.actor,
      action: "post.withdrawn",
      target: { type: "post", id: post.id },
      data: { from: post.status },
      occurredAt: now,
    });
    return draft;
  });
}
