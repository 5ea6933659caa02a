// A moderator releases a held comment or hides a comment, citing the Netiquette clause it breaks.
// The decision is kept with the comment's moderation trail and in the audit trail.
import { eq } from "drizzle-orm";
import { websiteComments } from "../../db/schema/index.js";
import { AppError } from "../../domain/errors.js";
import { appendAuditEvent } from "../audit/auditTrail.js";
import { type OrgActor, requireAllowed } from "../authorization.js";
import type { AppContext } from "../context.js";
import { openCaseOf, recordCaseDecision } from "../moderation/caseRecords.js";
import { commentResource, loadCommentForStaff, updateInboundCopy } from "./commentRecords.js";
import { netiquetteInForce } from "./publicOrg.js";
import { ZCommentDecision } from "../../contract/website.js";

export async function decideWebsiteComment(
  ctx: AppContext,
  options: { actor: OrgActor; orgId: string; commentId: string; input: unknown },
) {
  const input = ZCommentDecision.parse(options.input);
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const row = await loadCommentForStaff(tx, options);
    const { comment, account } = row;
    requireAllowed(ctx, options.actor, "moderation.decide", commentResource(options.orgId, row));
    if (comment.status === "deleted" || comment.authorKind !== "citizen")
      throw new AppError("INVALID_TRANSITION", { details: { status: comment.status } });
    const netiquette = await netiquetteInForce(tx, options.orgId);
    if (input.decision === "hide" && !netiquette?.clauses.some((c) => c.number === input.clause)) {
      throw new AppError("VALIDATION_FAILED", { details: { field: "clause", problem: "not_in_netiquette" } });
    }
    const status: "visible" | "hidden" = input.decision === "release" ? "visible" : "hidden";
    const step = {
      phase: "moderator",
      outcome: status,
      reason: input.reason || input.decision,
      ...(input.decision === "hide" ? { clause: input.clause } : {}),
    } as const;
    await tx
      .update(websiteComments)
      .set({ status, moderation: [...comment.moderation, step] })
      .where(eq(websiteComments.id, comment.id));
    await updateInboundCopy(tx, { channelAccountId: account.id, commentId: comment.id, set: { visibility: status } });
    // A case waiting in the moderation queue is decided by this too, so the queue and the list agree.
    const openCase = await openCaseOf(tx, {
      orgId: options.orgId,
      channelAccountId: account.id,
      externalId: comment.id,
    });
    if (openCase) {
      await recordCaseDecision(tx, {
        caseRow: openCase,
        action: input.decision === "release" ? "approve" : "hide",
        clause: input.decision === "hide" ? input.clause : null,
        netiquetteId: netiquette?.id ?? null,
        reason: step.reason,
        channelOutcome: null,
        actor: options.actor,
        now,
      });
    }
    await appendAuditEvent(tx, {
      orgId: options.orgId,
      actor: options.actor,
      action: input.decision === "release" ? "website.comment.released" : "website.comment.hidden",
      target: { type: "website_comment", id: comment.id },
      data: {
        from: comment.status,
        to: status,
        netiquetteId: netiquette?.id ?? null,
        ...(input.decision === "hide" ? { clause: input.clause } : {}),
      },
      occurredAt: now,
    });
    return { id: comment.id, status };
  });
}
