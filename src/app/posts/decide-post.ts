// An approver's decision on a post in review (Freigabe): approve the next step, request changes with a
// comment, or reject. Authors never decide on their own post, nobody approves twice, chain steps need
// the step's role. The last approval re-checks the rules and puts the post into the outbox.
import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { organisations, postApprovals, posts } from "../../db/schema/index.js";
import { AppError } from "../../domain/errors.js";
import { checkApprover, nextStatus } from "../../domain/postWorkflow.js";
import { notifyApprovers } from "./notifyApprovers.js";
import { businessMsBetween, calendarOf } from "../../domain/slaClock.js";
import { appendAuditEvent } from "../audit/auditTrail.js";
import type { OrgActor } from "../authorization.js";
import type { AppContext } from "../context.js";
import { enqueuePublications } from "../publishing/outbox.js";
import { personOf, requireForPost } from "./postAccess.js";
import { loadAccounts, loadPostChannels, loadPostForUpdate, requirePassingCheck } from "./postRecords.js";
import { type TDecision, ZDecision } from "../../contract/postSchemas.js";

export async function decidePost(
  ctx: AppContext,
  options: { actor: OrgActor; orgId: string; postId: string; input: TDecision },
) {
  const input = ZDecision.parse(options.input);
  const approverId = personOf(options.actor);
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const post = await loadPostForUpdate(tx, options);
    const channels = await loadPostChannels(tx, post.id);
    const channelAccountIds = channels.map((c) => c.channelAccountId);
    requireForPost(ctx, options.actor, "post.approve", { ...post, channelAccountIds });
    nextStatus(
      post.status,
      input.decision === "approved" ? "approve_step" : input.decision === "rejected" ? "reject" : "request_changes",
    );
    if (input.revision !== post.revision) throw new AppError("EDIT_CONFLICT", { details: { revision: post.revision } });
    if (post.authorUserId === approverId) throw new AppError("NOT_ALLOWED", { details: { reason: "own_post" } });
    const approvals = (
      await tx
        .select()
        .from(postApprovals)
        .where(and(eq(postApprovals.postId, post.id), eq(postApprovals.revision, post.revision)))
    )
      .filter((a) => a.decision === "approved")
      .map((a) => ({ userId: a.userId, step: a.step }));
    let step = approvals.length;
    let status = post.status;
    if (input.decision === "approved") {
      const verdict = checkApprover({
        mode: post.approvalMode ?? "single",
        approvals,
        authorUserId: post.authorUserId,
        approverUserId: approverId,
        approverRoles: options.actor.grant?.roles ?? [],
      });
      if (!verdict.ok) throw new AppError("NOT_ALLOWED", { details: { reason: verdict.reason } });
      step = verdict.step;
      if (verdict.final) status = await approveFinally(ctx, tx, { post, channels, channelAccountIds, now });
      // One step of several given: those who may give the next hear that it waits for them.
      else
        await notifyApprovers(tx, {
          post: { ...post, approvalMode: post.approvalMode ?? "single" },
          channelAccountIds,
          approvals: [...approvals, { userId: approverId, step }],
          actorLabel: options.actor.label,
          now,
        });
    } else {
      status = nextStatus(post.status, input.decision === "rejected" ? "reject" : "request_changes");
      await tx.update(posts).set({ status, updatedAt: now }).where(eq(posts.id, post.id));
    }
    await tx.insert(postApprovals).values({
      postId: post.id,
      revision: post.revision,
      step,
      decision: input.decision,
      userId: approverId,
      comment: input.comment,
      createdAt: now,
    });
    await appendAuditEvent(tx, {
      orgId: post.orgId,
      actor: options.actor,
      action: `post.${input.decision}`,
      target: { type: "post", id: post.id },
      data: { revision: post.revision, step, status, approvalMode: post.approvalMode },
      occurredAt: now,
    });
    return { status, step };
  });
}

async function approveFinally(
  ctx: AppContext,
  tx: Db,
  args: {
    post: Awaited<ReturnType<typeof loadPostForUpdate>>;
    channels: Awaited<ReturnType<typeof loadPostChannels>>;
    channelAccountIds: string[];
    now: Date;
  },
) {
  const { post, channels, channelAccountIds, now } = args;
  const publishAt = post.scheduledAt && post.scheduledAt > now ? post.scheduledAt : now;
  const accounts = await loadAccounts(tx, { orgId: post.orgId, ids: channelAccountIds });
  const check = await requirePassingCheck(tx, { post, channels, accounts, publishAt });
  const status = nextStatus(post.status, "approve_final");
  const [org] = await tx
    .select({
      timeZone: organisations.timeZone,
      state: organisations.state,
      officeSchedule: organisations.officeSchedule,
    })
    .from(organisations)
    .where(eq(organisations.id, post.orgId));
  const approvalBusinessMs = org && post.submittedAt ? businessMsBetween(calendarOf(org), post.submittedAt, now) : null;
  await tx
    .update(posts)
    .set({ status, checkResult: check.result, approvedAt: now, approvalBusinessMs, updatedAt: now })
    .where(eq(posts.id, post.id));
  await enqueuePublications(tx, { orgId: post.orgId, postId: post.id, channelAccountIds, dueAt: publishAt, now });
  ctx.log.info({ postId: post.id, dueAt: publishAt }, "post approved and queued");
  return status;
}
