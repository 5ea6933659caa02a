// The Netiquette: the published rules of the public dialogue, versioned per organisation with
// numbered clauses (§3 no insults, …). Citizens accept a version before they comment; moderation
// decisions cite its clauses.
import { integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { TNetiquetteClause } from "../../domain/website/netiquette.js";
import { organisations } from "./org.js";
import { users } from "./people.js";

export const netiquettes = pgTable(
  "netiquettes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id),
    version: integer("version").notNull(),
    title: text("title").notNull(),
    intro: text("intro").notNull().default(""),
    clauses: jsonb("clauses").$type<TNetiquetteClause[]>().notNull(),
    /** null = a draft; the published version with the highest number is the one in force. */
    publishedAt: timestamp("published_at", { withTimezone: true }),
    createdByUserId: uuid("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("netiquettes_org_version_unique").on(t.orgId, t.version)],
);
