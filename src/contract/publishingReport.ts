// Contract of the Veröffentlichung report: what the organisation published per channel account and campaign,
// what failed, how approval (Freigabe) went and how long it took, the reactions the networks report on the
// published items, and — with exactly one campaign chosen — its timeline of posts and citizens' replies per hour.
import { z } from "zod";
import { ZDay, ZId, ZOrgParams, ZTimestamp } from "./common.js";
import { ZReportChoices, ZReportFilter, ZReportPeriod, idList } from "./reports.js";
import type { ContractGroup } from "./route.js";

const tag = "reports";
const count = z.number().int();

export const ZPublishingFilter = ZReportFilter.extend({
  /** Campaigns (comma-separated); "none" stands for posts outside any campaign. */
  campaignIds: idList("none").optional(),
});
export type TPublishingFilter = z.infer<typeof ZPublishingFilter>;

/** Publications (one per post and channel account) and the reactions the networks last reported on them. */
export const ZPublishingCounts = z
  .object({
    publications: count,
    /** Posts: a post sent to three channel accounts is one post and three publications. */
    posts: count,
    failed: count,
    /** Favourites (Mastodon), likes (Bluesky). */
    likes: count,
    /** Boosts (Mastodon), reposts (Bluesky). */
    reposts: count,
    /** Replies (Mastodon, Bluesky), comments (website). */
    replies: count,
  })
  .meta({ id: "PublishingCounts" });

export const ZApprovalFigures = z
  .object({
    /** Posts finally approved in the period, and decisions asking for changes or rejecting. */
    approved: count,
    changesRequested: count,
    rejected: count,
    /** Posts that went out without approval by their channels' mode. */
    withoutReview: count,
    /** Posts that went out without further approval as the unchanged text of a campaign's pre-approved template. */
    fromTemplate: count,
    /** From submission to final approval: in business time (the office schedule) and in calendar time. */
    medianBusinessMs: z.number().nullable(),
    p90BusinessMs: z.number().nullable(),
    medianMs: z.number().nullable(),
    p90Ms: z.number().nullable(),
  })
  .meta({ id: "ApprovalFigures" });

export const ZPublishingChoices = ZReportChoices.extend({
  campaigns: z.array(z.object({ id: ZId, name: z.string(), hashtag: z.string() })),
}).meta({ id: "PublishingChoices" });

const ZReactions = z.object({ likes: count, reposts: count, replies: count });

export const ZCampaignTimeline = z
  .object({
    campaignId: ZId,
    name: z.string(),
    hashtag: z.string(),
    startsAt: ZTimestamp,
    endsAt: ZTimestamp,
    /** Every hour from the campaign's start (or its first post) to six hours after its end (or last post). */
    hours: z.array(z.object({ start: ZTimestamp, posts: count, replies: count })),
    posts: count,
    /** Citizens' messages in answer to the campaign's published items (received in the timeline's span). */
    replies: count,
  })
  .meta({ id: "CampaignTimeline" });

export const ZPublishingReport = z
  .object({
    period: ZReportPeriod,
    choices: ZPublishingChoices,
    totals: ZPublishingCounts,
    previous: ZPublishingCounts,
    /** Publications per step and channel account (the chart), steps as in the other reports. */
    steps: z.array(ZDay),
    seriesByChannel: z.array(z.object({ channelAccountId: ZId, publications: z.array(count) })),
    byChannel: z.array(
      z.object({
        channelAccountId: ZId,
        name: z.string(),
        network: z.string(),
        current: ZPublishingCounts,
        previous: ZPublishingCounts,
      }),
    ),
    byCampaign: z.array(
      z.object({
        campaignId: ZId.nullable(),
        name: z.string().nullable(),
        hashtag: z.string().nullable(),
        current: ZPublishingCounts,
        previous: ZPublishingCounts,
      }),
    ),
    approvals: z.object({ current: ZApprovalFigures, previous: ZApprovalFigures }),
    /** The period's posts with the most reactions, each with its publications' counters. */
    topPosts: z.array(
      z.object({
        postId: ZId,
        title: z.string(),
        publishedAt: ZTimestamp,
        campaignName: z.string().nullable(),
        reactions: count,
        channels: z.array(
          ZReactions.extend({
            channelAccountId: ZId,
            name: z.string(),
            network: z.string(),
            url: z.string().nullable(),
          }),
        ),
      }),
    ),
    /** When the networks last reported counters for the period's publications (null: never yet). */
    countersAsOf: ZTimestamp.nullable(),
    /** With exactly one campaign chosen: its posts and citizens' replies per hour. */
    campaignTimeline: ZCampaignTimeline.nullable(),
  })
  .meta({ id: "PublishingReport" });

export const publishingReportContract = {
  "GET /api/orgs/:orgId/reports/publishing": {
    tag,
    summary:
      "Veröffentlichung: posts per channel and campaign, failures, approvals and their duration, the networks' reactions, a campaign's timeline",
    params: ZOrgParams,
    query: ZPublishingFilter,
    responses: { 200: ZPublishingReport },
  },
} satisfies ContractGroup;
