// Contract of the reports (Berichte): the period and filters every report takes, and the figures of the
// mood report (Stimmung) and the response-time report (Antwortzeiten), read from the daily rollups.
import { z } from "zod";
import { MAX_REPORT_DAYS } from "../domain/reports/reportPeriod.js";
import { ZDay, ZId, ZOrgParams, ZTimestamp } from "./common.js";
import { moodByPostParts, moodFilterFields } from "./moodByPost.js";
import { ZResolutionFigures, ZWaitingStep } from "./responseReport.js";
import type { ContractGroup } from "./route.js";

const tag = "reports";

/** A day a report may name: years PostgreSQL and people both use (year 0 does not exist in the database). */
export const ZReportDay = ZDay.refine((day) => day >= "2000-01-01" && day <= "2099-12-31", {
  message: "a day between 2000-01-01 and 2099-12-31",
});

/**
 * Identifiers as one comma-separated query value ("a,b"); "none" stands for "no department". A list parsed
 * before (the route parses, then the use case again) stays as it is.
 */
export const idList = (extra?: "none") =>
  z
    .union([
      z
        .string()
        .max(2000)
        .transform((text) => text.split(",")),
      z.array(z.string()),
    ])
    .transform((parts) => [...new Set(parts.map((part) => part.trim()).filter(Boolean))])
    .pipe(
      z
        .array(extra ? z.union([z.uuid(), z.literal(extra)]) : z.uuid())
        .min(1)
        .max(50),
    );

export const ZReportFilter = z.object({
  /** First and last day (both included) in the organisation's time zone; default the last 30 days. */
  from: ZReportDay.optional(),
  to: ZReportDay.optional(),
  /** Without `from`: the last this many days up to `to` (default today). */
  days: z.coerce.number().int().min(1).max(MAX_REPORT_DAYS).optional(),
  channelAccountIds: idList().optional(),
  departmentIds: idList("none").optional(),
});
export type TReportFilter = z.infer<typeof ZReportFilter>;
/** Stimmung also by campaign, post and key term (src/contract/moodByPost.ts). */
export const ZMoodReportFilter = ZReportFilter.extend(moodFilterFields);
/** Themen and Antwortzeiten also by campaign and post (not by term): the messages, or the conversations whose first
 * message, reacted to them. */
export const ZPostReportFilter = ZReportFilter.extend({
  campaignIds: moodFilterFields.campaignIds,
  postIds: moodFilterFields.postIds,
});

const count = z.number().int();

export const ZReportPeriod = z
  .object({
    from: ZDay,
    to: ZDay,
    days: z.number().int().min(1).max(MAX_REPORT_DAYS),
    previousFrom: ZDay,
    previousTo: ZDay,
    /** What one point of a chart stands for: a day, or a week from Monday. */
    step: z.enum(["day", "week"]),
  })
  .meta({ id: "ReportPeriod" });

export const ZMoodCounts = z
  .object({
    messages: count,
    negative: count,
    neutral: count,
    positive: count,
    questions: count,
    complaints: count,
    praise: count,
    flagged: count,
    /** Mean sentiment score (−1 … 1); null without messages. */
    averageSentiment: z.number().nullable(),
  })
  .meta({ id: "MoodCounts" });

/** What the viewer may filter by: the channel accounts and departments in their reach. */
export const ZReportChoices = z
  .object({
    channels: z.array(z.object({ id: ZId, name: z.string(), network: z.string() })),
    departments: z.array(z.object({ id: ZId, name: z.string() })),
    /** Whether "no department" (the whole organisation's) is in their reach. */
    orgWide: z.boolean(),
  })
  .meta({ id: "ReportChoices" });

const ZMoodStep = z.object({ start: ZDay, messages: count, negative: count, neutral: count, positive: count });

export const ZMoodReport = z
  .object({
    period: ZReportPeriod,
    choices: ZReportChoices,
    totals: ZMoodCounts,
    previous: ZMoodCounts,
    series: z.array(ZMoodStep),
    byChannel: z.array(
      z.object({
        channelAccountId: ZId,
        name: z.string(),
        network: z.string(),
        current: ZMoodCounts,
        previous: ZMoodCounts,
      }),
    ),
    byDepartment: z.array(
      z.object({
        departmentId: ZId.nullable(),
        name: z.string().nullable(),
        current: ZMoodCounts,
        previous: ZMoodCounts,
      }),
    ),
    /** Steps whose share of negative messages is far from the usual (median/MAD of the steps before). */
    shifts: z.array(
      z.object({
        start: ZDay,
        direction: z.enum(["more_negative", "less_negative"]),
        share: z.number(),
        usualShare: z.number(),
        score: z.number(),
      }),
    ),
    ...moodByPostParts,
  })
  .meta({ id: "MoodReport" });

/** Figures of first answers; times in business milliseconds, read from a histogram (exact to its bucket). */
export const ZResponseFigures = z
  .object({
    answered: count,
    /** Answers while a response-time target was running, and those sent within it. */
    withTarget: count,
    withinTarget: count,
    /** Answers to citizens who had asked again before. */
    askedAgain: count,
    medianMs: z.number().nullable(),
    p90Ms: z.number().nullable(),
    /** The value is a lower bound (it falls in the open last bucket, beyond ten business days). */
    medianAtLeast: z.boolean(),
    p90AtLeast: z.boolean(),
    meanMs: z.number().nullable(),
    /** Conversations closed (for the person who closed them), with the time from the first message to closing. */
    resolution: ZResolutionFigures,
  })
  .meta({ id: "ResponseFigures" });

export const ZResponseReport = z
  .object({
    period: ZReportPeriod,
    choices: ZReportChoices,
    totals: ZResponseFigures,
    previous: ZResponseFigures,
    series: z.array(z.object({ start: ZDay, figures: ZResponseFigures })),
    byChannel: z.array(
      z.object({ channelAccountId: ZId, name: z.string(), network: z.string(), current: ZResponseFigures }),
    ),
    byDepartment: z.array(
      z.object({ departmentId: ZId.nullable(), name: z.string().nullable(), current: ZResponseFigures }),
    ),
    /** Per person: everyone for those who may see the members, else the viewer's own line only. */
    byPerson: z.array(z.object({ userId: ZId.nullable(), name: z.string().nullable(), current: ZResponseFigures })),
    /** Right now, among the conversations the viewer may see: waiting for an answer, and overdue. */
    waitingNow: count,
    overdueNow: count,
    /**
     * Per step of the period: what waited for an answer at its end (a running step: now), and was overdue; null
     * with a campaign or post filter (waits are kept per day, channel account and department, not per post).
     */
    waitingSeries: z.array(ZWaitingStep).nullable(),
    /** What the campaign and post filters offer the viewer (as Stimmung's). */
    postChoices: moodByPostParts.postChoices,
  })
  .meta({ id: "ResponseReport" });

export const ZTopicsReport = z
  .object({
    period: ZReportPeriod,
    choices: ZReportChoices,
    /**
     * What the figures count: every message of the period, or (`posts`) the reactions to the chosen posts or
     * campaigns' posts, read from those messages.
     */
    basis: z.enum(["messages", "posts"]),
    /** Every message of the period, or every reaction to the chosen posts in it (the base of each topic's share). */
    messages: count,
    /** Whether example messages and answers are shown: only to people who may read the inbox. */
    showsExamples: z.boolean(),
    /** The first day of each step of the trends. */
    steps: z.array(ZDay),
    topics: z.array(
      z.object({
        /** The term's key (its stem); `label` is how the messages wrote it most often. */
        topic: z.string(),
        label: z.string(),
        messages: count,
        previousMessages: count,
        negative: count,
        neutral: count,
        positive: count,
        questions: count,
        /** Messages weighted by how rare the term is on the organisation's days of the year (TF-IDF). */
        score: z.number(),
        /** Messages per step, for the topics shown in detail. */
        trend: z.array(count).nullable(),
        examples: z.array(z.object({ conversationId: ZId, excerpt: z.string(), receivedAt: ZTimestamp })),
      }),
    ),
    /** The terms most asked about, each with the latest answer staff sent to one of those questions. */
    repeatedQuestions: z.array(
      z.object({
        topic: z.string(),
        label: z.string(),
        questions: count,
        answer: z.object({ conversationId: ZId, text: z.string(), sentAt: ZTimestamp }).nullable(),
      }),
    ),
    /** What the campaign and post filters offer the viewer (as Stimmung's; empty in the weekly PDF). */
    postChoices: moodByPostParts.postChoices,
  })
  .meta({ id: "TopicsReport" });

export const reportsContract = {
  "GET /api/orgs/:orgId/reports/mood": {
    tag,
    summary:
      "Stimmung: negative, neutral and positive messages over time, per channel, department, post and term, with shifts",
    params: ZOrgParams,
    query: ZMoodReportFilter,
    responses: { 200: ZMoodReport },
  },
  "GET /api/orgs/:orgId/reports/response-times": {
    tag,
    summary:
      "Antwortzeiten: first answers and resolution in business hours (median, 90th percentile, within target), waiting and overdue over time",
    params: ZOrgParams,
    query: ZPostReportFilter,
    responses: { 200: ZResponseReport },
  },
  "GET /api/orgs/:orgId/reports/topics": {
    tag,
    summary:
      "Themen: what citizens write about, ranked against the year, with mood, trend and repeated questions; by campaign and post too",
    params: ZOrgParams,
    query: ZPostReportFilter,
    responses: { 200: ZTopicsReport },
  },
} satisfies ContractGroup;
