// Rollups for the reports: counts per day (in the organisation's time zone) × channel account × department,
// kept by triggers in the transaction that changes a message or a conversation (migration
// 0038_report_rollups_triggers.sql), so a report reads a few hundred rows instead of scanning a year of
// messages, and can never disagree with the messages themselves. No personal data: counts and sums only.
import { bigint, date, doublePrecision, index, integer, pgTable, text, unique, uuid } from "drizzle-orm/pg-core";
import { organisations } from "./org.js";

/**
 * What citizens wrote, by the day it arrived. A message counts once it is threaded into a conversation, for
 * that conversation's department (moving the conversation moves its messages' counts); its sentiment class
 * (domain/mood.ts: below −0.2 negative, above 0.2 positive), intent, flag and visibility follow edits and
 * moderation decisions.
 */
export const messageDailyRollups = pgTable(
  "message_daily_rollups",
  {
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id),
    day: date("day", { mode: "string" }).notNull(),
    channelAccountId: uuid("channel_account_id").notNull(),
    /** Not a foreign key: a department removed later keeps its history (its conversations lose it, and the trigger moves them). */
    departmentId: uuid("department_id"),
    messages: integer("messages").notNull().default(0),
    negative: integer("negative").notNull().default(0),
    neutral: integer("neutral").notNull().default(0),
    positive: integer("positive").notNull().default(0),
    questions: integer("questions").notNull().default(0),
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
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id),
    day: date("day", { mode: "string" }).notNull(),
    channelAccountId: uuid("channel_account_id").notNull(),
    departmentId: uuid("department_id"),
    responderUserId: uuid("responder_user_id"),
    answered: integer("answered").notNull().default(0),
    withinTarget: integer("within_target").notNull().default(0),
    withTarget: integer("with_target").notNull().default(0),
    askedAgain: integer("asked_again").notNull().default(0),
    businessMsSum: bigint("business_ms_sum", { mode: "number" }).notNull().default(0),
    histogram: integer("histogram").array().notNull(),
  },
  (t) => [
    unique("response_daily_rollups_key")
      .on(t.orgId, t.day, t.channelAccountId, t.departmentId, t.responderUserId)
      .nullsNotDistinct(),
  ],
);

/**
 * What the messages were about: each key term of a message (inbound_messages.topics), per day × channel
 * account × department, with the moods and questions among them. The Themen report ranks terms from it.
 */
export const topicDailyRollups = pgTable(
  "topic_daily_rollups",
  {
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id),
    day: date("day", { mode: "string" }).notNull(),
    channelAccountId: uuid("channel_account_id").notNull(),
    departmentId: uuid("department_id"),
    topic: text("topic").notNull(),
    /** How a message of the row wrote it (the first one counted). */
    label: text("label").notNull(),
    messages: integer("messages").notNull().default(0),
    negative: integer("negative").notNull().default(0),
    neutral: integer("neutral").notNull().default(0),
    positive: integer("positive").notNull().default(0),
    questions: integer("questions").notNull().default(0),
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
 * What citizens wrote in reaction to a post (inbound_messages.post_id), per day × post × channel account ×
 * department: the Stimmung report by post and campaign, and the posts that drew the most negative and the
 * most positive reactions. Counted like message_daily_rollups (every threaded message, for its
 * conversation's current department), by the triggers of migration 0041.
 */
export const postDailyRollups = pgTable(
  "post_daily_rollups",
  {
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id),
    day: date("day", { mode: "string" }).notNull(),
    postId: uuid("post_id").notNull(),
    channelAccountId: uuid("channel_account_id").notNull(),
    departmentId: uuid("department_id"),
    messages: integer("messages").notNull().default(0),
    negative: integer("negative").notNull().default(0),
    neutral: integer("neutral").notNull().default(0),
    positive: integer("positive").notNull().default(0),
    questions: integer("questions").notNull().default(0),
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
