// The daily review check: every guideline in force whose review is due soon or overdue gets one notice
// a day in its organisation's audit trail and the log, naming its owner.
import { eq } from "drizzle-orm";
import { guidelineReviewNotices, guidelines, organisations } from "../../db/schema/index.js";
import { localDate, reviewState } from "../../domain/guidelineReview.js";
import { appendAuditEvent, unlessChainDamaged } from "../audit/auditTrail.js";
import type { AppContext, Principal } from "../context.js";

const SCHEDULER: Principal = { userId: null, label: "scheduler" };

export async function checkGuidelineReviews(
  ctx: AppContext,
): Promise<{ guidelineId: string; state: "due_soon" | "overdue" }[]> {
  const now = ctx.clock();
  const active = await ctx.db
    .select({ guideline: guidelines, timeZone: organisations.timeZone })
    .from(guidelines)
    .innerJoin(organisations, eq(organisations.id, guidelines.orgId))
    .where(eq(guidelines.status, "active"));
  const noticed: { guidelineId: string; state: "due_soon" | "overdue" }[] = [];
  for (const { guideline, timeZone } of active) {
    const today = localDate(now, timeZone);
    const state = reviewState(guideline.reviewBy, today);
    if (state === "current") continue;
    const scope = { orgId: guideline.orgId, guidelineId: guideline.id };
    const fresh = await unlessChainDamaged(ctx.log, scope, () =>
      ctx.db.transaction(async (tx) => {
        const inserted = await tx
          .insert(guidelineReviewNotices)
          .values({ guidelineId: guideline.id, day: today, state, createdAt: now })
          .onConflictDoNothing()
          .returning();
        if (inserted.length === 0) return false;
        await appendAuditEvent(tx, {
          orgId: guideline.orgId,
          actor: SCHEDULER,
          action: state === "overdue" ? "guideline.review_overdue" : "guideline.review_due",
          target: { type: "guideline", id: guideline.id },
          data: { version: guideline.version, reviewBy: guideline.reviewBy, ownerUserId: guideline.ownerUserId },
          occurredAt: now,
        });
        return true;
      }),
    );
    if (fresh) {
      ctx.log.warn(
        { orgId: guideline.orgId, guidelineId: guideline.id, state, reviewBy: guideline.reviewBy },
        "guideline review due",
      );
      noticed.push({ guidelineId: guideline.id, state });
    }
  }
  return noticed;
}
