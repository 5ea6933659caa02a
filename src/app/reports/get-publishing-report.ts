// Veröffentlichung: what the organisation published in a period and the one before — per step and channel
// account, per campaign —, what failed, how approval went, and the reactions the networks last reported
// (publication_metrics, kept by the worker); the posts with most reactions; with exactly one campaign chosen,
// its timeline per hour. Counts from the report's rollups (publishingDays.ts), within the viewer's scope.
import type { z } from "zod";
import type { ZPublishingCounts, ZPublishingReport } from "../../contract/publishingReport.js";
import { stepsOf } from "../../domain/reports/reportPeriod.js";
import type { OrgActor } from "../authorization.js";
import type { AppContext } from "../context.js";
import { approvalFigures } from "./approvalFigures.js";
import { campaignTimeline } from "./campaignTimeline.js";
import { openPublishingScope } from "./publishingScope.js";
import { publishingRows } from "./publishingDays.js";
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
  const [counted, approvals, top, timeline] = await Promise.all([
    publishingRows(ctx, scope),
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
  for (const row of counted) {
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

function add(into: Counts, row: Counts): void {
  into.publications += row.publications;
  into.posts += row.posts;
  into.failed += row.failed;
  into.likes += row.likes;
  into.reposts += row.reposts;
  into.replies += row.replies;
}
