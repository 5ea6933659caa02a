// The public counters a network reports for the organisation's own published items (Mastodon favourites,
// boosts and replies; Bluesky likes, reposts and replies; comments on the own website), the latest reading
// per publication. Refreshed by the worker (app/publishing/refresh-publication-metrics.ts), read by the
// Veröffentlichung report. The organisation's own content, no personal data: counts only.
import { index, integer, pgTable, timestamp, uuid } from "drizzle-orm/pg-core";
import { channelAccounts } from "./channels.js";
import { organisations } from "./org.js";
import { publications } from "./posts.js";

export const publicationMetrics = pgTable(
  "publication_metrics",
  {
    publicationId: uuid("publication_id")
      .primaryKey()
      .references(() => publications.id, { onDelete: "cascade" }),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id),
    channelAccountId: uuid("channel_account_id")
      .notNull()
      .references(() => channelAccounts.id),
    /** Favourites (Mastodon), likes (Bluesky). */
    likes: integer("likes").notNull().default(0),
    /** Boosts (Mastodon), reposts (Bluesky). */
    reposts: integer("reposts").notNull().default(0),
    /** Replies (Mastodon, Bluesky), comments (website). */
    replies: integer("replies").notNull().default(0),
    /** When the network last reported the counters. */
    fetchedAt: timestamp("fetched_at", { withTimezone: true }),
    /** When the network last said it no longer has the item (deleted there); the last counters stay. */
    goneAt: timestamp("gone_at", { withTimezone: true }),
    /** When the worker asks again: soon for new items, more and more rarely for older ones. */
    nextFetchAt: timestamp("next_fetch_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("publication_metrics_due_idx").on(t.channelAccountId, t.nextFetchAt)],
);
