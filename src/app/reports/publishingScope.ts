// The Veröffentlichung report's part of the report scope: the period as instants in the organisation's time
// zone, and the publications the viewer may see — of their departments (the post's) and channel accounts (the
// publication's), narrowed by the filters, campaigns included — as one SQL condition on publications ⋈ posts.
import { type AnyColumn, type SQL, and, eq, inArray, isNull, or, sql } from "drizzle-orm";
import { type TPublishingFilter, ZPublishingFilter } from "../../contract/publishingReport.js";
import {
  campaigns,
  posts,
  publicationDailyRollups,
  postReactions,
  publicationReactions,
  publications,
  publishedPostRollups,
} from "../../db/schema/index.js";
import { addDays } from "../../domain/reports/reportPeriod.js";
import { epochOfWallClock } from "../../domain/zonedTime.js";
import type { OrgActor } from "../authorization.js";
import type { AppContext } from "../context.js";
import { campaignsWithinScope } from "../campaigns/campaignRecords.js";
import { type ReportScope, openReportScope } from "./reportScope.js";

export interface PublishingScope extends ReportScope {
  filter: TPublishingFilter;
  /** The previous period's first instant, the current period's first instant, and the instant after its end. */
  previousStart: Date;
  start: Date;
  end: Date;
  /** Publications (joined with their posts) the viewer may see and the filters keep. */
  visible: SQL | undefined;
  /** Whether the viewer's grant or the filters narrow the channel accounts (else a post's channels need no look). */
  channelLimited: boolean;
  /** The rows of publication_daily_rollups the viewer may see and the filters keep. */
  visibleDays: SQL | undefined;
  /** The same of published_post_rollups: a post counts where one of its channel accounts is in reach. */
  visiblePostDays: SQL | undefined;
  /** The same of publication_reactions (a publication with its post's department and campaign). */
  visibleReactions: SQL | undefined;
  /** The same of post_reactions, by department and campaign (for a viewer whose channel accounts are not limited). */
  visiblePostReactions: SQL | undefined;
  /** The same for a post through the channel account column given (a post's channels before publication). */
  visibleVia: (channelAccountId: AnyColumn) => SQL | undefined;
  campaignChoices: { id: string; name: string; hashtag: string }[];
}

export async function openPublishingScope(
  ctx: AppContext,
  options: { actor: OrgActor; orgId: string; query: unknown },
): Promise<PublishingScope> {
  const scope = await openReportScope(ctx, options);
  const filter = ZPublishingFilter.parse(options.query);
  const { period, timeZone } = scope;
  const instant = (day: string) => new Date(epochOfWallClock(day, "00:00", timeZone));
  const campaignIds = filter.campaignIds?.filter((id) => id !== "none") ?? [];
  const outsideCampaigns = filter.campaignIds?.includes("none") ?? false;
  const campaignChoices = await ctx.db
    .select({ id: campaigns.id, name: campaigns.name, hashtag: campaigns.hashtag })
    .from(campaigns)
    .where(and(eq(campaigns.orgId, options.orgId), campaignsWithinScope(ctx.db, options.actor)))
    .orderBy(campaigns.startsAt)
    .limit(500);
  const ofCampaigns = (campaignId: AnyColumn) =>
    filter.campaignIds
      ? or(
          campaignIds.length ? inArray(campaignId, campaignIds) : undefined,
          outsideCampaigns ? isNull(campaignId) : undefined,
        )
      : undefined;
  const visibleVia = (channelAccountId: AnyColumn) =>
    and(
      scope.within({ orgId: posts.orgId, channelAccountId, departmentId: posts.departmentId }),
      ofCampaigns(posts.campaignId),
    );
  const days = publicationDailyRollups;
  const postDays = publishedPostRollups;
  const reached = scope.reachedChannels;
  return {
    ...scope,
    filter,
    previousStart: instant(period.previousFrom),
    start: instant(period.from),
    end: instant(addDays(period.to, 1)),
    visible: and(eq(publications.orgId, options.orgId), visibleVia(publications.channelAccountId)),
    visibleDays: and(scope.within(days), ofCampaigns(days.campaignId)),
    visibleReactions: and(scope.within(publicationReactions), ofCampaigns(publicationReactions.campaignId)),
    visiblePostReactions: and(scope.within(postReactions), ofCampaigns(postReactions.campaignId)),
    visiblePostDays: and(
      scope.within({ orgId: postDays.orgId, departmentId: postDays.departmentId }),
      ofCampaigns(postDays.campaignId),
      reached ? sql`${postDays.channelAccountIds} && ${`{${reached.join(",")}}`}::uuid[]` : undefined,
    ),
    visibleVia,
    channelLimited: options.actor.grant?.channelAccountIds !== null || filter.channelAccountIds !== undefined,
    campaignChoices: campaignChoices.reverse(),
  };
}
