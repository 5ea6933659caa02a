// Continuity of the inbox: the coverage plan (who looks after which channel account when, and who
// deputises) and absences (holidays, illness) that take people out of it for whole days.
import { date, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { CoverageRole } from "../../domain/coverage.js";
import type { TWeeklyWindow } from "../../domain/schedule.js";
import { channelAccounts } from "./channels.js";
import { organisations } from "./org.js";
import { users } from "./people.js";

export const coverageAssignments = pgTable(
  "coverage_assignments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id),
    channelAccountId: uuid("channel_account_id")
      .notNull()
      .references(() => channelAccounts.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role").$type<CoverageRole>().notNull(),
    window: jsonb("window").$type<TWeeklyWindow>(),
  },
  (t) => [index("coverage_assignments_org_idx").on(t.orgId, t.channelAccountId)],
);

export const absences = pgTable(
  "absences",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    startsOn: date("starts_on").notNull(),
    endsOn: date("ends_on").notNull(),
    note: text("note").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("absences_org_idx").on(t.orgId, t.endsOn)],
);

/** The last idle-channel warning per channel account, so a quiet account is reported once per period. */
export const channelIdleWarnings = pgTable("channel_idle_warnings", {
  channelAccountId: uuid("channel_account_id")
    .primaryKey()
    .references(() => channelAccounts.id, { onDelete: "cascade" }),
  warnedAt: timestamp("warned_at", { withTimezone: true }).notNull(),
});
