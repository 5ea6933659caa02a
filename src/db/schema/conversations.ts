// Conversations (Vorgänge): a citizen's messages under one published item (or in direct messages) on
// one channel account, with a small status set, who looks after it, its response-time targets, and
// what staff wrote in it: replies to the citizen and internal notes.
import type { TReplyDeliveryStatus } from "../../domain/replyDelivery.js";
import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  index,
  jsonb,
  pgTable,
  real,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { ConversationStatus } from "../../domain/conversationLifecycle.js";
import type { Intent } from "../../text/analysis.js";
import { channelAccounts } from "./channels.js";
import { departments, organisations } from "./org.js";
import { users } from "./people.js";

export const conversations = pgTable(
  "conversations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id),
    channelAccountId: uuid("channel_account_id")
      .notNull()
      .references(() => channelAccounts.id),
    /** The published item the messages are under; "direct" for direct messages. */
    threadKey: text("thread_key").notNull(),
    citizenHandle: text("citizen_handle").notNull(),
    citizenName: text("citizen_name").notNull(),
    status: text("status").$type<ConversationStatus>().notNull().default("new"),
    departmentId: uuid("department_id").references(() => departments.id, { onDelete: "set null" }),
    assigneeUserId: uuid("assignee_user_id").references(() => users.id, { onDelete: "set null" }),
    /** The routing rule that placed it (null: the channel account's department, or moved by hand). */
    routedByRuleId: uuid("routed_by_rule_id"),
    /** The most pressing intent among the unanswered messages; it selects the response-time target. */
    intent: text("intent").$type<Intent>().notNull().default("other"),
    /** Sentiment of the latest citizen message, -1 … 1. */
    sentiment: real("sentiment").notNull().default(0),
    /** A message in it was flagged by the text analysis (insult, threat). */
    flagged: boolean("flagged").notNull().default(false),
    /** The citizen asked again while an earlier question was unanswered. */
    askedAgain: boolean("asked_again").notNull().default(false),
    /** Inbox order: 3 overdue question or asked again, 2 other overdue, 1 question on time, 0 rest (domain/responseTargets). */
    priority: smallint("priority").notNull().default(0),
    firstMessageAt: timestamp("first_message_at", { withTimezone: true }).notNull(),
    /** The citizen message still waiting for an answer since (null when nothing waits). */
    waitingSince: timestamp("waiting_since", { withTimezone: true }),
    /** When the next answer is due, in business hours from waitingSince (null when nothing waits). */
    responseDueAt: timestamp("response_due_at", { withTimezone: true }),
    /** When the conversation should be closed (resolution target), null without one. */
    resolutionDueAt: timestamp("resolution_due_at", { withTimezone: true }),
    /** The "due soon" reminder of the current waiting period went out (null: not yet). */
    dueSoonRemindedAt: timestamp("due_soon_reminded_at", { withTimezone: true }),
    /** 0 none, 1 reminded (assignee and deputy), 2 escalated to the head of the department. */
    escalationLevel: smallint("escalation_level").notNull().default(0),
    lastMessageAt: timestamp("last_message_at", { withTimezone: true }).notNull(),
    firstResponseAt: timestamp("first_response_at", { withTimezone: true }),
    /** Who sent the first answer, and the business time it took. */
    firstResponderUserId: uuid("first_responder_user_id").references(() => users.id, { onDelete: "set null" }),
    // bigint: 2^31 ms are only about 16.5 weeks of office hours. As a JS number it stays exact far beyond any wait.
    firstResponseBusinessMs: bigint("first_response_business_ms", { mode: "number" }),
    /**
     * What the response rollup counted for the first answer (migration 0052 sets them as it is recorded): whether
     * it met the target then running (null: none was running, or answered before this was kept) and whether the
     * citizen had asked again — so the report by post, read from the conversations, counts as the rollup does.
     */
    firstResponseWithinTarget: boolean("first_response_within_target"),
    firstResponseAskedAgain: boolean("first_response_asked_again").notNull().default(false),
    lastResponseAt: timestamp("last_response_at", { withTimezone: true }),
    acknowledgedAt: timestamp("acknowledged_at", { withTimezone: true }),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    /** Who closed it, and the business time from the first citizen message to the closing (null while open). */
    closedByUserId: uuid("closed_by_user_id").references(() => users.id, { onDelete: "set null" }),
    resolutionBusinessMs: bigint("resolution_business_ms", { mode: "number" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("conversations_thread_citizen_unique").on(t.channelAccountId, t.threadKey, t.citizenHandle),
    index("conversations_org_status_idx").on(t.orgId, t.status, t.lastMessageAt),
    // The personal data check of shared knowledge: is this name or handle one of a citizen who wrote in?
    index("conversations_org_citizen_name_idx").on(t.orgId, sql`lower(${t.citizenName})`),
    index("conversations_org_citizen_handle_idx").on(t.orgId, sql`lower(${t.citizenHandle})`),
    // "All statuses, newest first" (the archive view) without sorting the whole organisation; NULLS FIRST is
    // what ORDER BY … DESC means, so the index serves it.
    index("conversations_org_recent_idx").on(t.orgId, t.lastMessageAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index("conversations_waiting_idx")
      .on(t.orgId, t.waitingSince)
      .where(sql`${t.waitingSince} is not null`),
    // The inbox's default view: what needs an answer, most pressing first.
    index("conversations_inbox_idx")
      .on(t.orgId, t.priority.desc(), t.responseDueAt, t.id)
      .where(sql`${t.status} in ('new', 'open')`),
    index("conversations_due_idx")
      .on(t.responseDueAt)
      .where(sql`${t.responseDueAt} is not null`),
    index("conversations_citizen_idx").on(t.channelAccountId, t.citizenHandle),
    index("conversations_assignee_idx").on(t.assigneeUserId, t.status),
    index("conversations_department_idx").on(t.orgId, t.departmentId, t.status, t.lastMessageAt),
  ],
);

/**
 * The post a conversation counts for in the reports by campaign and post: the post its first citizen message reacts
 * to (inbound_messages.post_id of the earliest by received_at, id; no row when it reacts to none). Kept by the
 * database (migration 0058), whatever path links, moves or removes a message; a table of its own, so that keeping it
 * writes no conversation (whose triggers keep the response rollups).
 */
export const conversationFirstPosts = pgTable(
  "conversation_first_posts",
  {
    conversationId: uuid("conversation_id")
      .primaryKey()
      .references(() => conversations.id, { onDelete: "cascade" }),
    orgId: uuid("org_id").notNull(),
    postId: uuid("post_id").notNull(),
  },
  (t) => [index("conversation_first_posts_post_idx").on(t.orgId, t.postId)],
);

export type ReplyStatus = "in_review" | "returned" | "queued" | "sending" | "sent" | "failed";
/** What the network reported about a sent reply (WhatsApp: delivered to the phone, read; or not deliverable). */
export type ReplyDeliveryStatus = TReplyDeliveryStatus;

/** What staff send to the citizen from the inbox; sent through the channel connector. */
export const conversationReplies = pgTable(
  "conversation_replies",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id),
    conversationId: uuid("conversation_id")
      .notNull()
      .references(() => conversations.id),
    /** The citizen message answered (its external id on the channel). */
    inReplyToExternalId: text("in_reply_to_external_id").notNull(),
    text: text("text").notNull(),
    templateId: uuid("template_id"),
    /** The network's approved message template sent instead of free text (WhatsApp outside the 24-hour window). */
    networkTemplate: jsonb("network_template").$type<{ name: string; language: string; parameters: string[] }>(),
    authorUserId: uuid("author_user_id").references(() => users.id, { onDelete: "set null" }),
    status: text("status").$type<ReplyStatus>().notNull(),
    /** The item the channel created, once sent. */
    externalId: text("external_id"),
    error: text("error"),
    /** Freigabe: who decided on a reply that needed approval, and what they said when returning it. */
    reviewerUserId: uuid("reviewer_user_id").references(() => users.id, { onDelete: "set null" }),
    reviewComment: text("review_comment"),
    reviewedAt: timestamp("reviewed_at", { withTimezone: true }),
    /** Automatic acknowledgement outside office hours (not counted as an answer). */
    automatic: boolean("automatic").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    /** The network's latest report on the sent reply (null: none, or a network without such reports). */
    deliveryStatus: text("delivery_status").$type<ReplyDeliveryStatus>(),
    deliveryStatusAt: timestamp("delivery_status_at", { withTimezone: true }),
  },
  (t) => [
    index("conversation_replies_conversation_idx").on(t.conversationId, t.createdAt),
    // Replies awaiting Freigabe, counted on the start page without reading every reply of the organisation.
    index("conversation_replies_in_review_idx")
      .on(t.orgId, t.createdAt)
      .where(sql`${t.status} = 'in_review'`),
  ],
);

/** Internal notes on a conversation, never sent to the citizen; may mention colleagues. */
export const conversationNotes = pgTable(
  "conversation_notes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id),
    conversationId: uuid("conversation_id")
      .notNull()
      .references(() => conversations.id),
    authorUserId: uuid("author_user_id").references(() => users.id, { onDelete: "set null" }),
    text: text("text").notNull(),
    mentionedUserIds: jsonb("mentioned_user_ids").$type<string[]>().notNull().default([]),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("conversation_notes_conversation_idx").on(t.conversationId, t.createdAt)],
);
