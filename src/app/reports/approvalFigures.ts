// Approval (Freigabe) in the Veröffentlichung report: in the period and the one before, the posts finally
// approved (with the time from submission to final approval, in business and in calendar time), the decisions
// asking for changes or rejecting, and the posts that went out without approval. A post counts where the viewer
// may see one of its publications' channel accounts and its department, and where the filters keep it.
import { type SQL, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { ZApprovalFigures } from "../../contract/publishingReport.js";
import { organisations, postApprovals as pa, postChannels, posts } from "../../db/schema/index.js";
import { rowsOf } from "../../db/queries/rows.js";
import { durationFigures } from "../../domain/reports/approvalDurations.js";
import { businessMsBetween, calendarOf } from "../../domain/slaClock.js";
import type { AppContext } from "../context.js";
import type { PublishingScope } from "./publishingScope.js";

type Figures = z.output<typeof ZApprovalFigures>;

export async function approvalFigures(
  ctx: AppContext,
  scope: PublishingScope,
): Promise<{ current: Figures; previous: Figures }> {
  const from = scope.previousStart.toISOString();
  const to = scope.end.toISOString();
  const start = scope.start.getTime();
  // A post is in reach through any of the channel accounts it goes to (rejected posts have no publications).
  const reachable: SQL = sql`exists (select 1 from ${postChannels} where ${postChannels.postId} = ${posts.id}
    and ${scope.visibleVia(postChannels.channelAccountId) ?? sql`true`})`;
  const [org] = await ctx.db
    .select({
      timeZone: organisations.timeZone,
      state: organisations.state,
      officeSchedule: organisations.officeSchedule,
    })
    .from(organisations)
    .where(eq(organisations.id, scope.orgId));
  const [approved, decisions] = await Promise.all([
    // Final approval: the last "approved" of the revision that passed (the post moved on to be published).
    rowsOf<{ submitted_at: string | Date; approved_at: string | Date }>(
      await ctx.db.execute(sql`
        select ${posts.submittedAt} as submitted_at, max(${pa.createdAt}) as approved_at
          from ${posts} join ${pa} on ${pa.postId} = ${posts.id} and ${pa.revision} = ${posts.revision}
         where ${posts.orgId} = ${scope.orgId} and ${posts.submittedAt} is not null
           and ${posts.submittedAt} < ${to}::timestamptz
           and ${posts.status} in ('scheduled', 'published', 'failed') and ${posts.approvalMode} <> 'none'
           and ${pa.decision} = 'approved' and ${reachable}
         group by ${posts.id}, ${posts.submittedAt}
        having max(${pa.createdAt}) >= ${from}::timestamptz and max(${pa.createdAt}) < ${to}::timestamptz`),
    ),
    rowsOf<{ current: boolean; kind: string; n: number }>(
      await ctx.db.execute(sql`
        select ${pa.createdAt} >= ${scope.start.toISOString()}::timestamptz as current, ${pa.decision} as kind,
               count(*)::int as n
          from ${pa} join ${posts} on ${posts.id} = ${pa.postId}
         where ${posts.orgId} = ${scope.orgId} and ${pa.decision} in ('changes_requested', 'rejected')
           and ${pa.createdAt} >= ${from}::timestamptz and ${pa.createdAt} < ${to}::timestamptz and ${reachable}
         group by 1, 2
        union all
        select ${posts.submittedAt} >= ${scope.start.toISOString()}::timestamptz, 'without_review', count(*)::int
          from ${posts}
         where ${posts.orgId} = ${scope.orgId} and ${posts.approvalMode} = 'none'
           and ${posts.status} in ('scheduled', 'published', 'failed')
           and ${posts.submittedAt} >= ${from}::timestamptz and ${posts.submittedAt} < ${to}::timestamptz
           and ${reachable}
         group by 1`),
    ),
  ]);
  const calendar = org ? calendarOf(org) : null;
  type Duration = { business: number; calendar: number };
  const sides: Record<"current" | "previous", Duration[]> = { current: [], previous: [] };
  for (const row of approved) {
    const submitted = new Date(row.submitted_at);
    const approvedAt = new Date(row.approved_at);
    sides[approvedAt.getTime() >= start ? "current" : "previous"].push({
      business: calendar ? businessMsBetween(calendar, submitted, approvedAt) : 0,
      calendar: Math.max(0, approvedAt.getTime() - submitted.getTime()),
    });
  }
  const figures = (side: "current" | "previous"): Figures => {
    const decided = (kind: string) =>
      decisions.filter((d) => d.current === (side === "current") && d.kind === kind).reduce((n, d) => n + d.n, 0);
    const business = durationFigures(sides[side].map((d) => d.business));
    const calendarTime = durationFigures(sides[side].map((d) => d.calendar));
    return {
      approved: sides[side].length,
      changesRequested: decided("changes_requested"),
      rejected: decided("rejected"),
      withoutReview: decided("without_review"),
      medianBusinessMs: business.median,
      p90BusinessMs: business.p90,
      medianMs: calendarTime.median,
      p90Ms: calendarTime.p90,
    };
  };
  return { current: figures("current"), previous: figures("previous") };
}
