// Guidelines (Richtlinien): versioned per organisation, a readable document plus machine-checked rules,
// with an owner and a review-by date; staff acknowledge the active version before they submit posts.
import {
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { TGuidelineRules } from "../../domain/guidelineRules.js";
import { organisations } from "./org.js";
import { users } from "./people.js";

export const guidelines = pgTable(
  "guidelines",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id),
    version: integer("version").notNull(),
    title: text("title").notNull(),
    /** The human-readable guideline (Markdown). */
    document: text("document").notNull(),
    rules: jsonb("rules").$type<TGuidelineRules>().notNull(),
    /** draft → active → superseded; exactly one active version per organisation. */
    status: text("status").$type<"draft" | "active" | "superseded">().notNull().default("draft"),
    ownerUserId: uuid("owner_user_id").references(() => users.id, { onDelete: "set null" }),
    reviewBy: date("review_by", { mode: "string" }).notNull(),
    createdByUserId: uuid("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    activatedAt: timestamp("activated_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("guidelines_org_version_unique").on(t.orgId, t.version),
    index("guidelines_org_status_idx").on(t.orgId, t.status),
  ],
);

export const guidelineAcknowledgements = pgTable(
  "guideline_acknowledgements",
  {
    guidelineId: uuid("guideline_id")
      .notNull()
      .references(() => guidelines.id),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    acknowledgedAt: timestamp("acknowledged_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.guidelineId, t.userId] })],
);

/** One notice per guideline, day and state: the daily review check warns once, however often it runs. */
export const guidelineReviewNotices = pgTable(
  "guideline_review_notices",
  {
    guidelineId: uuid("guideline_id")
      .notNull()
      .references(() => guidelines.id),
    day: date("day", { mode: "string" }).notNull(),
    state: text("state").$type<"due_soon" | "overdue">().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.guidelineId, t.day] })],
);
