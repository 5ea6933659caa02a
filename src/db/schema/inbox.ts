// Inbound messages: everything citizens send to the organisation on any channel (comments, replies,
// mentions, direct messages), in one model, unique per channel account and external id. The website
// channel is the first connector to deliver here; the inbox (conversations, SLA) builds on this table.
import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgTable, real, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { Intent } from "../../text/analysis.js";
import type { TInboundKind, TInboundMedia, TInboundVisibility } from "../../domain/inbound.js";
import { channelAccounts } from "./channels.js";
import { conversations } from "./conversations.js";
import { bytea } from "./media.js";
import { organisations } from "./org.js";

export const inboundMessages = pgTable(
  "inbound_messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id),
    channelAccountId: uuid("channel_account_id")
      .notNull()
      .references(() => channelAccounts.id),
    externalId: text("external_id").notNull(),
    /** The conversation (Vorgang) the message was threaded into. */
    conversationId: uuid("conversation_id").references(() => conversations.id),
    kind: text("kind").$type<TInboundKind>().notNull(),
    authorHandle: text("author_handle").notNull(),
    authorName: text("author_name").notNull(),
    text: text("text").notNull(),
    language: text("language"),
    /** The published item (our post) the message is under, and the message it answers, as the network names them. */
    threadExternalId: text("thread_external_id"),
    inReplyToExternalId: text("in_reply_to_external_id"),
    /**
     * The post the message reacts to, resolved at ingestion: one of our publications on the same channel
     * account is its thread's root or the item it answers (or the message it answers reacts to that post).
     * No foreign key, like the rollups: a post is never deleted once published.
     */
    postId: uuid("post_id"),
    visibility: text("visibility").$type<TInboundVisibility>().notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull(),
    media: jsonb("media").$type<TInboundMedia[]>().notNull().default([]),
    /** The text analysis at ingestion: intent, sentiment, moderation flag and the full result with reasons. */
    intent: text("intent").$type<Intent>().notNull().default("other"),
    sentiment: real("sentiment").notNull().default(0),
    flagged: boolean("flagged").notNull().default(false),
    /** What it is about: the keys of its key terms (text/keyTerms.ts), counted by the topic rollups. */
    topics: text("topics")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** How the text wrote each of them ("Kita-Plätze" for "kita-platz"), in the same order. */
    topicLabels: text("topic_labels")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    analysis: jsonb("analysis").$type<Record<string, unknown>>(),
    /** The connector's payload as received, for evidence and re-processing. */
    raw: jsonb("raw").$type<Record<string, unknown>>().notNull(),
    /** When the citizen last changed the text on the network (earlier versions in inbound_message_edits). */
    editedAt: timestamp("edited_at", { withTimezone: true }),
    /** When draht last asked the network whether the item still exists (networks that do not report deletions). */
    remoteCheckedAt: timestamp("remote_checked_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("inbound_messages_channel_external_unique").on(t.channelAccountId, t.externalId),
    index("inbound_messages_org_received_idx").on(t.orgId, t.receivedAt),
    // The search index job reads the messages written since its watermark (app/search/index-messages.ts). BRIN,
    // not a btree: rows are appended in the order they are written, so block ranges cost ingestion next to nothing.
    // The job summarises new ranges after each run (PGlite has no autovacuum to do it).
    index("inbound_messages_created_brin")
      .using("brin", t.createdAt)
      .with({ pages_per_range: 32, autosummarize: true }),
    index("inbound_messages_conversation_idx").on(t.conversationId, t.receivedAt),
    // Moderation: messages of one author lately (flooding), and the same text elsewhere (copy-and-paste spam).
    index("inbound_messages_author_recent_idx").on(t.channelAccountId, t.authorHandle, t.receivedAt),
    index("inbound_messages_text_hash_idx").on(t.orgId, sql`md5(${t.text})`),
    // Example messages of a topic in the Themen report.
    index("inbound_messages_topics_idx").using("gin", t.topics),
    // The messages that reacted to one post (nullable: most direct messages and mentions react to none).
    index("inbound_messages_post_idx")
      .on(t.postId)
      .where(sql`${t.postId} is not null`),
  ],
);

/**
 * Earlier versions of a message the citizen edited on the network, append-only: what the text said before
 * each change, and the payload it came with — the inbox shows them, evidence packages include them.
 */
export const inboundMessageEdits = pgTable(
  "inbound_message_edits",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id),
    inboundMessageId: uuid("inbound_message_id")
      .notNull()
      .references(() => inboundMessages.id),
    previousText: text("previous_text").notNull(),
    previousRaw: jsonb("previous_raw").$type<Record<string, unknown>>().notNull(),
    replacedAt: timestamp("replaced_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("inbound_message_edits_message_idx").on(t.inboundMessageId, t.replacedAt)],
);

/**
 * Files a citizen sent with a message (an e-mail's attachments). They are the citizen's, not the organisation's:
 * kept with the message and deleted with it, offered as downloads to those who may read its conversation, never
 * shown inline and never in the media library's choice for publishing.
 */
export const inboundAttachments = pgTable(
  "inbound_attachments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id),
    inboundMessageId: uuid("inbound_message_id")
      .notNull()
      .references(() => inboundMessages.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    /** As the citizen named it (shown, and offered as the download's name). */
    fileName: text("file_name").notNull(),
    /** As detected from the content; application/octet-stream where nothing is recognised. */
    mimeType: text("mime_type").notNull(),
    /** As the sender declared it (the detected type decides how it is served). */
    declaredMimeType: text("declared_mime_type").notNull(),
    byteSize: integer("byte_size").notNull(),
    sha256: text("sha256").notNull(),
    content: bytea("content").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("inbound_attachments_message_idx").on(t.inboundMessageId, t.position)],
);
