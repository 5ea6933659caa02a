// Rollups for the Veröffentlichung report, kept by triggers in the transaction of every change to a publication,
// its counters or its post (migration publishing_rollups), so the report reads days instead of a year of
// publications. Days are calendar days in the organisation's time zone. Counts and sums only, no personal data.
import { date, index, integer, pgTable, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { publications } from "./posts.js";
import { orgIdColumn, placeColumns } from "./reports.js";

/**
 * Publications per day × channel account × the post's department and campaign: those published (on the day they
 * went out) with the reactions the networks last reported for them, and those that failed for good (on the day
 * they were due). fetched_at: the latest reading of the counters of the row's publications (it only grows: a
 * publication moved away leaves its reading behind, the next round of the worker is later anyway).
 */
export const publicationDailyRollups = pgTable(
  "publication_daily_rollups",
  {
    orgId: orgIdColumn(),
    day: date("day", { mode: "string" }).notNull(),
    /** Not foreign keys: a department or campaign removed later keeps its history. */
    ...placeColumns(),
    campaignId: uuid("campaign_id"),
    published: integer("published").notNull().default(0),
    failed: integer("failed").notNull().default(0),
    likes: integer("likes").notNull().default(0),
    reposts: integer("reposts").notNull().default(0),
    replies: integer("replies").notNull().default(0),
    fetchedAt: timestamp("fetched_at", { withTimezone: true }),
  },
  (t) => [
    unique("publication_daily_rollups_key")
      .on(t.orgId, t.day, t.channelAccountId, t.departmentId, t.campaignId)
      .nullsNotDistinct(),
  ],
);

/**
 * Posts that went out, so that a post on several channel accounts counts once: per day × department × campaign ×
 * the set of channel accounts it went out on that day (sorted), how many posts. A post whose publications went out
 * on more than one day has a row of its own per day (post_id set), so the report counts it once over the days.
 */
export const publishedPostRollups = pgTable(
  "published_post_rollups",
  {
    orgId: orgIdColumn(),
    day: date("day", { mode: "string" }).notNull(),
    departmentId: uuid("department_id"),
    campaignId: uuid("campaign_id"),
    channelAccountIds: uuid("channel_account_ids").array().notNull(),
    postId: uuid("post_id"),
    posts: integer("posts").notNull().default(0),
  },
  (t) => [
    unique("published_post_rollups_key")
      .on(t.orgId, t.day, t.departmentId, t.campaignId, t.channelAccountIds, t.postId)
      .nullsNotDistinct(),
  ],
);

/**
 * Each publication that is out, with its post's department and campaign and the reactions the networks last
 * reported for it (likes + reposts + replies; null before the first reading), so the report ranks the posts with
 * most reactions from one narrow table instead of publications ⋈ posts ⋈ publication_metrics. By the instant it
 * went out (not a day), so a change of time zone moves nothing.
 */
export const publicationReactions = pgTable(
  "publication_reactions",
  {
    publicationId: uuid("publication_id")
      .primaryKey()
      .references(() => publications.id, { onDelete: "cascade" }),
    orgId: orgIdColumn(),
    postId: uuid("post_id").notNull(),
    ...placeColumns(),
    campaignId: uuid("campaign_id"),
    publishedAt: timestamp("published_at", { withTimezone: true }).notNull(),
    reactions: integer("reactions"),
  },
  // The report's read, (org, published_at), is a covering index made in the triggers' migration (INCLUDE).
  (t) => [index("publication_reactions_post_idx").on(t.postId)],
);

/**
 * Each post that is out, summed over its publications (from publication_reactions, by a trigger on it): when its
 * first and last publication went out, the reactions of all of them (null before the first reading) and when the
 * last one with a reading went out. A post wholly inside a report's period ranks by these alone, so the posts with
 * most reactions are read from the top of an index; the few posts out over a period's edge are summed from
 * publication_reactions (app/reports/topPosts.ts).
 */
export const postReactions = pgTable(
  "post_reactions",
  {
    postId: uuid("post_id").primaryKey(),
    orgId: orgIdColumn(),
    departmentId: uuid("department_id"),
    campaignId: uuid("campaign_id"),
    firstPublishedAt: timestamp("first_published_at", { withTimezone: true }).notNull(),
    lastPublishedAt: timestamp("last_published_at", { withTimezone: true }).notNull(),
    reactions: integer("reactions"),
    lastReadPublishedAt: timestamp("last_read_published_at", { withTimezone: true }),
  },
  // The ranking's index (reactions descending) and the partial one of posts out at more than one instant are made
  // in the triggers' migration (INCLUDE, DESC).
);
