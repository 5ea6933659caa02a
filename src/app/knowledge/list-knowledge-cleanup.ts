// What to tidy up in the knowledge base: published articles no answer drew on for 180 days (or never, when
// older than that), published ones past their "valid until" day, and those whose review is due.
import { and, eq, lt, lte, ne, or, sql } from "drizzle-orm";
import { knowledgeArticles } from "../../db/schema/index.js";
import { REVIEW_WARNING_DAYS } from "../../domain/guidelineReview.js";
import { inOrganisation } from "../../domain/policy.js";
import { type OrgActor, requireAllowed } from "../authorization.js";
import type { AppContext } from "../context.js";
import { presentSummary, selectSummaries, sentUsesOf, todayOf } from "./articleRows.js";

export const UNUSED_DAYS = 180;
const a = knowledgeArticles;

export async function listKnowledgeCleanup(ctx: AppContext, options: { actor: OrgActor; orgId: string }) {
  const { actor, orgId } = options;
  requireAllowed(ctx, actor, "knowledge.view", inOrganisation(orgId));
  const today = await todayOf(ctx, orgId);
  const since = new Date(ctx.clock().getTime() - UNUSED_DAYS * 86_400_000);
  const inForce = or(sql`${a.validUntil} is null`, sql`${a.validUntil} >= ${today}`);
  const [unused, expired, reviewDue] = await Promise.all([
    selectSummaries(ctx.db, {
      where: and(
        eq(a.orgId, orgId),
        eq(a.status, "published"),
        inForce,
        lt(a.createdAt, since),
        sql`not exists (select 1 ${sentUsesOf(a.id)} and u.used_at >= ${since})`,
      ),
    }),
    selectSummaries(ctx.db, {
      where: and(eq(a.orgId, orgId), eq(a.status, "published"), lt(a.validUntil, today)),
    }),
    selectSummaries(ctx.db, {
      where: and(
        eq(a.orgId, orgId),
        ne(a.status, "archived"),
        lte(a.reviewBy, sql`(${today}::date + ${REVIEW_WARNING_DAYS}::int)`),
      ),
      orderBy: [sql`${a.reviewBy}`, sql`${a.id}`],
    }),
  ]);
  const present = (rows: typeof unused) => rows.map((row) => presentSummary(ctx, actor, row, today));
  return { unused: present(unused), expired: present(expired), reviewDue: present(reviewDue) };
}
