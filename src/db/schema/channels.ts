// Channel accounts: one per connected network account of an organisation. Only the identity and
// ownership live here so far; credentials and settings arrive with the publishing and connector work.
import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { departments, organisations } from "./org.js";

export const channelAccounts = pgTable(
  "channel_accounts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id),
    departmentId: uuid("department_id").references(() => departments.id, { onDelete: "set null" }),
    network: text("network").notNull(),
    name: text("name").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("channel_accounts_org_idx").on(t.orgId)],
);
