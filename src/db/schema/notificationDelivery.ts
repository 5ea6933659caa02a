// Notifications beyond the app: each person's channels per group of kinds, the browsers that receive their
// Web Push, the installation's VAPID key, and one delivery record per notification × channel (× browser).
import { sql } from "drizzle-orm";
import { boolean, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { DeliveryChannel, NotificationGroup } from "../../domain/notificationDelivery.js";
import { userNotifications } from "./inboxRules.js";
import { users } from "./people.js";

/** A person's channels for one group; a group without a row has the defaults (domain/notificationDelivery.ts). */
export const notificationPreferences = pgTable(
  "notification_preferences",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    group: text("group").$type<NotificationGroup>().notNull(),
    email: boolean("email").notNull(),
    push: boolean("push").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.group] })],
);

/** A browser a person turned push on in: its push service address and the keys to encrypt for it. */
export const pushSubscriptions = pgTable(
  "push_subscriptions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    endpoint: text("endpoint").notNull(),
    /** The browser's P-256 public key and auth secret (base64url), as PushSubscription.toJSON() gives them. */
    p256dh: text("p256dh").notNull(),
    auth: text("auth").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex("push_subscriptions_endpoint_idx").on(t.endpoint),
    index("push_subscriptions_user_idx").on(t.userId),
  ],
);

/** The installation's VAPID key pair (one row), made on first use; the private half sealed by the vault. */
export const vapidKeys = pgTable("vapid_keys", {
  id: text("id").primaryKey(),
  /** The uncompressed P-256 public key, base64url (what the browser's applicationServerKey takes). */
  publicKey: text("public_key").notNull(),
  /** The private key (base64url), sealed by the credential vault (JSON). */
  sealedPrivateKey: text("sealed_private_key").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
});

export type DeliveryStatus = "pending" | "held" | "sending" | "sent" | "failed" | "skipped";

/**
 * One e-mail or one push (to one browser) of a notification. Claimed FOR UPDATE SKIP LOCKED; "sending" is
 * set before the message leaves and never taken up again (an interrupted send turns "failed"), so nothing
 * goes out twice.
 */
export const notificationDeliveries = pgTable(
  "notification_deliveries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    notificationId: uuid("notification_id")
      .notNull()
      .references(() => userNotifications.id, { onDelete: "cascade" }),
    channel: text("channel").$type<DeliveryChannel>().notNull(),
    /** The browser of a push; null once its subscription was removed (the record stays). */
    pushSubscriptionId: uuid("push_subscription_id").references(() => pushSubscriptions.id, { onDelete: "set null" }),
    status: text("status").$type<DeliveryStatus>().notNull(),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull(),
    /** While "sending": when a worker that stopped mid-send is presumed gone. */
    leaseUntil: timestamp("lease_until", { withTimezone: true }),
    /** Why it failed or was skipped: a code, never the server's text (it may carry the address). */
    outcome: text("outcome"),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex("notification_deliveries_email_once_idx")
      .on(t.notificationId)
      .where(sql`${t.channel} = 'email'`),
    uniqueIndex("notification_deliveries_push_once_idx")
      .on(t.notificationId, t.pushSubscriptionId)
      .where(sql`${t.pushSubscriptionId} is not null`),
    index("notification_deliveries_due_idx")
      .on(t.nextAttemptAt)
      .where(sql`${t.status} in ('pending', 'held', 'sending')`),
  ],
);
