// Invitations to an organisation: an administrator names an e-mail address and the roles and scope;
// the person joins only by accepting (signed in, or through the one-time link that also lets a new
// person choose a password). Only the SHA-256 of the link's token is stored.
import { sql } from "drizzle-orm";
import { index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { TWeeklyWindow } from "../../domain/schedule.js";
import { organisations } from "./org.js";
import { users } from "./people.js";

export const membershipInvitations = pgTable(
  "membership_invitations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id),
    /** Lower-cased, like users.email. */
    email: text("email").notNull(),
    /** The name a new account gets; an existing account keeps its own. */
    name: text("name").notNull(),
    roles: text("roles").array().notNull(),
    /** null = all departments / channel accounts, as on memberships; checked again on acceptance. */
    departmentIds: uuid("department_ids").array(),
    channelAccountIds: uuid("channel_account_ids").array(),
    activeWindow: jsonb("active_window").$type<TWeeklyWindow>(),
    tokenDigest: text("token_digest").notNull(),
    invitedByUserId: uuid("invited_by_user_id").references(() => users.id, { onDelete: "set null" }),
    invitedByLabel: text("invited_by_label").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    answeredAt: timestamp("answered_at", { withTimezone: true }),
    /** accepted, declined, revoked (by an administrator) or replaced (by a newer invitation). */
    outcome: text("outcome"),
  },
  (t) => [
    uniqueIndex("membership_invitations_token_unique").on(t.tokenDigest),
    // At most one open invitation per organisation and address: a new one replaces it.
    uniqueIndex("membership_invitations_open_unique")
      .on(t.orgId, t.email)
      .where(sql`${t.answeredAt} IS NULL`),
    index("membership_invitations_email_idx").on(t.email),
  ],
);
