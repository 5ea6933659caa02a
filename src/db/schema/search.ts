// The one search's message index, kept off the ingestion path: ingestion only inserts the message; a worker
// job (app/search/index-messages.ts) reads the messages written since its watermark in batches and writes
// their German text vectors here. Hidden and deleted messages drop out (trigger in migration 0072), a changed
// text is indexed again, and a deleted message takes its row with it (cascade).
import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { inboundMessages } from "./inbox.js";
import { tsvector } from "./knowledge.js";
import { organisations } from "./org.js";

export const messageSearch = pgTable(
  "message_search",
  {
    messageId: uuid("message_id")
      .primaryKey()
      .references(() => inboundMessages.id, { onDelete: "cascade" }),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id),
    conversationId: uuid("conversation_id").notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull(),
    /** to_tsvector('draht_german', text): German stems, umlauts folded. */
    search: tsvector("search").notNull(),
  },
  (t) => [
    index("message_search_search_idx").using("gin", t.search),
    index("message_search_conversation_idx").on(t.conversationId),
  ],
);

/** How far each background index has read its source: messages written (created_at) up to `indexedUntil`. */
export const searchIndexWatermarks = pgTable("search_index_watermarks", {
  name: text("name").primaryKey(),
  indexedUntil: timestamp("indexed_until", { withTimezone: true }).notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
});
