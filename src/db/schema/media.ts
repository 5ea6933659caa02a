// The media library: images and short videos with their alternative text or captions (BITV 2.0), the
// rights to use them and the consent of people shown. Content and thumbnails live in the database, so
// every process (web, workers) sees the same files on PGlite and on a server.
import { boolean, customType, index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { departments, organisations } from "./org.js";
import { users } from "./people.js";
import { conversationReplies } from "./conversations.js";
import { posts } from "./posts.js";

/** Binary content (files live in the database, so every process sees the same ones). */
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

export type ConsentStatus = "not_needed" | "obtained" | "missing";

export const mediaAssets = pgTable(
  "media_assets",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id),
    /** The department whose file it is; null: the whole organisation's (used by all, changed by people without a department limit). */
    departmentId: uuid("department_id").references(() => departments.id, { onDelete: "set null" }),
    kind: text("kind").$type<"image" | "video">().notNull(),
    /** As detected from the content, never from the file name. */
    mimeType: text("mime_type").notNull(),
    fileName: text("file_name").notNull(),
    byteSize: integer("byte_size").notNull(),
    width: integer("width"),
    height: integer("height"),
    durationSeconds: integer("duration_seconds"),
    sha256: text("sha256").notNull(),
    content: bytea("content").notNull(),
    thumbnail: bytea("thumbnail"),
    altText: text("alt_text"),
    hasCaptions: boolean("has_captions").notNull().default(false),
    hasTranscript: boolean("has_transcript").notNull().default(false),
    rightsHolder: text("rights_holder").notNull().default(""),
    licence: text("licence").notNull().default(""),
    consent: text("consent").$type<ConsentStatus>().notNull().default("not_needed"),
    consentNote: text("consent_note").notNull().default(""),
    uploadedByUserId: uuid("uploaded_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("media_assets_org_idx").on(t.orgId, t.createdAt)],
);

export const postMedia = pgTable(
  "post_media",
  {
    postId: uuid("post_id")
      .notNull()
      .references(() => posts.id, { onDelete: "cascade" }),
    mediaId: uuid("media_id")
      .notNull()
      .references(() => mediaAssets.id),
    position: integer("position").notNull(),
  },
  (t) => [primaryKey({ columns: [t.postId, t.mediaId] })],
);

/**
 * Files of the media library sent with an answer from the inbox (WhatsApp, e-mail …), in order. The library's item
 * stays referenced: a file an answer carried is kept as long as the answer.
 */
export const conversationReplyMedia = pgTable(
  "conversation_reply_media",
  {
    replyId: uuid("reply_id")
      .notNull()
      .references(() => conversationReplies.id, { onDelete: "cascade" }),
    mediaId: uuid("media_id")
      .notNull()
      .references(() => mediaAssets.id),
    position: integer("position").notNull(),
  },
  (t) => [primaryKey({ columns: [t.replyId, t.mediaId] }), index("conversation_reply_media_media_idx").on(t.mediaId)],
);
