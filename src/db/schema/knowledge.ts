// The knowledge base (Wissen): articles an organisation's departments keep, each version kept with its author,
// internal comments with mentions, and which answers used which article. Searched in German: a tsvector
// over title and text (the `draht_german` configuration: German stems, umlauts folded) and trigrams on the
// title for typing errors.
import { sql } from "drizzle-orm";
import { customType, date, index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { ArticleStatus } from "../../domain/knowledge/articleWorkflow.js";
import { conversationReplies } from "./conversations.js";
import { departments, organisations } from "./org.js";
import { users } from "./people.js";

/** A PostgreSQL tsvector; only ever written by the database (generated columns), read in queries. */
export const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

export const knowledgeArticles = pgTable(
  "knowledge_articles",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id),
    /** The owning department; null: the whole organisation's (changed only by people not limited to departments). */
    departmentId: uuid("department_id").references(() => departments.id, { onDelete: "set null" }),
    /** The person accountable for the content (reminded of its review). */
    ownerUserId: uuid("owner_user_id").references(() => users.id, { onDelete: "set null" }),
    title: text("title").notNull(),
    /** Markdown; images from the media library as `![Beschreibung](media:<id>)`. */
    body: text("body").notNull(),
    tags: text("tags")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    status: text("status").$type<ArticleStatus>().notNull().default("draft"),
    /** After this day the content is no longer valid (e.g. a fee table of one year): not suggested, listed for cleanup. */
    validUntil: date("valid_until", { mode: "string" }),
    /** The owner is reminded from 14 days before this day. */
    reviewBy: date("review_by", { mode: "string" }).notNull(),
    /** The current version (knowledge_article_versions holds every one). */
    version: integer("version").notNull().default(1),
    /** Counts every save (text or details): a save written on an older revision is an edit conflict. */
    revision: integer("revision").notNull().default(1),
    createdByUserId: uuid("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    search: tsvector("search")
      .notNull()
      .generatedAlwaysAs(
        sql`setweight(to_tsvector('draht_german'::regconfig, title), 'A') || setweight(to_tsvector('draht_german'::regconfig, body), 'C')`,
      ),
  },
  (t) => [
    index("knowledge_articles_org_status_idx").on(t.orgId, t.status),
    index("knowledge_articles_search_idx").using("gin", t.search),
    index("knowledge_articles_title_trgm_idx").using("gin", sql`${t.title} gin_trgm_ops`),
  ],
);

export const knowledgeArticleVersions = pgTable(
  "knowledge_article_versions",
  {
    articleId: uuid("article_id")
      .notNull()
      .references(() => knowledgeArticles.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull(),
    tags: text("tags").array().notNull(),
    /** What the author said they changed (optional). */
    note: text("note"),
    authorUserId: uuid("author_user_id").references(() => users.id, { onDelete: "set null" }),
    /** The author's name when it was written (kept when the account goes). */
    authorLabel: text("author_label").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.version] })],
);

/** Internal comments on an article (never published), which may mention colleagues. */
export const knowledgeArticleComments = pgTable(
  "knowledge_article_comments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    articleId: uuid("article_id")
      .notNull()
      .references(() => knowledgeArticles.id, { onDelete: "cascade" }),
    authorUserId: uuid("author_user_id").references(() => users.id, { onDelete: "set null" }),
    authorLabel: text("author_label").notNull(),
    text: text("text").notNull(),
    mentionedUserIds: uuid("mentioned_user_ids")
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("knowledge_article_comments_article_idx").on(t.articleId, t.createdAt)],
);

/** Which answer drew on which article (chosen from the suggestions or cited by a template). */
export const knowledgeArticleUses = pgTable(
  "knowledge_article_uses",
  {
    articleId: uuid("article_id")
      .notNull()
      .references(() => knowledgeArticles.id, { onDelete: "cascade" }),
    replyId: uuid("reply_id")
      .notNull()
      .references(() => conversationReplies.id, { onDelete: "cascade" }),
    usedAt: timestamp("used_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.replyId] }), index("knowledge_article_uses_reply_idx").on(t.replyId)],
);

/** One review notice per article, day and state: the hourly check reminds once a day, however often it runs. */
export const knowledgeReviewNotices = pgTable(
  "knowledge_review_notices",
  {
    articleId: uuid("article_id")
      .notNull()
      .references(() => knowledgeArticles.id, { onDelete: "cascade" }),
    day: date("day", { mode: "string" }).notNull(),
    state: text("state").$type<"due_soon" | "overdue">().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.day] })],
);

/**
 * The answers staff wrote to citizens' questions, kept as pairs (the question as the citizen put it, the
 * answer's text) for suggesting earlier answers to similar questions: one row per answer, written when the
 * answer is (offered to the channel), searched by the question's key terms and German stems. Small beside the
 * messages (one row per answer, not per message), so ingestion carries no search index for it.
 */
export const answeredQuestions = pgTable(
  "answered_questions",
  {
    replyId: uuid("reply_id")
      .primaryKey()
      .references(() => conversationReplies.id, { onDelete: "cascade" }),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id),
    conversationId: uuid("conversation_id").notNull(),
    /** The citizen's latest messages before the answer (up to 1,000 characters). */
    question: text("question").notNull(),
    /** Their key terms (text/keyTerms.ts), as inbound_messages.topics holds them. */
    topics: text("topics")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    search: tsvector("search")
      .notNull()
      .generatedAlwaysAs(sql`to_tsvector('draht_german'::regconfig, question)`),
  },
  (t) => [
    index("answered_questions_topics_idx").using("gin", t.topics),
    index("answered_questions_search_idx").using("gin", t.search),
    index("answered_questions_org_created_idx").on(t.orgId, t.createdAt),
    // Forgetting a conversation's remembered questions (the trigger of migration 0068) finds them by conversation.
    index("answered_questions_conversation_idx").on(t.conversationId),
  ],
);
