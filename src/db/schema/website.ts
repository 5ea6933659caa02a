// The citizen-facing side of the website channel: the organisation's public settings, citizens'
// sessions (a random token, no personal data), their comments, polls and votes, and the short-lived
// anti-spam records (salted hashes only, deleted after days).
import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { TModerationTrail } from "../../domain/moderation/pipeline.js";
import type { TCommentStatus } from "../../domain/website/commentStatus.js";
import type { TPreModeration } from "../../domain/website/publicSettings.js";
import type { TResultsVisibility } from "../../domain/website/poll.js";
import { websiteEntries } from "./channels.js";
import { mediaAssets } from "./media.js";
import { netiquettes } from "./netiquette.js";
import { organisations } from "./org.js";
import { users } from "./people.js";

export const websiteSettings = pgTable("website_settings", {
  orgId: uuid("org_id")
    .primaryKey()
    .references(() => organisations.id),
  impressumUrl: text("impressum_url"),
  privacyUrl: text("privacy_url"),
  preModeration: text("pre_moderation").$type<TPreModeration>().notNull().default("none"),
  commentsOpen: boolean("comments_open").notNull().default(true),
  /** Days after which a comment's author data is removed; the text stays as "Anonym". */
  retentionDays: integer("retention_days").notNull().default(365),
  /** Sites allowed to embed the widget (CORS origins), e.g. "https://www.musterstadt.de". */
  embedOrigins: jsonb("embed_origins").$type<string[]>().notNull().default([]),
  accentColor: text("accent_color").notNull().default("#0b5394"),
  /** How staff answers are labelled: "Antwort der Stadtverwaltung". */
  answerLabel: text("answer_label").notNull().default("Antwort der Verwaltung"),
  /** Whether the public transparency page (/p/<slug>/transparenz) is shown: opt-in. */
  transparencyPage: boolean("transparency_page").notNull().default(false),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const citizenSessions = pgTable(
  "citizen_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id),
    /** SHA-256 of the bearer token the citizen's browser holds; the token itself is never stored. */
    tokenHash: text("token_hash").notNull().unique(),
    netiquetteId: uuid("netiquette_id").references(() => netiquettes.id),
    netiquetteAcceptedAt: timestamp("netiquette_accepted_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("citizen_sessions_last_seen_idx").on(t.lastSeenAt)],
);

export const websiteComments = pgTable(
  "website_comments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id),
    entryId: uuid("entry_id")
      .notNull()
      .references(() => websiteEntries.id),
    /** Replies nest one level: a reply's parent is always a top-level comment. */
    parentId: uuid("parent_id"),
    /**
     * An automatic acknowledgement of this citizen comment ("Wir haben Ihre Nachricht erhalten …"): it is
     * for the person who asked, so only the session that wrote that comment sees it, and nobody once the
     * comment or its session is gone.
     */
    acknowledgesCommentId: uuid("acknowledges_comment_id"),
    authorKind: text("author_kind").$type<"citizen" | "staff">().notNull(),
    displayName: text("display_name").notNull(),
    staffUserId: uuid("staff_user_id").references(() => users.id, { onDelete: "set null" }),
    text: text("text").notNull(),
    status: text("status").$type<TCommentStatus>().notNull(),
    moderation: jsonb("moderation").$type<TModerationTrail>().notNull().default([]),
    netiquetteId: uuid("netiquette_id").references(() => netiquettes.id),
    sessionId: uuid("session_id").references(() => citizenSessions.id, { onDelete: "set null" }),
    /** For duplicate detection: SHA-256 of the normalised text. */
    contentHash: text("content_hash").notNull(),
    email: text("email"),
    emailTokenHash: text("email_token_hash"),
    emailConfirmedAt: timestamp("email_confirmed_at", { withTimezone: true }),
    deleteTokenHash: text("delete_token_hash"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
    anonymisedAt: timestamp("anonymised_at", { withTimezone: true }),
  },
  (t) => [
    index("website_comments_entry_idx").on(t.entryId, t.createdAt),
    index("website_comments_org_created_idx").on(t.orgId, t.createdAt),
    index("website_comments_hash_idx").on(t.contentHash, t.createdAt),
    // The two reads of a public thread: a page of top-level comments in order, then their replies.
    index("website_comments_thread_idx")
      .on(t.entryId, t.createdAt, t.id)
      .where(sql`${t.parentId} is null`),
    index("website_comments_parent_idx")
      .on(t.parentId, t.createdAt)
      .where(sql`${t.parentId} is not null`),
    index("website_comments_session_idx").on(t.sessionId),
    index("website_comments_acknowledges_idx")
      .on(t.acknowledgesCommentId)
      .where(sql`${t.acknowledgesCommentId} is not null`),
  ],
);

/**
 * The media a website entry was published with, in order. The public pages show and serve only these:
 * a library item reaches citizens by being published, never by its id alone.
 */
export const websiteEntryMedia = pgTable(
  "website_entry_media",
  {
    entryId: uuid("entry_id")
      .notNull()
      .references(() => websiteEntries.id),
    mediaId: uuid("media_id")
      .notNull()
      .references(() => mediaAssets.id),
    position: integer("position").notNull(),
  },
  (t) => [primaryKey({ columns: [t.entryId, t.mediaId] }), index("website_entry_media_media_idx").on(t.mediaId)],
);

export const websitePolls = pgTable("website_polls", {
  id: uuid("id").primaryKey().defaultRandom(),
  entryId: uuid("entry_id")
    .notNull()
    .unique()
    .references(() => websiteEntries.id),
  question: text("question").notNull(),
  options: jsonb("options").$type<string[]>().notNull(),
  endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
  resultsVisibility: text("results_visibility").$type<TResultsVisibility>().notNull(),
});

export const websitePollVotes = pgTable(
  "website_poll_votes",
  {
    pollId: uuid("poll_id")
      .notNull()
      .references(() => websitePolls.id),
    /** HMAC of the poll and the citizen's session under the instance secret: one vote each, not reversible. */
    voterToken: text("voter_token").notNull(),
    optionIndex: integer("option_index").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.pollId, t.voterToken] })],
);

/** One row per counted public action, keyed by a salted hash of the IP or by the session; kept 7 days at most. */
export const publicRateEvents = pgTable(
  "public_rate_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    bucket: text("bucket").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull(),
  },
  (t) => [index("public_rate_events_bucket_idx").on(t.bucket, t.at), index("public_rate_events_at_idx").on(t.at)],
);

/** Proof-of-work challenges already redeemed, until they would have expired anyway. */
export const usedChallenges = pgTable("used_challenges", {
  challengeHash: text("challenge_hash").primaryKey(),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
});

/** Secrets the instance creates for itself on first use (HMAC keys), so a fresh install needs no setup. */
export const instanceSecrets = pgTable("instance_secrets", {
  name: text("name").primaryKey(),
  value: text("value").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * E-mails draht wants to send (confirmation of an address, notice of an answer, the automatic
 * acknowledgement of a question). Delivery belongs to the
 * e-mail channel; until one is configured they wait here and nothing leaves the machine.
 */
export const emailOutbox = pgTable(
  "email_outbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id),
    toAddress: text("to_address").notNull(),
    purpose: text("purpose").$type<"confirm_address" | "answer_notice" | "acknowledgement">().notNull(),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (t) => [index("email_outbox_unsent_idx").on(t.sentAt, t.createdAt)],
);
