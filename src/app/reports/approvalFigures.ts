// Approval (Freigabe) in the Veröffentlichung report: in the period and the one before, the posts finally
// approved (with the time from submission to final approval in business time — kept on the post at the decision —
// and in calendar time: median and 90th percentile by nearest rank), the decisions asking for changes or
// rejecting, and the posts that went out without approval — apart those that needed none because they are the
// unchanged text of a campaign's pre-approved template (content type campaign_template: the fast lane; a template's
// text edited is free text and counts as without approval). A post counts where the viewer may see its department
// and one of its channel accounts, and where the filters keep it. Each read is covered by an index of its own
// (migration publication_reactions_triggers); the percentiles are the database's over every duration of the
// period (exact, nothing rolled up).
import { type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import type { ZApprovalFigures } from "../../contract/publishingReport.js";
import { postApprovals as pa, postChannels, posts } from "../../db/schema/index.js";
import { rowsOf } from "../../db/queries/rows.js";
import type { AppContext } from "../context.js";
import type { PublishingScope } from "./publishingScope.js";

type Figures = z.output<typeof ZApprovalFigures>;
type Durations = {
  current: boolean;
  approved: number;
  median_business: number | string | null;
  p90_business: number | string | null;
  median_ms: number | string | null;
  p90_ms: number | string | null;
};

export async function approvalFigures(
  ctx: AppContext,
  scope: PublishingScope,
): Promise<{ current: Figures; previous: Figures }> {
  const from = scope.previousStart.toISOString();
  const to = scope.end.toISOString();
  const start = scope.start.toISOString();
  // A post is in reach through any of the channel accounts it goes to (rejected posts have no publications);
  // without a limit on channel accounts its department and campaign decide alone.
  const reachable: SQL = scope.channelLimited
    ? sql`exists (select 1 from ${postChannels} where ${postChannels.postId} = ${posts.id}
        and ${scope.visibleVia(postChannels.channelAccountId) ?? sql`true`})`
    : (scope.visibleVia(posts.orgId) ?? sql`true`);
  const calendarMs = sql`extract(epoch from ${posts.approvedAt} - ${posts.submittedAt}) * 1000`;
  const [durations, decisions] = await Promise.all([
    ctx.db.execute(sql`
      select ${posts.approvedAt} >= ${start}::timestamptz as current, count(*)::int as approved,
             percentile_disc(0.5) within group (order by ${posts.approvalBusinessMs}) as median_business,
             percentile_disc(0.9) within group (order by ${posts.approvalBusinessMs}) as p90_business,
             percentile_disc(0.5) within group (order by ${calendarMs}) as median_ms,
             percentile_disc(0.9) within group (order by ${calendarMs}) as p90_ms
        from ${posts}
       where ${posts.orgId} = ${scope.orgId} and ${posts.approvedAt} >= ${from}::timestamptz
         and ${posts.approvedAt} < ${to}::timestamptz and ${posts.status} in ('scheduled', 'published', 'failed')
         and ${posts.approvalMode} <> 'none' and ${reachable}
       group by 1`),
    ctx.db.execute(sql`
      select ${pa.createdAt} >= ${start}::timestamptz as current, ${pa.decision} as kind, count(*)::int as n
        from ${pa} join ${posts} on ${posts.id} = ${pa.postId}
       where ${posts.orgId} = ${scope.orgId} and ${pa.decision} in ('changes_requested', 'rejected')
         and ${pa.createdAt} >= ${from}::timestamptz and ${pa.createdAt} < ${to}::timestamptz and ${reachable}
       group by 1, 2
      union all
      select ${posts.submittedAt} >= ${start}::timestamptz,
             case when ${posts.contentType} = 'campaign_template' then 'from_template' else 'without_review' end,
             count(*)::int
        from ${posts}
       where ${posts.orgId} = ${scope.orgId} and ${posts.approvalMode} = 'none'
         and ${posts.status} in ('scheduled', 'published', 'failed')
         and ${posts.submittedAt} >= ${from}::timestamptz and ${posts.submittedAt} < ${to}::timestamptz
         and ${reachable}
       group by 1, 2`),
  ]);
  const timed = rowsOf<Durations>(durations);
  const decided = rowsOf<{ current: boolean; kind: string; n: number }>(decisions);
  const ms = (value: number | string | null | undefined) =>
    value === null || value === undefined ? null : Math.round(Number(value));
  const figures = (current: boolean): Figures => {
    const row = timed.find((r) => r.current === current);
    const count = (kind: string) =>
      decided.filter((d) => d.current === current && d.kind === kind).reduce((n, d) => n + Number(d.n), 0);
    return {
      approved: row ? Number(row.approved) : 0,
      changesRequested: count("changes_requested"),
      rejected: count("rejected"),
      withoutReview: count("without_review"),
      fromTemplate: count("from_template"),
      medianBusinessMs: ms(row?.median_business),
      p90BusinessMs: ms(row?.p90_business),
      medianMs: ms(row?.median_ms),
      p90Ms: ms(row?.p90_ms),
    };
  };
  return { current: figures(true), previous: figures(false) };
}
