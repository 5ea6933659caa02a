// What limits a membership: the departments and channel accounts it is scoped to (none listed = all of the
// organisation's). Apart from people.ts because it links people to channel accounts, which refer to people.
import { pgTable, primaryKey, uuid } from "drizzle-orm/pg-core";
import { channelAccounts } from "./channels.js";
import { departments } from "./org.js";
import { memberships } from "./people.js";

export const membershipDepartments = pgTable(
  "membership_departments",
  {
    membershipId: uuid("membership_id")
      .notNull()
      .references(() => memberships.id, { onDelete: "cascade" }),
    departmentId: uuid("department_id")
      .notNull()
      .references(() => departments.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.membershipId, t.departmentId] })],
);

export const membershipChannelAccounts = pgTable(
  "membership_channel_accounts",
  {
    membershipId: uuid("membership_id")
      .notNull()
      .references(() => memberships.id, { onDelete: "cascade" }),
    channelAccountId: uuid("channel_account_id")
      .notNull()
      .references(() => channelAccounts.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.membershipId, t.channelAccountId] })],
);
