// A person confirms they have read the guideline version in force (required before submitting posts).
import { and, eq } from "drizzle-orm";
import { guidelineAcknowledgements, guidelines } from "../../db/schema/index.js";
import { AppError } from "../../domain/errors.js";
import { appendAuditEvent } from "../audit/auditTrail.js";
import { inOrganisation } from "../../domain/policy.js";
import { type OrgActor, requireAllowed } from "../authorization.js";
import type { AppContext } from "../context.js";

export async function acknowledgeGuideline(
  ctx: AppContext,
  options: { actor: OrgActor; orgId: string; guidelineId: string },
) {
  // Everyone acknowledges the organisation's guideline for themselves.
  requireAllowed(ctx, options.actor, "guideline.view", inOrganisation(options.orgId));
  const userId = options.actor.userId;
  if (!userId) throw new AppError("NOT_ALLOWED", { details: { reason: "person_required" } });
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const [guideline] = await tx
      .select()
      .from(guidelines)
      .where(and(eq(guidelines.id, options.guidelineId), eq(guidelines.orgId, options.orgId)));
    if (!guideline) throw new AppError("NOT_FOUND");
    if (guideline.status !== "active")
      throw new AppError("INVALID_TRANSITION", { details: { status: guideline.status, event: "acknowledge" } });
    const inserted = await tx
      .insert(guidelineAcknowledgements)
      .values({ guidelineId: guideline.id, userId, acknowledgedAt: now })
      .onConflictDoNothing()
      .returning();
    if (inserted.length > 0) {
      await appendAuditEvent(tx, {
        orgId: options.orgId,
        actor: options.actor,
        action: "guideline.acknowledged",
        target: { type: "guideline", id: guideline.id },
        data: { version: guideline.version },
        occurredAt: now,
      });
    }
    return {
      guidelineId: guideline.id,
      version: guideline.version,
      acknowledgedAt: inserted[0]?.acknowledgedAt ?? null,
    };
  });
}
