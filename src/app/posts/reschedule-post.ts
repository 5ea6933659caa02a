// Moves a scheduled post to another time (the calendar's drag and drop): the person needs the right to
// schedule on every account, the rules are checked again at the new time (posting windows), and the
// outbox follows. Refused once a channel has received it.
import { and, eq } from "drizzle-orm";
import { posts, publications } from "../../db/schema/index.js";
import { AppError } from "../../domain/errors.js";
import { nextStatus } from "../../domain/postWorkflow.js";
import { appendAuditEvent } from "../audit/auditTrail.js";
import type { OrgActor } from "../authorization.js";
import type { AppContext } from "../context.js";
import { publicationsInFlight } from "../publishing/outbox.js";
import { requireForPost } from "./postAccess.js";
import { loadAccounts, loadPostChannels, loadPostForUpdate, requirePassingCheck } from "./postRecords.js";
import { ZReschedule } from "../../contract/postSchemas.js";

export async function reschedulePost(
  ctx: AppContext,
  options: { actor: OrgActor; orgId: string; postId: string; input: { scheduledAt: string } },
) {
  const scheduledAt = new Date(ZReschedule.parse(options.input).scheduledAt);
  const now = ctx.clock();
  if (scheduledAt <= now)
    throw new AppError("VALIDATION_FAILED", { details: { field: "scheduledAt", problem: "in_past" } });
  return ctx.db.transaction(async (tx) => {
    const post = await loadPostForUpdate(tx, options);
    const channels = await loadPostChannels(tx, post.id);
    const channelAccountIds = channels.map((c) => c.channelAccountId);
    requireForPost(ctx, options.actor, "post.schedule", { ...post, channelAccountIds });
    nextStatus(post.status, "reschedule");
    if ((await publicationsInFlight(tx, post.id)) > 0) {
      throw new AppError("INVALID_TRANSITION", {
        details: { status: post.status, event: "reschedule", reason: "already_sent" },
      });
    }
    if (post.status === "scheduled") {
      const accounts = await loadAccounts(tx, { orgId: post.orgId, ids: channelAccountIds });
      await requirePassingCheck(tx, { post, channels, accounts, publishAt: scheduledAt });
      await tx
        .update(publications)
        .set({ dueAt: scheduledAt, nextAttemptAt: scheduledAt })
        .where(and(eq(publications.postId, post.id), eq(publications.status, "pending")));
    }
    const [moved] = await tx
      .update(posts)
      .set({ scheduledAt, updatedAt: now })
      .where(eq(posts.id, post.id))
      .returning();
    await appendAuditEvent(tx, {
      orgId: post.orgId,
      actor: options.actor,
      action: "post.rescheduled",
      target: { type: "post", id: post.id },
      data: { from: post.scheduledAt?.toISOString() ?? null, to: scheduledAt.toISOString() },
      occurredAt: now,
    });
    return moved;
  });
}
