// Channel accounts: one per connected network account of an organisation, with the department that
// owns it, the person accountable for it, its posting windows, limits and approval rules. Also the
// stores of the two built-in channels: what the website channel shows and what the sandbox received.
import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { ChannelLimits, EmulatedNetwork } from "../../domain/networks.js";
import type { ApprovalMode, ContentType } from "../../domain/postWorkflow.js";
import type { TWeeklyWindow } from "../../domain/schedule.js";
import { departments, organisations } from "./org.js";
import { users } from "./people.js";

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
    /** Sandbox only: the network whose rules (length, counting, media) the account stands in for. */
    emulates: text("emulates").$type<EmulatedNetwork>(),
    accountableUserId: uuid("accountable_user_id").references(() => users.id, { onDelete: "set null" }),
    postingWindows: jsonb("posting_windows").$type<TWeeklyWindow[]>().notNull().default([]),
    limits: jsonb("limits").$type<Partial<ChannelLimits>>().notNull().default({}),
    approval: jsonb("approval")
      .$type<Record<ContentType, ApprovalMode>>()
      .notNull()
      .default({ post: "single", campaign_template: "none", campaign_free: "single" }),
    /** Connector settings that are not secrets (sandbox: simulated failures and delay). */
    settings: jsonb("settings").$type<Record<string, unknown>>().notNull().default({}),
    disabledAt: timestamp("disabled_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("channel_accounts_org_idx").on(t.orgId),
    uniqueIndex("channel_accounts_org_name_unique").on(t.orgId, sql`lower(${t.name})`),
  ],
);

/** What the website channel publishes: the organisation's own feed, shown on its public pages. */
export const websiteEntries = pgTable(
  "website_entries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id),
    channelAccountId: uuid("channel_account_id")
      .notNull()
      .references(() => channelAccounts.id),
    idempotencyKey: text("idempotency_key").notNull().unique(),
    /** The draht post this entry published (no foreign key: posts refer to channels already). */
    postId: uuid("post_id"),
    text: text("text").notNull(),
    publishedAt: timestamp("published_at", { withTimezone: true }).notNull(),
    /** Taken down by the organisation: gone from the public pages, comments closed (rows kept for evidence). */
    removedAt: timestamp("removed_at", { withTimezone: true }),
  },
  (t) => [index("website_entries_org_published_idx").on(t.orgId, t.publishedAt)],
);

/**
 * Everything the sandbox channel received, one row per delivery. Deliberately without a unique
 * idempotency key, like a network that does not deduplicate: a second send would show as a second row.
 */
export const sandboxDeliveries = pgTable(
  "sandbox_deliveries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    channelAccountId: uuid("channel_account_id")
      .notNull()
      .references(() => channelAccounts.id),
    idempotencyKey: text("idempotency_key").notNull(),
    text: text("text").notNull(),
    mediaCount: integer("media_count").notNull().default(0),
    /** The alt text of each medium, as a network with alt text would store it. */
    mediaAltTexts: jsonb("media_alt_texts").$type<(string | null)[]>().notNull().default([]),
    /** The delivery this one answers (threads, replies), as a network links a thread. */
    inReplyToExternalId: text("in_reply_to_external_id"),
    /** Deleted again by its sender (deleteOwn). */
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("sandbox_deliveries_key_idx").on(t.idempotencyKey),
    index("sandbox_deliveries_account_idx").on(t.channelAccountId),
  ],
);

/**
 * Networks an organisation has turned on where that is its own decision: Facebook pages and Instagram make it a
 * joint controller with Meta (Art. 26 DSGVO), so their connectors stay off until an administrator turns them on.
 * A row: on (since when, by whom); none: off.
 */
export const networkEnablements = pgTable(
  "network_enablements",
  {
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    network: text("network").notNull(),
    enabledAt: timestamp("enabled_at", { withTimezone: true }).notNull(),
    enabledBy: uuid("enabled_by").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [uniqueIndex("network_enablements_org_network").on(t.orgId, t.network)],
);
