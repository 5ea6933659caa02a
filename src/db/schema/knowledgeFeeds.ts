// Knowledge shared between installations as signed feeds. The publisher's side: one Ed25519 key per
// organisation (the private half sealed like channel credentials) and each revision of a collection's feed,
// signed once and served as stored. The subscriber's side: a subscription by address and fingerprint, the
// items of the last feed that verified (with each version received, for the diff), and the copies adopted.
import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { FeedProblem } from "../../domain/knowledge/feed.js";
import type { SharedItemDetails, SharedItemKind } from "../../domain/knowledge/sharing.js";
import { knowledgeCollections } from "./knowledgeSharing.js";
import { organisations } from "./org.js";
import { users } from "./people.js";

export const orgSigningKeys = pgTable("org_signing_keys", {
  orgId: uuid("org_id")
    .primaryKey()
    .references(() => organisations.id),
  /** The raw 32-byte Ed25519 public key, base64url. */
  publicKey: text("public_key").notNull(),
  /** The private key (PKCS#8 DER, base64), sealed by the credential vault (JSON), bound to the organisation. */
  sealedPrivateKey: text("sealed_private_key").notNull(),
  /** SHA-256 of the public key in groups of four hex digits, as people compare it. */
  fingerprint: text("fingerprint").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
});

export const knowledgeFeedRevisions = pgTable(
  "knowledge_feed_revisions",
  {
    collectionId: uuid("collection_id")
      .notNull()
      .references(() => knowledgeCollections.id, { onDelete: "cascade" }),
    revision: integer("revision").notNull(),
    /** SHA-256 of the content's canonical JSON: the next request makes a new revision only when it differs. */
    contentHash: text("content_hash").notNull(),
    /** The signed document as served. */
    document: text("document").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.collectionId, t.revision] })],
);

export const knowledgeFeedSubscriptions = pgTable(
  "knowledge_feed_subscriptions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id),
    url: text("url").notNull(),
    /** The fingerprint the subscriber was told out of band; every fetch must be signed by this key. */
    fingerprint: text("fingerprint").notNull(),
    /**
     * The publisher's collection this address served when subscribing: the same key signs all of the
     * organisation's collections, so another of them served here is refused (wrong_collection).
     */
    collectionId: uuid("collection_id"),
    /** From the last feed that verified. */
    publisherName: text("publisher_name").notNull(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    revision: integer("revision").notNull(),
    contentHash: text("content_hash").notNull(),
    etag: text("etag"),
    lastGoodAt: timestamp("last_good_at", { withTimezone: true }).notNull(),
    lastCheckedAt: timestamp("last_checked_at", { withTimezone: true }).notNull(),
    nextCheckAt: timestamp("next_check_at", { withTimezone: true }).notNull(),
    /** The last fetch was refused (the last good version stays in use); null once one verifies again. */
    problem: text("problem").$type<FeedProblem>(),
    problemDetail: text("problem_detail"),
    problemSince: timestamp("problem_since", { withTimezone: true }),
    /** The publisher stopped the feed (410 Gone). */
    withdrawnAt: timestamp("withdrawn_at", { withTimezone: true }),
    createdByUserId: uuid("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    /** Ended by the subscriber: no longer fetched or listed; adopted copies keep their origin. */
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("knowledge_feed_subscriptions_url_unique")
      .on(t.orgId, t.url)
      .where(sql`cancelled_at IS NULL`),
    index("knowledge_feed_subscriptions_due_idx")
      .on(t.nextCheckAt)
      .where(sql`cancelled_at IS NULL`),
  ],
);

export const knowledgeFeedItems = pgTable(
  "knowledge_feed_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    subscriptionId: uuid("subscription_id")
      .notNull()
      .references(() => knowledgeFeedSubscriptions.id),
    /** The item's id in the publishing installation. */
    remoteId: uuid("remote_id").notNull(),
    kind: text("kind").$type<SharedItemKind>().notNull(),
    version: integer("version").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull(),
    tags: text("tags")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    details: jsonb("details").$type<SharedItemDetails>().notNull().default({}),
    /** When its publisher last checked it. */
    checkedAt: timestamp("checked_at", { withTimezone: true }).notNull(),
    /** No longer in the feed. */
    withdrawnAt: timestamp("withdrawn_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("knowledge_feed_items_remote_unique").on(t.subscriptionId, t.remoteId)],
);

export const knowledgeFeedItemVersions = pgTable(
  "knowledge_feed_item_versions",
  {
    itemId: uuid("item_id")
      .notNull()
      .references(() => knowledgeFeedItems.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull(),
    tags: text("tags")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    details: jsonb("details").$type<SharedItemDetails>().notNull().default({}),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.itemId, t.version] })],
);

/** The subscribing organisation's copy of a feed item (as knowledge_adoptions for items of this installation). */
export const knowledgeFeedAdoptions = pgTable(
  "knowledge_feed_adoptions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id),
    itemId: uuid("item_id")
      .notNull()
      .references(() => knowledgeFeedItems.id),
    targetId: uuid("target_id").notNull(),
    adoptedVersion: integer("adopted_version").notNull(),
    declinedVersion: integer("declined_version"),
    adoptedByUserId: uuid("adopted_by_user_id").references(() => users.id, { onDelete: "set null" }),
    adoptedAt: timestamp("adopted_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex("knowledge_feed_adoptions_item_unique").on(t.itemId),
    index("knowledge_feed_adoptions_target_idx").on(t.orgId, t.targetId),
  ],
);
