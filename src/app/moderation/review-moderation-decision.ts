// A second moderator reviews a decision (four eyes): confirms it, or overturns it, which reopens the case
// for a new decision. Never the moderator who decided.
import { eq } from "drizzle-orm";
import { moderationCases, moderationDecisions } from "../../db/schema/index.js";
import { AppError } from "../../domain/errors.js";
import { ZDecisionReview, reviewRefusal } from "../../domain/moderation/decisions.js";
import { appendAuditEvent } from "../audit/auditTrail.js";
import type { OrgActor } from "../authorization.js";
import type { AppContext } from "../context.js";
import { loadCase } from "./caseRecords.js";

export async function reviewModerationDecision(
  ctx: AppContext,
  options: { actor: OrgActor; orgId: string; caseId: string; input: unknown },
) {
  const input = ZDecisionReview.parse(options.input);
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const row = await loadCase(ctx, tx, { ...options, action: "moderation.decide", forUpdate: true });
    const refusal = reviewRefusal({
      status: row.case.status,
      decidedBy: row.case.decidedByUserId,
      reviewer: options.actor.userId ?? "",
    });
    if (refusal)
      throw new AppError(refusal === "own_decision" ? "NOT_ALLOWED" : "INVALID_TRANSITION", {
        details: { reason: refusal },
      });
    const overturned = input.verdict === "overturned";
    await tx
      .update(moderationCases)
      .set({
        review: input.verdict,
        reviewedByUserId: options.actor.userId,
        ...(overturned ? { status: "reopened" as const, priority: Math.max(row.case.priority, 3) } : {}),
      })
      .where(eq(moderationCases.id, row.case.id));
    await tx.insert(moderationDecisions).values({
      orgId: options.orgId,
      caseId: row.case.id,
      kind: "review",
      action: input.verdict,
      clause: row.case.clause,
      reason: input.note,
      actorUserId: options.actor.userId,
      actorLabel: options.actor.label,
      at: now,
    });
    await appendAuditEvent(tx, {
      orgId: options.orgId,
      actor: options.actor,
      action: `moderation.review_${input.verdict}`,
      target: { type: "moderation_case", id: row.case.id },
      data: { decidedAction: row.case.action, clause: row.case.clause },
      occurredAt: now,
    });
    return { id: row.case.id, review: input.verdict, status: overturned ? ("reopened" as const) : row.case.status };
  });
}
