// Campaigns (like the #24hPolizei marathon): a time window, a hashtag, the people taking part and
// pre-approved text templates that may take the fast lane through approval.
import { index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { departments, organisations } from "./org.js";
import { users } from "./people.js";

export interface CampaignTemplate {
  id: string;
  title: string;
  text: string;
}

export const campaigns = pgTable(
  "campaigns",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id),
    departmentId: uuid("department_id").references(() => departments.id, { onDelete: "set null" }),
    name: text("name").notNull(),
    hashtag: text("hashtag").notNull(),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    templates: jsonb("templates").$type<CampaignTemplate[]>().notNull().default([]),
    createdByUserId: uuid("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("campaigns_org_idx").on(t.orgId, t.startsAt)],
);

export const campaignParticipants = pgTable(
  "campaign_participants",
  {
    campaignId: uuid("campaign_id")
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.userId] })],
);
