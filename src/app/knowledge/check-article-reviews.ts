// The hourly review check of the knowledge base: every article in use (not archived) whose review is due
// within 14 days or overdue reminds its owner once a day — a notification and an audit entry — like guidelines.
import { and, eq, isNull, ne, sql } from "drizzle-orm";
import {
  knowledgeArticles,
  knowledgeReviewNotices,
  memberships,
  organisations,
  userNotifications,
} from "../../db/schema/index.js";
import { REVIEW_WARNING_DAYS, localDate, reviewState } from "../../domain/guidelineReview.js";
import { appendAuditEvent, unlessChainDamaged } from "../audit/auditTrail.js";
import type { AppContext, Principal } from "../context.js";

const SCHEDULER: Principal = { userId: null, label: "scheduler" };

export async function checkArticleReviews(
  ctx: AppContext,
): Promise<{ articleId: string; state: "due_soon" | "overdue" }[]> {
  const now = ctx.clock();
  // A generous first cut by date (time zones differ by less than a day); the exact state per organisation below.
  const horizon = localDate(new Date(now.getTime() + (REVIEW_WARNING_DAYS + 1) * 86_400_000), "UTC");
  const due = await ctx.db
    .select({ article: knowledgeArticles, timeZone: organisations.timeZone })
    .from(knowledgeArticles)
    .innerJoin(organisations, eq(organisations.id, knowledgeArticles.orgId))
    .where(and(ne(knowledgeArticles.status, "archived"), sql`${knowledgeArticles.reviewBy} <= ${horizon}`));
  const noticed: { articleId: string; state: "due_soon" | "overdue" }[] = [];
  for (const { article, timeZone } of due) {
    const today = localDate(now, timeZone);
    const state = reviewState(article.reviewBy, today);
    if (state === "current") continue;
    const fresh = await unlessChainDamaged(ctx.log, { orgId: article.orgId, articleId: article.id }, () =>
      ctx.db.transaction(async (tx) => {
        const inserted = await tx
          .insert(knowledgeReviewNotices)
          .values({ articleId: article.id, day: today, state, createdAt: now })
          .onConflictDoNothing()
          .returning();
        if (inserted.length === 0) return false;
        // An owner who has left is not reminded; the cleanup list and the audit trail still show the review due.
        const [owner] = article.ownerUserId
          ? await tx
              .select({ userId: memberships.userId })
              .from(memberships)
              .where(
                and(
                  eq(memberships.orgId, article.orgId),
                  eq(memberships.userId, article.ownerUserId),
                  isNull(memberships.disabledAt),
                ),
              )
          : [];
        if (owner)
          await tx.insert(userNotifications).values({
            orgId: article.orgId,
            userId: owner.userId,
            kind: "article_review",
            knowledgeArticleId: article.id,
            actorLabel: SCHEDULER.label,
            createdAt: now,
          });
        await appendAuditEvent(tx, {
          orgId: article.orgId,
          actor: SCHEDULER,
          action: state === "overdue" ? "knowledge_article.review_overdue" : "knowledge_article.review_due",
          target: { type: "knowledge_article", id: article.id },
          data: { version: article.version, reviewBy: article.reviewBy, ownerUserId: article.ownerUserId },
          occurredAt: now,
        });
        return true;
      }),
    );
    if (fresh) noticed.push({ articleId: article.id, state });
  }
  return noticed;
}
