// Conversations (Vorgänge): a citizen's messages under one published item (or in direct messages) on
// one channel account, with a small status set, who looks after it, and the times the response-time
// targets are measured from.
import { sql } from "drizzle-orm";
import { boolean, index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { ConversationStatus } from "../../domain/conversationLifecycle.js";
import { channelAccounts } from "./channels.js";
import { departments, organisations } from "./org.js";
import { users } from "./people.js";

export const conversations = pgTable(
  "conversations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id),
    channelAccountId: uuid("channel_account_id")
      .notNull()
      .references(() => channelAccounts.id),
    /** The published item the messages are under; "direct" for direct messages. */
    threadKey: text("thread_key").notNull(),
    citizenHandle: text("citizen_handle").notNull(),
    citizenName: text("citizen_name").notNull(),
    status: text("status").$type<ConversationStatus>().notNull().default("new"),
    departmentId: uuid("department_id").references(() => departments.id, { onDelete: "set null" }),
    assigneeUserId: uuid("assignee_user_id").references(() => users.id, { onDelete: "set null" }),
    /** The citizen asked again while an earlier question was unanswered. */
    askedAgain: boolean("asked_again").notNull().default(false),
    firstMessageAt: timestamp("first_message_at", { withTimezone: true }).notNull(),
    /** The citizen message still waiting for an answer since (null when nothing waits). */
    waitingSince: timestamp("waiting_since", { withTimezone: true }),
    lastMessageAt: timestamp("last_message_at", { withTimezone: true }).notNull(),
    firstResponseAt: timestamp("first_response_at", { withTimezone: true }),
    lastResponseAt: timestamp("last_response_at", { withTimezone: true }),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex("conversations_thread_citizen_unique").on(t.channelAccountId, t.threadKey, t.citizenHandle),
    index("conversations_org_status_idx").on(t.orgId, t.status, t.lastMessageAt),
    index("conversations_waiting_idx").on(t.orgId, t.waitingSince).where(sql`${t.waitingSince} is not null`),
  ],
);
