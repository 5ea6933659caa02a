// Rollups for the reports: counts per day (in the organisation's time zone) × channel account × department,
// kept by triggers in the transaction that changes a message or a conversation (migrations
// 0038_report_rollups_triggers.sql and 0057_inbound_rollups_one_pass.sql), so a report reads a few hundred
// rows instead of scanning a year of messages, and can never disagree with the messages themselves. No personal data: counts and sums only.
import { sql } from "drizzle-orm";
import {
  bigint,
  date,
  doublePrecision,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { organisations } from "./org.js";

/** Every rollup row's organisation. */
export const orgIdColumn = () =>
  uuid("org_id")
    .notNull()
    .references(() => organisations.id);

/**
 * Where a rollup row's messages or conversations were: the channel account and the department. Not foreign keys:
 * a department removed later keeps its history (its conversations lose it, and the triggers move them).
 */
export const placeColumns = () => ({
  channelAccountId: uuid("channel_account_id").notNull(),
  departmentId: uuid("department_id"),
});

/** How many messages, by mood (domain/reports/mood.ts), and how many questions among them. */
const moodCountColumns = () => ({
  messages: integer("messages").notNull().default(0),
  negative: integer("negative").notNull().default(0),
  neutral: integer("neutral").notNull().default(0),
  positive: integer("positive").notNull().default(0),
  questions: integer("questions").notNull().default(0),
});

/** The columns the daily and the monthly topic rollup share after their period: where, which term, and the counts. */
const topicRollupColumns = () => ({
  ...placeColumns(),
  topic: text("topic").notNull(),
  /** How a message of the row wrote it (the first one counted; in a month's row, the first day's). */
  label: text("label").notNull(),
  ...moodCountColumns(),
});

/**
 * What citizens wrote, by the day it arrived. A message counts once it is threaded into a conversation, for
 * that conversation's department (moving the conversation moves its messages' counts); its sentiment class
 * (domain/mood.ts: below −0.2 negative, above 0.2 positive), intent, flag and visibility follow edits and
 * moderation decisions.
 */
export const messageDailyRollups = pgTable(
  "message_daily_rollups",
  {
    orgId: orgIdColumn(),
    day: date("day", { mode: "string" }).notNull(),
    ...placeColumns(),
    ...moodCountColumns(),
    complaints: integer("complaints").notNull().default(0),
    praise: integer("praise").notNull().default(0),
    flagged: integer("flagged").notNull().default(0),
    held: integer("held").notNull().default(0),
    hidden: integer("hidden").notNull().default(0),
    deleted: integer("deleted").notNull().default(0),
    sentimentSum: doublePrecision("sentiment_sum").notNull().default(0),
  },
  (t) => [
    unique("message_daily_rollups_key").on(t.orgId, t.day, t.channelAccountId, t.departmentId).nullsNotDistinct(),
  ],
);

/**
 * First answers, by the day they were sent: how many, how many within the response-time target that was
 * running, how many after the citizen had asked again, and the business time they took — its sum and a
 * histogram over fixed buckets (domain/responseHistogram.ts; the trigger's draht_response_bucket() uses the
 * same edges, a test checks them), from which medians and 90th percentiles are read.
 */
export const responseDailyRollups = pgTable(
  "response_daily_rollups",
  {
    orgId: orgIdColumn(),
    day: date("day", { mode: "string" }).notNull(),
    ...placeColumns(),
    responderUserId: uuid("responder_user_id"),
    answered: integer("answered").notNull().default(0),
    withinTarget: integer("within_target").notNull().default(0),
    withTarget: integer("with_target").notNull().default(0),
    askedAgain: integer("asked_again").notNull().default(0),
    businessMsSum: bigint("business_ms_sum", { mode: "number" }).notNull().default(0),
    histogram: integer("histogram").array().notNull(),
    /**
     * Conversations closed (for the person who closed them), counted on the day of their last closing — a
     * conversation reopened leaves the day it had been counted on — with the business time from the first
     * citizen message to the closing: sum and histogram (migration 0044).
     */
    resolved: integer("resolved").notNull().default(0),
    resolutionBusinessMsSum: bigint("resolution_business_ms_sum", { mode: "number" }).notNull().default(0),
    resolutionHistogram: integer("resolution_histogram")
      .array()
      .notNull()
      .default(sql`array_fill(0, array[28])`),
  },
  (t) => [
    unique("response_daily_rollups_key")
      .on(t.orgId, t.day, t.channelAccountId, t.departmentId, t.responderUserId)
      .nullsNotDistinct(),
  ],
);

/** The figures of response_daily_rollups, without their key: first answers and closings. */
const responseFigures = () => ({
  answered: integer("answered").notNull().default(0),
  withinTarget: integer("within_target").notNull().default(0),
  withTarget: integer("with_target").notNull().default(0),
  askedAgain: integer("asked_again").notNull().default(0),
  businessMsSum: bigint("business_ms_sum", { mode: "number" }).notNull().default(0),
  histogram: integer("histogram")
    .array()
    .notNull()
    .default(sql`array_fill(0, array[28])`),
  resolved: integer("resolved").notNull().default(0),
  resolutionBusinessMsSum: bigint("resolution_business_ms_sum", { mode: "number" }).notNull().default(0),
  resolutionHistogram: integer("resolution_histogram")
    .array()
    .notNull()
    .default(sql`array_fill(0, array[28])`),
});

/**
 * response_daily_rollups summed over the people: per day × channel account × department, so the Antwortzeiten
 * report's totals, steps, channels and departments read a row per day and pair, however many answers there were
 * (the daily rows are about one per answer at a large city's volume). Kept from response_daily_rollups by a
 * trigger on it (migration 0052), so it always equals their sum.
 */
export const responseDailyTotals = pgTable(
  "response_daily_totals",
  {
    orgId: orgIdColumn(),
    day: date("day", { mode: "string" }).notNull(),
    ...placeColumns(),
    ...responseFigures(),
  },
  (t) => [
    unique("response_daily_totals_key").on(t.orgId, t.day, t.channelAccountId, t.departmentId).nullsNotDistinct(),
  ],
);

/**
 * response_daily_rollups summed per calendar month (its first day): the report's part per person reads whole
 * months here and only the days at the period's edges from the daily rows. Kept by the same trigger.
 */
export const responseMonthlyRollups = pgTable(
  "response_monthly_rollups",
  {
    orgId: orgIdColumn(),
    month: date("month", { mode: "string" }).notNull(),
    ...placeColumns(),
    responderUserId: uuid("responder_user_id"),
    ...responseFigures(),
  },
  (t) => [
    unique("response_monthly_rollups_key")
      .on(t.orgId, t.month, t.channelAccountId, t.departmentId, t.responderUserId)
      .nullsNotDistinct(),
  ],
);

/**
 * What waited for an answer, as daily changes: a waiting period adds one to "waiting" on the day it began and
 * takes it away on the day it ended (answer or closing); it adds one to "overdue" on the day its answer fell
 * due and takes it away on the day it ended, or — ended before it fell due — on the due day itself. So the sum
 * of all days up to a day is what waited at that day's end, and how much of it was overdue (days after today
 * hold the due days of what waits now). A period counts for the conversation's channel account and department
 * when it ended (a running one: its current). Kept by migration 0044's triggers.
 */
export const waitingDailyRollups = pgTable(
  "waiting_daily_rollups",
  {
    orgId: orgIdColumn(),
    day: date("day", { mode: "string" }).notNull(),
    ...placeColumns(),
    waiting: integer("waiting").notNull().default(0),
    overdue: integer("overdue").notNull().default(0),
  },
  (t) => [
    unique("waiting_daily_rollups_key").on(t.orgId, t.day, t.channelAccountId, t.departmentId).nullsNotDistinct(),
  ],
);

/**
 * What the messages were about: each key term of a message (inbound_messages.topics), per day × channel
 * account × department, with the moods and questions among them. The Themen report ranks terms from it.
 */
export const topicDailyRollups = pgTable(
  "topic_daily_rollups",
  {
    orgId: orgIdColumn(),
    day: date("day", { mode: "string" }).notNull(),
    ...topicRollupColumns(),
  },
  (t) => [
    unique("topic_daily_rollups_key")
      .on(t.orgId, t.day, t.channelAccountId, t.departmentId, t.topic)
      .nullsNotDistinct(),
    // A term's days over the year (the ranking's weight) without reading every other term.
    index("topic_daily_rollups_topic_idx").on(t.orgId, t.topic, t.day),
  ],
);

/**
 * topic_daily_rollups summed by calendar month (the organisation's), kept from it by statement triggers
 * (migration 0041): a report over months reads a month's row instead of thirty days' rows. The month is
 * the date of its first day.
 */
export const topicMonthlyRollups = pgTable(
  "topic_monthly_rollups",
  {
    orgId: orgIdColumn(),
    month: date("month", { mode: "string" }).notNull(),
    ...topicRollupColumns(),
  },
  (t) => [
    unique("topic_monthly_rollups_key")
      .on(t.orgId, t.month, t.channelAccountId, t.departmentId, t.topic)
      .nullsNotDistinct(),
    index("topic_monthly_rollups_topic_idx").on(t.orgId, t.topic, t.month),
  ],
);

/**
 * A term's messages per day in the whole organisation, whatever the channel or department: the Themen
 * report's weight of a term (on how many of the year's days it came up) and its course over the period for
 * a viewer who sees everything, without reading every channel's and department's row of it. Kept from
 * topic_daily_rollups by the same triggers; a day whose messages were all taken away loses its row.
 */
export const topicDays = pgTable(
  "topic_days",
  {
    orgId: orgIdColumn(),
    topic: text("topic").notNull(),
    day: date("day", { mode: "string" }).notNull(),
    messages: integer("messages").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.topic, t.day] })],
);

/**
 * What citizens wrote in reaction to a post (inbound_messages.post_id), per day × post × channel account ×
 * department: the Stimmung report by post and campaign, and the posts that drew the most negative and the
 * most positive reactions. Counted like message_daily_rollups (every threaded message, for its
 * conversation's current department), by the triggers of migration 0057 (with the message and topic rollups).
 */
export const postDailyRollups = pgTable(
  "post_daily_rollups",
  {
    orgId: orgIdColumn(),
    day: date("day", { mode: "string" }).notNull(),
    postId: uuid("post_id").notNull(),
    ...placeColumns(),
    ...moodCountColumns(),
    sentimentSum: doublePrecision("sentiment_sum").notNull().default(0),
  },
  (t) => [
    unique("post_daily_rollups_key")
      .on(t.orgId, t.day, t.postId, t.channelAccountId, t.departmentId)
      .nullsNotDistinct(),
    // One post's or one campaign's days without reading the organisation's other posts.
    index("post_daily_rollups_post_idx").on(t.postId, t.day),
  ],
);
