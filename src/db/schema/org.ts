// Organisations (a municipality or authority; fully isolated tenants) and their departments.
import { sql } from "drizzle-orm";
import { jsonb, pgTable, text, timestamp, uniqueIndex, uuid, index } from "drizzle-orm/pg-core";
import type { TOfficeSchedule } from "../../domain/slaClock.js";

export const organisations = pgTable("organisations", {
  id: uuid("id").primaryKey().defaultRandom(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  /** Bundesland code (ISO 3166-2:DE without prefix, e.g. "NW"), for public holidays. */
  state: text("state").notNull(),
  timeZone: text("time_zone").notNull().default("Europe/Berlin"),
  /** Office hours and closing days for response-time targets; null = the default town-hall hours. */
  officeSchedule: jsonb("office_schedule").$type<TOfficeSchedule>(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const departments = pgTable(
  "departments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id),
    name: text("name").notNull(),
    shortName: text("short_name"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("departments_org_name_unique").on(t.orgId, sql`lower(${t.name})`),
    index("departments_org_idx").on(t.orgId),
  ],
);
