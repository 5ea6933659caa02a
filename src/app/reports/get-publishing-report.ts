// Veröffentlichung: what the organisation published in a period and the one before — per step and channel
// account, per campaign —, what failed, how approval went, and the reactions the networks last reported
// (publication_metrics, kept by the worker); the posts with most reactions; with exactly one campaign chosen,
// its timeline per hour. Read from publications ⋈ posts by (organisation, time), within the viewer's scope.
import { sql } from "drizzle-orm";
import type { z } from "zod";
import type { ZPublishingCounts, ZPublishingReport } from "../../contract/publishingReport.js";
import { publicationMetrics as m, posts, publications as pub } from "../../db/schema/index.js";
import { rowsOf } from "../../db/queries/rows.js";
import { stepsOf } from "../../domain/reports/reportPeriod.js";
import type { OrgActor } from "../authorization.js";
import type { AppContext } from "../context.js";
import { approvalFigures } from "./approvalFigures.js";
import { campaignTimeline } from "./campaignTimeline.js";
import { type PublishingScope, openPublishingScope } from "./publishingScope.js";
import { topPosts } from "./topPosts.js";

type Counts = z.output<typeof ZPublishingCounts>;
const empty = (): Counts => ({ publications: 0, posts: 0, failed: 0, likes: 0, reposts: 0, replies: 0 });

interface Both {
  current: Counts;
  previous: Counts;
}
const both = (): Both => ({ current: empty(), previous: empty() });
function entry<K>(map: Map<K, Both>, key: K): Both {
  let found = map.get(key);
  if (!found) map.set(key, (found = both()));
  return found;
}

export async function getPublishingReport(
  ctx: AppContext,
  options: { actor: OrgActor; orgId: string; query: unknown },
): Promise<z.output<typeof ZPublishingReport>> {
  const scope = await openPublishingScope(ctx, options);
  const { period } = scope;
  const chosen = scope.filter.campaignIds?.filter((id) => id !== "none") ?? [];
  const timelineCampaign =
    chosen.length === 1 && scope.filter.campaignIds?.length === 1
      ? (scope.campaignChoices.find((c) => c.id === chosen[0]) ?? null)
      : null;
  const [published, failed, approvals, top, timeline] = await Promise.all([
    publishedRows(ctx, scope),
    failedRows(ctx, scope),
    approvalFigures(ctx, scope),
    topPosts(ctx, scope),
    timelineCampaign ? campaignTimeline(ctx, scope, timelineCampaign.id) : Promise.resolve(null),
  ]);
  const steps = stepsOf(period);
  const totals = both();
  const channels = new Map<string, Both>();
  const campaignsSeen = new Map<string, Both>();
  const series = new Map<string, number[]>();
  let countersAsOf: Date | null = null;
  for (const row of [...published, ...failed]) {
    const side = row.current ? "current" : "previous";
    const target =
      row.by === "all"
        ? totals
        : row.by === "channel"
          ? entry(channels, row.key)
          : row.by === "campaign"
            ? entry(campaignsSeen, row.key)
            : null;
    if (target) add(target[side], row);
    if (row.by === "all" && row.current && row.fetchedAt) countersAsOf = new Date(row.fetchedAt);
    if (row.by === "step" && row.current && row.step) {
      const index = steps.indexOf(row.step);
      const line = series.get(row.key) ?? steps.map(() => 0);
      if (index >= 0) line[index] = (line[index] ?? 0) + row.publications;
      series.set(row.key, line);
    }
  }
  const campaignNames = new Map(scope.campaignChoices.map((c) => [c.id, c]));
  const byVolume = (a: Both, b: Both) =>
    b.current.publications - a.current.publications || b.previous.publications - a.previous.publications;
  const byChannel = [...channels.entries()]
    .map(([id, t]) => ({
      channelAccountId: id,
      name: scope.channelNames.get(id)?.name ?? "",
      network: scope.channelNames.get(id)?.network ?? "",
      ...t,
    }))
    .sort(byVolume);
  return {
    period,
    choices: { ...scope.choices, campaigns: scope.campaignChoices },
    totals: totals.current,
    previous: totals.previous,
    steps,
    seriesByChannel: byChannel
      .filter((c) => series.has(c.channelAccountId))
      .map((c) => ({ channelAccountId: c.channelAccountId, publications: series.get(c.channelAccountId) ?? [] })),
    byChannel,
    byCampaign: [...campaignsSeen.entries()]
      .map(([id, t]) => {
        const campaign = id === "none" ? null : campaignNames.get(id);
        // A campaign outside the viewer's reach (its posts reached their channels) is named by none of its words.
        return {
          campaignId: id === "none" ? null : id,
          name: campaign?.name ?? null,
          hashtag: campaign?.hashtag ?? null,
          ...t,
        };
      })
      .sort(byVolume),
    approvals,
    topPosts: top,
    countersAsOf,
    campaignTimeline:
      timeline && timelineCampaign
        ? {
            campaignId: timelineCampaign.id,
            name: timelineCampaign.name,
            hashtag: timelineCampaign.hashtag,
            ...timeline,
          }
        : null,
  };
}

interface GroupedRow extends Counts {
  current: boolean;
  by: "all" | "step" | "channel" | "campaign";
  key: string;
  step: string | null;
  fetchedAt: string | Date | null;
}

function add(into: Counts, row: Counts): void {
  into.publications += row.publications;
  into.posts += row.posts;
  into.failed += row.failed;
  into.likes += row.likes;
  into.reposts += row.reposts;
  into.replies += row.replies;
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
  posts: number;
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
      posts: failed ? 0 : Number(row.posts),
      failed: failed ? Number(row.publications) : 0,
      likes: Number(row.likes),
      reposts: Number(row.reposts),
      replies: Number(row.replies),
    };
  });
}

/**
 * The period's and the previous period's publications summed by the database (grouping sets): in all, per step ×
 * channel account (the chart), per channel account and per campaign. Counting distinct posts would sort every set,
 * so posts are counted apart, over the publications reduced to one row per post (hashed): per channel account a
 * post is one publication anyway.
 */
async function publishedRows(ctx: AppContext, scope: PublishingScope): Promise<GroupedRow[]> {
  const local = sql`(${pub.publishedAt} at time zone ${scope.timeZone})::date`;
  const step = scope.period.step === "week" ? sql`date_trunc('week', ${local})::date::text` : sql`${local}::text`;
  const from = sql`from ${pub} join ${posts} on ${posts.id} = ${pub.postId}`;
  const where = sql`
   where ${pub.orgId} = ${scope.orgId} and ${pub.status} = 'published'
     and ${pub.publishedAt} >= ${scope.previousStart.toISOString()}::timestamptz
     and ${pub.publishedAt} < ${scope.end.toISOString()}::timestamptz
     and ${scope.visible ?? sql`true`}`;
  const current = sql`${pub.publishedAt} >= ${scope.start.toISOString()}::timestamptz`;
  const campaign = sql`coalesce(${posts.campaignId}::text, 'none')`;
  const [rows, distinctPosts] = await Promise.all([
    ctx.db.execute(sql`
      select x.current, x.step, x.channel, x.campaign, grouping(x.step) as g_step, grouping(x.channel) as g_channel,
             grouping(x.campaign) as g_campaign, count(*)::int as publications, count(*)::int as posts,
             sum(x.likes)::int as likes, sum(x.reposts)::int as reposts, sum(x.replies)::int as replies,
             max(x.fetched_at) as fetched_at
        from (select ${current} as current, ${step} as step, ${pub.channelAccountId}::text as channel,
                     ${campaign} as campaign, coalesce(${m.likes}, 0) as likes, coalesce(${m.reposts}, 0) as reposts,
                     coalesce(${m.replies}, 0) as replies, ${m.fetchedAt} as fetched_at
                ${from} left join ${m} on ${m.publicationId} = ${pub.id} ${where}) as x
       group by grouping sets ((x.current), (x.current, x.step, x.channel), (x.current, x.channel),
                               (x.current, x.campaign))`),
    ctx.db.execute(sql`
      select y.current, y.campaign, grouping(y.campaign) as g_campaign, count(*)::int as posts
        from (select ${current} as current, ${campaign} as campaign, ${pub.postId} as post_id ${from} ${where}
               group by 1, 2, 3) as y
       group by grouping sets ((y.current), (y.current, y.campaign))`),
  ]);
  const postsOf = new Map(
    rowsOf<{ current: boolean; campaign: string; g_campaign: number; posts: number }>(distinctPosts).map((r) => [
      `${r.current}:${r.g_campaign === 0 ? r.campaign : ""}`,
      Number(r.posts),
    ]),
  );
  return grouped(rowsOf<RawRow>(rows), false).map((row) =>
    row.by === "all" || row.by === "campaign"
      ? { ...row, posts: postsOf.get(`${row.current}:${row.by === "campaign" ? row.key : ""}`) ?? 0 }
      : row,
  );
}

/** Publications that failed (the channel refused them for good), by when they were due. */
async function failedRows(ctx: AppContext, scope: PublishingScope): Promise<GroupedRow[]> {
  const rows = rowsOf<RawRow>(
    await ctx.db.execute(sql`
      select x.current, null as step, x.channel, x.campaign, 1 as g_step, grouping(x.channel) as g_channel,
             grouping(x.campaign) as g_campaign, count(*)::int as publications, 0 as posts, 0 as likes,
             0 as reposts, 0 as replies, null as fetched_at
        from (select ${pub.dueAt} >= ${scope.start.toISOString()}::timestamptz as current,
                     ${pub.channelAccountId}::text as channel, coalesce(${posts.campaignId}::text, 'none') as campaign
                from ${pub}
                join ${posts} on ${posts.id} = ${pub.postId}
               where ${pub.orgId} = ${scope.orgId} and ${pub.status} = 'failed'
                 and ${pub.dueAt} >= ${scope.previousStart.toISOString()}::timestamptz
                 and ${pub.dueAt} < ${scope.end.toISOString()}::timestamptz
                 and ${scope.visible ?? sql`true`}) as x
       group by grouping sets ((x.current), (x.current, x.channel), (x.current, x.campaign))`),
  );
  return grouped(rows, true);
}
