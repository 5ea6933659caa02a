// Posts: one text for several channel accounts (with per-account overrides), the approval decisions
// (Freigabe) and the outbox of publications, one per post and account, which the worker delivers.
import { sql } from "drizzle-orm";
import { bigint, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { TPollDraft } from "../../domain/website/poll.js";
import type { CheckResult } from "../../domain/guidelineChecks.js";
import type { ReplyPolicy } from "../../domain/networks.js";
import type { ApprovalMode, ContentType, PostStatus } from "../../domain/postWorkflow.js";
import { campaigns } from "./campaigns.js";
import { channelAccounts } from "./channels.js";
import { guidelines } from "./guidelines.js";
import { departments, organisations } from "./org.js";
import { users } from "./people.js";

export const posts = pgTable(
  "posts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id),
    departmentId: uuid("department_id").references(() => departments.id, { onDelete: "set null" }),
    authorUserId: uuid("author_user_id")
      .notNull()
      .references(() => users.id),
    /** Who answers for the post in public; defaults to the accountable person of its first account. */
    accountableUserId: uuid("accountable_user_id").references(() => users.id, { onDelete: "set null" }),
    contentType: text("content_type").$type<ContentType>().notNull().default("post"),
    campaignId: uuid("campaign_id").references(() => campaigns.id),
    /** The campaign template the text started from; unchanged template text takes the fast lane. */
    templateId: text("template_id"),
    title: text("title").notNull().default(""),
    body: text("body").notNull().default(""),
    /** null = as soon as it is approved. */
    scheduledAt: timestamp("scheduled_at", { withTimezone: true }),
    /** Shown before the text where the network has content warnings (Mastodon's spoiler text); "" = none. */
    contentWarning: text("content_warning").notNull().default(""),
    /**
     * A thread: the posts that follow the body, in order. Networks with threads get each as an answer to the
     * one before; the others get them as paragraphs of one text.
     */
    threadParts: jsonb("thread_parts").$type<string[]>().notNull().default([]),
    /** Who may answer the post where the network lets its author decide (Bluesky threadgate). */
    replyPolicy: text("reply_policy").$type<ReplyPolicy>().notNull().default("everyone"),
    /** A poll the post carries (website channel); null = none. */
    poll: jsonb("poll").$type<TPollDraft>(),
    status: text("status").$type<PostStatus>().notNull().default("draft"),
    /** Raised by every save; a save naming an older revision is an edit conflict. */
    revision: integer("revision").notNull().default(1),
    /** Set at submission: the guideline version the post was checked against, and what the check found. */
    guidelineId: uuid("guideline_id").references(() => guidelines.id),
    checkResult: jsonb("check_result").$type<CheckResult>(),
    approvalMode: text("approval_mode").$type<ApprovalMode>(),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    /**
     * The final approval of the submitted revision, and the business time it took from submission (the office
     * schedule then), kept at the decision so the Veröffentlichung report reads figures, not a calendar per post.
     */
    approvedAt: timestamp("approved_at", { withTimezone: true }),
    approvalBusinessMs: bigint("approval_business_ms", { mode: "number" }),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    /** Taken down from its channels after publication ("Aus den Kanälen löschen"), by whom and why. */
    retractedAt: timestamp("retracted_at", { withTimezone: true }),
    retractedByUserId: uuid("retracted_by_user_id").references(() => users.id, { onDelete: "set null" }),
    retractReason: text("retract_reason"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("posts_org_status_idx").on(t.orgId, t.status),
    index("posts_org_scheduled_idx").on(t.orgId, t.scheduledAt),
    index("posts_campaign_idx").on(t.campaignId),
    // The Veröffentlichung report: posts without approval by when they were submitted, approvals by when given.
    index("posts_org_submitted_idx").on(t.orgId, t.submittedAt),
    index("posts_org_approved_idx").on(t.orgId, t.approvedAt),
    // The one search (app/search/searchPosts.ts queries the same expression): German stems, typing errors in titles.
    index("posts_search_idx").using("gin", sql`to_tsvector('draht_german'::regconfig, ${t.title} || ' ' || ${t.body})`),
    index("posts_title_trgm_idx").using("gin", sql`${t.title} gin_trgm_ops`),
  ],
);

/** The accounts a post goes to; a null override means the shared text. */
export const postChannels = pgTable(
  "post_channels",
  {
    postId: uuid("post_id")
      .notNull()
      .references(() => posts.id, { onDelete: "cascade" }),
    channelAccountId: uuid("channel_account_id")
      .notNull()
      .references(() => channelAccounts.id),
    textOverride: text("text_override"),
  },
  (t) => [primaryKey({ columns: [t.postId, t.channelAccountId] })],
);

export const postApprovals = pgTable(
  "post_approvals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    postId: uuid("post_id")
      .notNull()
      .references(() => posts.id, { onDelete: "cascade" }),
    /** The post revision the decision was about; a new submission starts the steps again. */
    revision: integer("revision").notNull(),
    step: integer("step").notNull(),
    decision: text("decision").$type<"approved" | "changes_requested" | "rejected">().notNull(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    comment: text("comment").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("post_approvals_post_idx").on(t.postId)],
);

export type PublicationStatus = "pending" | "sending" | "published" | "failed" | "cancelled";

/**
 * The transactional outbox: written with the post's approval, claimed by workers with
 * FOR UPDATE SKIP LOCKED. The idempotency key (post:account) goes to the connector with every send.
 */
export const publications = pgTable(
  "publications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id),
    postId: uuid("post_id")
      .notNull()
      .references(() => posts.id),
    channelAccountId: uuid("channel_account_id")
      .notNull()
      .references(() => channelAccounts.id),
    idempotencyKey: text("idempotency_key").notNull().unique(),
    status: text("status").$type<PublicationStatus>().notNull().default("pending"),
    dueAt: timestamp("due_at", { withTimezone: true }).notNull(),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull(),
    /** While sending: until when the claiming worker owns it; after that it is recovered. */
    leaseUntil: timestamp("lease_until", { withTimezone: true }),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    lastErrorKind: text("last_error_kind"),
    externalId: text("external_id"),
    externalUrl: text("external_url"),
    /** The posts after the first where the post went out as a thread, in order. */
    partExternalIds: jsonb("part_external_ids").$type<string[]>().notNull().default([]),
    /** Taken down again: when, and what the channel answered ("done", "not_supported", "failed: …"). */
    retractedAt: timestamp("retracted_at", { withTimezone: true }),
    retractOutcome: text("retract_outcome"),
    /** When the connector was first handed the post, and when it confirmed. */
    handedOverAt: timestamp("handed_over_at", { withTimezone: true }),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("publications_claim_idx").on(t.status, t.nextAttemptAt),
    index("publications_post_idx").on(t.postId),
    // The Veröffentlichung report (per organisation and time) and the counters' refresh (per account and time).
    index("publications_org_published_idx").on(t.orgId, t.publishedAt),
    index("publications_account_published_idx").on(t.channelAccountId, t.publishedAt),
    // Ingestion finds the post a citizen's message reacts to by the item it answers (inbound_messages.post_id).
    index("publications_channel_external_idx").on(t.channelAccountId, t.externalId),
    // Without the pending list: ingestion asks it for every id no publication has, and a search reads the whole
    // pending list, which only a vacuum empties (never on PGlite) — publications are written too rarely to need it.
    index("publications_part_external_idx")
      .using("gin", sql`${t.partExternalIds} jsonb_path_ops`)
      .with({ fastupdate: false }),
  ],
);
