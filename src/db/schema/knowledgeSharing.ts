// Knowledge shared between organisations of one installation (a Landkreis and its Gemeinden): an
// organisation publishes collections of items (articles, Textbausteine, its Netiquette) to chosen
// organisations or to all. Each shared item is a snapshot, versioned when its owner shares a new text;
// receivers read it, adopt a copy that remembers its origin and version, and are told of newer versions.
import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { SharedItemDetails, SharedItemKind, CollectionAudience } from "../../domain/knowledge/sharing.js";
import { organisations } from "./org.js";
import { users } from "./people.js";

export const knowledgeCollections = pgTable(
  "knowledge_collections",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** The publishing organisation. */
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    /** "all": every organisation of the installation; "chosen": those in knowledge_collection_receivers. */
    audience: text("audience").$type<CollectionAudience>().notNull(),
    createdByUserId: uuid("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
    /** No longer shared: receivers no longer see it (their adopted copies stay theirs). */
    withdrawnAt: timestamp("withdrawn_at", { withTimezone: true }),
    /** Published as a signed feed for other installations: the unguessable last part of its address. */
    feedToken: text("feed_token"),
    feedPublishedAt: timestamp("feed_published_at", { withTimezone: true }),
    /** The feed stopped: its address answers 410 Gone (publishing it again reuses the address). */
    feedStoppedAt: timestamp("feed_stopped_at", { withTimezone: true }),
  },
  (t) => [
    index("knowledge_collections_org_idx").on(t.orgId),
    uniqueIndex("knowledge_collections_feed_token_unique").on(t.feedToken),
  ],
);

export const knowledgeCollectionReceivers = pgTable(
  "knowledge_collection_receivers",
  {
    collectionId: uuid("collection_id")
      .notNull()
      .references(() => knowledgeCollections.id, { onDelete: "cascade" }),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id),
  },
  (t) => [
    primaryKey({ columns: [t.collectionId, t.orgId] }),
    index("knowledge_collection_receivers_org_idx").on(t.orgId),
  ],
);

export const knowledgeSharedItems = pgTable(
  "knowledge_shared_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    collectionId: uuid("collection_id")
      .notNull()
      .references(() => knowledgeCollections.id),
    kind: text("kind").$type<SharedItemKind>().notNull(),
    /** The item in the publishing organisation (article, template or Netiquette version; no FK: several kinds). */
    sourceId: uuid("source_id").notNull(),
    /** The shared version (knowledge_shared_item_versions holds every one). */
    version: integer("version").notNull(),
    title: text("title").notNull(),
    /** Markdown, as the receivers read it (a Netiquette's clauses written out). */
    body: text("body").notNull(),
    tags: text("tags")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** What adopting needs beyond title and text (a Netiquette's clauses). */
    details: jsonb("details").$type<SharedItemDetails>().notNull().default({}),
    /** When its owner last checked it: shared it anew or confirmed it unchanged. */
    checkedAt: timestamp("checked_at", { withTimezone: true }).notNull(),
    sharedByUserId: uuid("shared_by_user_id").references(() => users.id, { onDelete: "set null" }),
    withdrawnAt: timestamp("withdrawn_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("knowledge_shared_items_source_unique").on(t.collectionId, t.kind, t.sourceId),
    index("knowledge_shared_items_collection_idx").on(t.collectionId),
  ],
);

export const knowledgeSharedItemVersions = pgTable(
  "knowledge_shared_item_versions",
  {
    itemId: uuid("item_id")
      .notNull()
      .references(() => knowledgeSharedItems.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull(),
    tags: text("tags")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    details: jsonb("details").$type<SharedItemDetails>().notNull().default({}),
    sharedByUserId: uuid("shared_by_user_id").references(() => users.id, { onDelete: "set null" }),
    sharedAt: timestamp("shared_at", { withTimezone: true }).notNull(),
    /** Shared although the check found personal data: who decided, why, and what was found (kinds only). */
    personalDataOverride: jsonb("personal_data_override").$type<{ reason: string; kinds: string[] }>(),
  },
  (t) => [primaryKey({ columns: [t.itemId, t.version] })],
);

/** A receiver's copy of a shared item: which version it took, and which newer version it chose not to take. */
export const knowledgeAdoptions = pgTable(
  "knowledge_adoptions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id),
    itemId: uuid("item_id")
      .notNull()
      .references(() => knowledgeSharedItems.id),
    /** The copy in the receiving organisation (article, template or Netiquette draft). */
    targetId: uuid("target_id").notNull(),
    adoptedVersion: integer("adopted_version").notNull(),
    /** A newer version the receiver looked at and left (not offered again until a still newer one comes). */
    declinedVersion: integer("declined_version"),
    adoptedByUserId: uuid("adopted_by_user_id").references(() => users.id, { onDelete: "set null" }),
    adoptedAt: timestamp("adopted_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex("knowledge_adoptions_org_item_unique").on(t.orgId, t.itemId),
    index("knowledge_adoptions_item_idx").on(t.itemId),
    // The copy's page names its origin.
    index("knowledge_adoptions_target_idx").on(t.orgId, t.targetId),
  ],
);
