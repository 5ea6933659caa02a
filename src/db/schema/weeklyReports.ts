// The weekly Stimmungsbericht: who of an organisation receives it (administrators choose), and which
// deliveries were made — one row per organisation, week and recipient, so the worker sends each once only.
import { boolean, date, jsonb, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { organisations } from "./org.js";
import { users } from "./people.js";

export const weeklyReportSettings = pgTable("weekly_report_settings", {
  orgId: uuid("org_id")
    .primaryKey()
    .references(() => organisations.id),
  enabled: boolean("enabled").notNull().default(false),
  /** Members of the organisation; a person who left is skipped when the report goes out. */
  recipientUserIds: jsonb("recipient_user_ids").$type<string[]>().notNull().default([]),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
});

/** A report delivered in-app (and by e-mail where SMTP is configured): the row is the idempotency record. */
export const weeklyReportDeliveries = pgTable(
  "weekly_report_deliveries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id),
    /** Monday of the week reported on, in the organisation's time zone. */
    week: date("week", { mode: "string" }).notNull(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }).notNull(),
    /** "sent", "not_configured" (no SMTP) or "failed" (logged; never tried again, so never sent twice). */
    email: text("email").$type<"sent" | "not_configured" | "failed" | "pending">().notNull(),
  },
  (t) => [unique("weekly_report_deliveries_once").on(t.orgId, t.week, t.userId)],
);
