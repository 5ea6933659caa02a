// The Veröffentlichung report's counts read from its rollups (migration publishing_rollups): publications,
// failures and the networks' counters per day × channel account × department × campaign, and the posts per day by
// the set of channel accounts they went out on (so a post counts once) — summed by the database for the period and
// the one before: in all, per step × channel account (the chart), per channel account and per campaign.
import { sql } from "drizzle-orm";
import type { z } from "zod";
import type { ZPublishingCounts } from "../../contract/publishingReport.js";
import { publicationDailyRollups as d, publishedPostRollups as pp } from "../../db/schema/index.js";
import { rowsOf } from "../../db/queries/rows.js";
import type { AppContext } from "../context.js";
import type { PublishingScope } from "./publishingScope.js";

type Counts = z.output<typeof ZPublishingCounts>;

export interface GroupedRow extends Counts {
  current: boolean;
  by: "all" | "step" | "channel" | "campaign";
  key: string;
  step: string | null;
  fetchedAt: string | Date | null;
}

type RawRow = {
  current: boolean;
  step: string | null;
  channel: string | null;
  campaign: string | null;
  g_step: number;
  g_channel: number;
  g_campaign: number;
  publications: number;
  likes: number;
  reposts: number;
  replies: number;
  fetched_at: string | Date | null;
};

function grouped(rows: RawRow[], failed: boolean): GroupedRow[] {
  return rows.map((row) => {
    const by = row.g_step === 0 ? "step" : row.g_channel === 0 ? "channel" : row.g_campaign === 0 ? "campaign" : "all";
    return {
      current: row.current,
      by,
      key: (by === "campaign" ? row.campaign : row.channel) ?? "",
      step: row.step,
      fetchedAt: row.fetched_at,
      publications: failed ? 0 : Number(row.publications),
      // Per channel account a post is one publication; in all and per campaign the post rollup counts them.
      posts: failed ? 0 : Number(row.publications),
      failed: failed ? Number(row.publications) : 0,
      likes: Number(row.likes),
      reposts: Number(row.reposts),
      replies: Number(row.replies),
    };
  });
}

const inPeriod = (scope: PublishingScope, day: typeof d.day | typeof pp.day) =>
  sql`${day} >= ${scope.period.previousFrom}::date and ${day} <= ${scope.period.to}::date`;

/** Published and failed publications with their counters; posts counted once each, in all and per campaign. */
export async function publishingRows(ctx: AppContext, scope: PublishingScope): Promise<GroupedRow[]> {
  const current = (day: typeof d.day | typeof pp.day) => sql`${day} >= ${scope.period.from}::date`;
  const step = scope.period.step === "week" ? sql`date_trunc('week', ${d.day})::date::text` : sql`${d.day}::text`;
  const campaign = sql`coalesce(${d.campaignId}::text, 'none')`;
  const where = sql`${inPeriod(scope, d.day)} and ${scope.visibleDays ?? sql`true`}`;
  // The published rows (a day × channel account × department × campaign each) summed per step × channel × campaign
  // first, so the grouping sets hash a few hundred rows instead of a year's (the failed rows are few). (A row with nothing published left keeps the
  // reading of a publication moved away: not the step's.)
  const byStep = sql`
    select ${current(d.day)} as current, ${step} as step, ${d.channelAccountId} as channel_account_id,
           ${campaign} as campaign, sum(${d.published}) as published, sum(${d.failed}) as failed,
           sum(${d.likes}) as likes, sum(${d.reposts}) as reposts, sum(${d.replies}) as replies,
           max(${d.fetchedAt}) filter (where ${d.published} <> 0) as fetched_at
      from ${d} where ${where}
     group by 1, 2, 3, 4`;
  const [published, failed, distinctPosts] = await Promise.all([
    ctx.db.execute(sql`
      select current, step, channel_account_id::text as channel, campaign, grouping(step) as g_step,
             grouping(channel_account_id) as g_channel, grouping(campaign) as g_campaign,
             sum(published)::int as publications, sum(likes)::int as likes, sum(reposts)::int as reposts,
             sum(replies)::int as replies, max(fetched_at) as fetched_at
        from (${byStep}) as s where published <> 0
       group by grouping sets ((1), (1, step, channel_account_id), (1, channel_account_id), (1, campaign))`),
    ctx.db.execute(sql`
      select ${current(d.day)} as current, null as step, ${d.channelAccountId}::text as channel,
             ${campaign} as campaign, 1 as g_step, grouping(${d.channelAccountId}) as g_channel,
             grouping(${campaign}) as g_campaign, sum(${d.failed})::int as publications, 0 as likes,
             0 as reposts, 0 as replies, null as fetched_at
        from ${d} where ${where} and ${d.failed} <> 0
       group by grouping sets ((1), (1, ${d.channelAccountId}), (1, ${campaign}))`),
    // A post out on several days has rows with its id: counted once.
    ctx.db.execute(sql`
      select ${current(pp.day)} as current, coalesce(${pp.campaignId}::text, 'none') as campaign,
             grouping(coalesce(${pp.campaignId}::text, 'none')) as g_campaign,
             (coalesce(sum(${pp.posts}) filter (where ${pp.postId} is null), 0)
              + count(distinct ${pp.postId}))::int as posts
        from ${pp}
       where ${inPeriod(scope, pp.day)} and ${scope.visiblePostDays ?? sql`true`}
       group by grouping sets ((1), (1, coalesce(${pp.campaignId}::text, 'none')))`),
  ]);
  const postsOf = new Map(
    rowsOf<{ current: boolean; campaign: string; g_campaign: number; posts: number }>(distinctPosts).map((r) => [
      `${r.current}:${r.g_campaign === 0 ? r.campaign : ""}`,
      Number(r.posts),
    ]),
  );
  return [
    ...grouped(rowsOf<RawRow>(published), false).map((row) =>
      row.by === "all" || row.by === "campaign"
        ? { ...row, posts: postsOf.get(`${row.current}:${row.by === "campaign" ? row.key : ""}`) ?? 0 }
        : row,
    ),
    ...grouped(rowsOf<RawRow>(failed), true),
  ];
}
