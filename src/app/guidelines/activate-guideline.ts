// Puts a draft guideline version into force; the version in force until then is superseded.
// Everyone must acknowledge the new version before submitting posts again.
import { and, eq } from "drizzle-orm";
import { guidelines } from "../../db/schema/index.js";
import { AppError } from "../../domain/errors.js";
import { appendAuditEvent } from "../audit/auditTrail.js";
import { organisationWide } from "../../domain/policy.js";
import { type OrgActor, requireAllowed } from "../authorization.js";
import type { AppContext } from "../context.js";

export async function activateGuideline(
  ctx: AppContext,
  options: { actor: OrgActor; orgId: string; guidelineId: string },
) {
  requireAllowed(ctx, options.actor, "guideline.manage", organisationWide(options.orgId));
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const [draft] = await tx
      .select()
      .from(guidelines)
      .where(and(eq(guidelines.id, options.guidelineId), eq(guidelines.orgId, options.orgId)))
      .for("update");
    if (!draft) throw new AppError("NOT_FOUND");
    if (draft.status !== "draft")
      throw new AppError("INVALID_TRANSITION", { details: { status: draft.status, event: "activate" } });
    await tx
      .update(guidelines)
      .set({ status: "superseded" })
      .where(and(eq(guidelines.orgId, options.orgId), eq(guidelines.status, "active")));
    const [active] = await tx
      .update(guidelines)
      .set({ status: "active", activatedAt: now })
      .where(eq(guidelines.id, draft.id))
      .returning();
    await appendAuditEvent(tx, {
      orgId: options.orgId,
      actor: options.actor,
      action: "guideline.activated",
      target: { type: "guideline", id: draft.id },
      data: { version: draft.version },
      occurredAt: now,
    });
    return active;
  });
}
