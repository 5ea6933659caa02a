// Submits a post: the author must have acknowledged the guideline in force, the post must pass its
// blocking rules, and the strictest approval rule of its accounts decides whether it goes to review
// (Freigabe) or straight into the outbox — and so which rights it asks of the author (actionsToSubmit).
// Records the guideline version it was checked against.
import { eq } from "drizzle-orm";
import { posts } from "../../db/schema/index.js";
import { hasAcknowledged } from "../../db/queries/guidelines.js";
import { activeGuideline } from "../../db/queries/guidelines.js";
import { AppError } from "../../domain/errors.js";
import type { Db } from "../../db/client.js";
import {
  type ApprovalMode,
  type ContentType,
  actionsToSubmit,
  campaignContentType,
  nextStatus,
  strictestMode,
} from "../../domain/postWorkflow.js";
import { loadCampaign, templateText } from "../campaigns/campaignRecords.js";
import { appendAuditEvent } from "../audit/auditTrail.js";
import type { OrgActor } from "../authorization.js";
import type { AppContext } from "../context.js";
import { enqueuePublications } from "../publishing/outbox.js";
import { notifyApprovers } from "./notifyApprovers.js";
import { personOf, requireForPost } from "./postAccess.js";
import { loadAccounts, loadPostChannels, loadPostForUpdate, requirePassingCheck } from "./postRecords.js";

export async function submitPost(
  ctx: AppContext,
  options: { actor: OrgActor; orgId: string; postId: string; revision: number },
) {
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const post = await loadPostForUpdate(tx, options);
    const channels = await loadPostChannels(tx, post.id);
    const channelAccountIds = channels.map((c) => c.channelAccountId);
    requireForPost(ctx, options.actor, "post.submit", { ...post, channelAccountIds });
    if (options.revision !== post.revision)
      throw new AppError("EDIT_CONFLICT", { details: { revision: post.revision } });
    if (channels.length === 0)
      throw new AppError("VALIDATION_FAILED", { details: { field: "channels", problem: "no_channel" } });
    const accounts = await loadAccounts(tx, { orgId: post.orgId, ids: channelAccountIds });
    const { contentType, mode } = await laneOf(tx, { post, channels, accounts });
    const immediately = post.scheduledAt === null || post.scheduledAt <= now;
    for (const action of actionsToSubmit({ mode, immediately }))
      requireForPost(ctx, options.actor, action, { ...post, channelAccountIds });
    const guideline = await activeGuideline(tx, post.orgId);
    if (guideline && !(await hasAcknowledged(tx, { guidelineId: guideline.id, userId: personOf(options.actor) }))) {
      throw new AppError("GUIDELINE_NOT_ACKNOWLEDGED", {
        details: { guidelineId: guideline.id, version: guideline.version },
      });
    }
    const publishAt = immediately ? now : (post.scheduledAt ?? now);
    const check = await requirePassingCheck(tx, { post, channels, accounts, publishAt });
    const status = nextStatus(post.status, mode === "none" ? "submit_without_review" : "submit_for_review");
    const [submitted] = await tx
      .update(posts)
      .set({
        status,
        contentType,
        guidelineId: check.guideline?.id ?? null,
        checkResult: check.result,
        approvalMode: mode,
        submittedAt: now,
        approvedAt: null,
        approvalBusinessMs: null,
        updatedAt: now,
      })
      .where(eq(posts.id, post.id))
      .returning();
    if (status === "scheduled")
      await enqueuePublications(tx, { orgId: post.orgId, postId: post.id, channelAccountIds, dueAt: publishAt, now });
    if (status === "in_review")
      await notifyApprovers(tx, {
        post: { ...post, approvalMode: mode },
        channelAccountIds,
        approvals: [],
        actorLabel: options.actor.label,
        now,
      });
    await appendAuditEvent(tx, {
      orgId: post.orgId,
      actor: options.actor,
      action: "post.submitted",
      target: { type: "post", id: post.id },
      data: {
        revision: post.revision,
        guidelineVersion: check.guideline?.version ?? null,
        warnings: check.result.warnings,
        approvalMode: mode,
        contentType,
        campaignId: post.campaignId,
        status,
        scheduledAt: publishAt.toISOString(),
        accountableUserId: post.accountableUserId,
      },
      occurredAt: now,
    });
    return submitted;
  });
}

/**
 * The approval lane of a post. In a campaign the server decides it: unchanged template text on every channel,
 * or free text (a thread added to a template is text nobody approved in advance). The strictest approval mode
 * of the accounts for that content type applies.
 */
async function laneOf(
  tx: Db,
  args: {
    post: Awaited<ReturnType<typeof loadPostForUpdate>>;
    channels: Awaited<ReturnType<typeof loadPostChannels>>;
    accounts: Awaited<ReturnType<typeof loadAccounts>>;
  },
): Promise<{ contentType: ContentType; mode: ApprovalMode }> {
  const { post, channels, accounts } = args;
  const campaign = post.campaignId ? await loadCampaign(tx, { orgId: post.orgId, campaignId: post.campaignId }) : null;
  const contentType: ContentType = campaign
    ? channels.some((c) => c.textOverride !== null) || post.threadParts.length > 0
      ? "campaign_free"
      : campaignContentType({ templateText: templateText(campaign, post.templateId), text: post.body })
    : "post";
  return { contentType, mode: strictestMode(accounts.map((a) => a.approval[contentType] ?? "single")) };
}
