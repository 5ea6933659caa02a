// What every report starts with: the right to read reports, the period in the organisation's time zone,
// and the rollup rows the viewer may see — of their departments and channel accounts (app/scope.ts),
// narrowed by the filters — as SQL conditions on a rollup table's columns. The filters by campaign and post
// (Stimmung, Themen, Antwortzeiten) and key term (Stimmung) are parsed here too, for the reports that name them.
import { type AnyColumn, type SQL, and, asc, between, eq, inArray, isNull, or, sql } from "drizzle-orm";
import type { z } from "zod";
import { channelAccounts, departments, organisations, posts } from "../../db/schema/index.js";
import { ZMoodReportFilter, type ZPostReportFilter, ZReportFilter } from "../../contract/reports.js";
import { AppError } from "../../domain/errors.js";
import { inOrganisation } from "../../domain/policy.js";
import { type ReportPeriod, reportPeriod } from "../../domain/reports/reportPeriod.js";
import { localDate } from "../../domain/zonedTime.js";
import { type OrgActor, requireAllowed } from "../authorization.js";
import type { AppContext } from "../context.js";
import { channelAccountWithin, departmentWithin } from "../scope.js";

export interface ReportScope {
  orgId: string;
  period: ReportPeriod;
  timeZone: string;
  /** Rows of the current and the previous period the viewer may see, filtered. */
  where: (columns: RollupColumns) => SQL | undefined;
  /**
   * The same without the period: rows of the viewer's scope that the filters keep (without a channel account
   * column: by the department only, for rows that hold several accounts — see reachedChannels).
   */
  within: (
    columns: Omit<RollupColumns, "day" | "channelAccountId"> & { channelAccountId?: AnyColumn },
  ) => SQL | undefined;
  /** The channel accounts the viewer's grant and the filter leave; null = all of the organisation's. */
  reachedChannels: string[] | null;
  /** Whether `within` limits rows by department (the viewer's grant or the filter): else it reads no department column. */
  byDepartment: boolean;
  /** Whether the rows within are all of the organisation's: no filter (of any kind), no limit to departments or channels. */
  whole: boolean;
  /** Campaigns, posts and key terms chosen (empty for the reports without these filters). */
  postFilter: { campaignIds?: string[]; postIds?: string[]; topics?: string[] };
  /** Rows of the chosen posts and campaigns' posts, as a condition on a post id column; undefined = no such filter. */
  postsChosen: (postId: AnyColumn) => SQL | undefined;
  channelNames: Map<string, { name: string; network: string }>;
  departmentNames: Map<string, string>;
  /** The channel accounts and departments in the viewer's reach, for the filters. */
  choices: {
    channels: { id: string; name: string; network: string }[];
    departments: { id: string; name: string }[];
    orgWide: boolean;
  };
}

export interface RollupColumns {
  orgId: AnyColumn;
  day: AnyColumn;
  channelAccountId: AnyColumn;
  departmentId: AnyColumn;
}

export async function openReportScope(
  ctx: AppContext,
  options: {
    actor: OrgActor;
    orgId: string;
    query: unknown;
    /**
     * The report's filters beyond period, channel and department: Stimmung's campaign, post and term, or campaign
     * and post; without, another report's own fields (a campaign "none") are its own.
     */
    filters?: typeof ZMoodReportFilter | typeof ZPostReportFilter;
  },
): Promise<ReportScope> {
  requireAllowed(ctx, options.actor, "reports.view", inOrganisation(options.orgId));
  const filter: z.output<typeof ZMoodReportFilter> = (options.filters ?? ZReportFilter).parse(options.query);
  if (filter.topics && (filter.postIds || filter.campaignIds))
    // Messages are counted by post and by term in different rollups, never by both.
    throw new AppError("VALIDATION_FAILED", { details: { field: "topics", reason: "not_with_posts" } });
  const [org] = await ctx.db
    .select({ timeZone: organisations.timeZone })
    .from(organisations)
    .where(eq(organisations.id, options.orgId));
  if (!org) throw new AppError("NOT_FOUND");
  const period = reportPeriod({
    from: filter.from,
    to: filter.to,
    days: filter.days,
    today: localDate(ctx.clock(), org.timeZone),
  });
  if ("error" in period) throw new AppError("VALIDATION_FAILED", { details: { field: "from", reason: period.error } });
  const [accounts, teams] = await Promise.all([
    ctx.db
      .select({ id: channelAccounts.id, name: channelAccounts.name, network: channelAccounts.network })
      .from(channelAccounts)
      .where(eq(channelAccounts.orgId, options.orgId))
      // The organisation's channel list in its order (as under Verwaltung): the filter's choices, and the place
      // that gives a channel its colour in the charts.
      .orderBy(asc(channelAccounts.name), asc(channelAccounts.id)),
    ctx.db
      .select({ id: departments.id, name: departments.name })
      .from(departments)
      .where(eq(departments.orgId, options.orgId)),
  ]);
  // A campaign's posts as a list of ids, so the rollup is read by post id, not joined to posts.
  const campaignPosts = filter.campaignIds
    ? (
        await ctx.db
          .select({ id: posts.id })
          .from(posts)
          .where(and(eq(posts.orgId, options.orgId), inArray(posts.campaignId, filter.campaignIds)))
      ).map((p) => p.id)
    : undefined;
  const grant = options.actor.grant;
  const departmentIds = filter.departmentIds?.filter((id) => id !== "none") ?? [];
  const withoutDepartment = filter.departmentIds?.includes("none") ?? false;
  const within = (c: Omit<RollupColumns, "day" | "channelAccountId"> & { channelAccountId?: AnyColumn }) =>
    and(
      eq(c.orgId, options.orgId),
      departmentWithin(options.actor, c.departmentId),
      c.channelAccountId ? channelAccountWithin(options.actor, c.channelAccountId) : undefined,
      c.channelAccountId && filter.channelAccountIds
        ? inArray(c.channelAccountId, filter.channelAccountIds)
        : undefined,
      filter.departmentIds
        ? or(
            departmentIds.length ? inArray(c.departmentId, departmentIds) : undefined,
            withoutDepartment ? isNull(c.departmentId) : undefined,
          )
        : undefined,
    );
  return {
    orgId: options.orgId,
    period,
    timeZone: org.timeZone,
    channelNames: new Map(accounts.map((a) => [a.id, { name: a.name, network: a.network }])),
    departmentNames: new Map(teams.map((d) => [d.id, d.name])),
    choices: {
      channels: accounts.filter((a) => grant?.channelAccountIds?.includes(a.id) ?? grant !== null),
      departments: teams.filter((d) => grant?.departmentIds?.includes(d.id) ?? grant !== null),
      orgWide: grant !== null && grant.departmentIds === null,
    },
    where: (c) => and(within(c), between(c.day, period.previousFrom, period.to)),
    within,
    byDepartment: grant === null || grant.departmentIds !== null || filter.departmentIds !== undefined,
    reachedChannels:
      grant?.channelAccountIds || filter.channelAccountIds
        ? (grant?.channelAccountIds ?? filter.channelAccountIds ?? []).filter(
            (id) => !filter.channelAccountIds || filter.channelAccountIds.includes(id),
          )
        : null,
    whole:
      grant !== null &&
      grant.departmentIds === null &&
      grant.channelAccountIds === null &&
      !filter.channelAccountIds &&
      !filter.departmentIds &&
      !filter.campaignIds &&
      !filter.postIds &&
      !filter.topics,
    postFilter: { campaignIds: filter.campaignIds, postIds: filter.postIds, topics: filter.topics },
    postsChosen: (postId) =>
      and(
        filter.postIds ? inArray(postId, filter.postIds) : undefined,
        // One array parameter: a campaign may hold thousands of posts (a list of as many parameters took seconds).
        campaignPosts ? sql`${postId} = any(${`{${campaignPosts.join(",")}}`}::uuid[])` : undefined,
      ),
  };
}
