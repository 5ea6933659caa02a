// How the inbox works in an organisation: routing rules (ordered), response-time targets per channel
// account and intent, reply templates (Textbausteine), and the scalar settings.
import { sql } from "drizzle-orm";
import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { Intent } from "../../text/analysis.js";
import { channelAccounts } from "./channels.js";
import { departments, organisations } from "./org.js";
import type { FeedProblem } from "../../domain/knowledge/feedProblems.js";
import { knowledgeArticles } from "./knowledge.js";
import { knowledgeFeedItems, knowledgeFeedSubscriptions } from "./knowledgeFeeds.js";
import { knowledgeSharedItems } from "./knowledgeSharing.js";
import { users } from "./people.js";
import { posts } from "./posts.js";

export const routingRules = pgTable(
  "routing_rules",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id),
    position: integer("position").notNull(),
    name: text("name").notNull(),
    channelAccountId: uuid("channel_account_id").references(() => channelAccounts.id, { onDelete: "cascade" }),
    keywords: jsonb("keywords").$type<string[]>().notNull().default([]),
    intent: text("intent").$type<Intent>(),
    departmentId: uuid("department_id").references(() => departments.id, { onDelete: "cascade" }),
    assigneeUserId: uuid("assignee_user_id").references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("routing_rules_org_idx").on(t.orgId, t.position)],
);

export const responseTargets = pgTable(
  "response_targets",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id),
    channelAccountId: uuid("channel_account_id").references(() => channelAccounts.id, { onDelete: "cascade" }),
    intent: text("intent").$type<Intent>(),
    firstResponseMinutes: integer("first_response_minutes").notNull(),
    resolutionMinutes: integer("resolution_minutes"),
  },
  (t) => [index("response_targets_org_idx").on(t.orgId)],
);

export const replyTemplates = pgTable(
  "reply_templates",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id),
    departmentId: uuid("department_id").references(() => departments.id, { onDelete: "set null" }),
    title: text("title").notNull(),
    body: text("body").notNull(),
    tags: jsonb("tags").$type<string[]>().notNull().default([]),
    /** The knowledge article the template draws on (cited; its use is counted when the template is sent). */
    articleId: uuid("article_id").references(() => knowledgeArticles.id, { onDelete: "set null" }),
    createdByUserId: uuid("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
  },
  (t) => [index("reply_templates_org_idx").on(t.orgId, sql`lower(${t.title})`)],
);

export const inboxSettings = pgTable("inbox_settings", {
  orgId: uuid("org_id")
    .primaryKey()
    .references(() => organisations.id),
  /** Send "Wir haben Ihre Frage erhalten und antworten bis …" to questions arriving outside office hours. */
  autoAcknowledge: boolean("auto_acknowledge").notNull().default(false),
  /**
   * Also acknowledge on networks (Mastodon, Bluesky, sandbox), where the acknowledgement is a reply others
   * may see. On the website it is shown to the asking person only, so autoAcknowledge alone covers it.
   */
  acknowledgeOnNetworks: boolean("acknowledge_on_networks").notNull().default(false),
  /** Warn when a channel account has had no post or no answer for this many days. */
  idleWarningDays: integer("idle_warning_days").notNull().default(7),
  /** Days within which a similar unanswered question counts as asked again. */
  repeatWindowDays: integer("repeat_window_days").notNull().default(14),
  /** Freigabe for replies: none, only when the conversation or reply touches one of the keywords, or all. */
  replyApproval: text("reply_approval").$type<"none" | "keywords" | "all">().notNull().default("none"),
  replyApprovalKeywords: jsonb("reply_approval_keywords").$type<string[]>().notNull().default([]),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export type NotificationKind =
  | "mention"
  | "assigned"
  | "due_soon"
  | "reminder"
  | "escalation"
  | "idle_channel"
  | "threat"
  | "shitstorm"
  | "moderation_escalation"
  | "channel_health"
  | "weekly_report"
  | "article_mention"
  | "article_review"
  | "shared_item_changed"
  | "feed_item_changed"
  | "feed_refused"
  | "approval_waiting";

/** What a person should look at: a mention, an assignment, a reminder or an escalation. */
export const userNotifications = pgTable(
  "user_notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind").$type<NotificationKind>().notNull(),
    conversationId: uuid("conversation_id"),
    /** For a threat or a moderation escalation: the case to open. */
    moderationCaseId: uuid("moderation_case_id"),
    /** For a warning about a channel account (idle channel). */
    channelAccountId: uuid("channel_account_id").references(() => channelAccounts.id, { onDelete: "cascade" }),
    /** For the weekly report: the Monday of the week it covers (the download link). */
    reportWeek: date("report_week", { mode: "string" }),
    /** For a mention in a knowledge article's comment or its review reminder: the article to open. */
    knowledgeArticleId: uuid("knowledge_article_id").references(() => knowledgeArticles.id, { onDelete: "cascade" }),
    /** For a newer version of an item shared by another organisation that this one adopted. */
    sharedItemId: uuid("shared_item_id").references(() => knowledgeSharedItems.id, { onDelete: "cascade" }),
    /** For a newer version of an item of another installation's feed that this organisation adopted. */
    feedItemId: uuid("feed_item_id").references(() => knowledgeFeedItems.id, { onDelete: "cascade" }),
    /** For a subscribed feed whose fetch started being refused: the feed, and why it was refused then. */
    feedSubscriptionId: uuid("feed_subscription_id").references(() => knowledgeFeedSubscriptions.id, {
      onDelete: "cascade",
    }),
    feedProblem: text("feed_problem").$type<FeedProblem>(),
    /** For a post waiting for Freigabe: the post to open. */
    postId: uuid("post_id").references(() => posts.id, { onDelete: "cascade" }),
    /** Who caused it ("system" for reminders and escalations). */
    actorLabel: text("actor_label").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    readAt: timestamp("read_at", { withTimezone: true }),
    /** When the delivery worker decided its e-mail and push (notificationDeliveries); null: still to decide. */
    deliveriesPlannedAt: timestamp("deliveries_planned_at", { withTimezone: true }),
  },
  (t) => [
    index("user_notifications_unplanned_idx")
      .on(t.createdAt)
      .where(sql`${t.deliveriesPlannedAt} is null`),
    index("user_notifications_user_idx")
      .on(t.userId, t.createdAt)
      .where(sql`${t.readAt} is null`),
  ],
);
