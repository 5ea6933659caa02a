// How draht is connected to a network account: its credentials (sealed, see credentialVault.ts), the
// state of inbound syncing (cursor, health, rate limits), OAuth authorisations in flight, and the OAuth
// clients draht registered per Mastodon instance. Secrets never leave these tables unsealed.
import { index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { channelAccounts } from "./channels.js";
import { organisations } from "./org.js";
import { users } from "./people.js";
import type { SyncStatus } from "../../domain/channelHealth.js";

/** A secret sealed by the credential vault (AES-256-GCM): which key, the nonce, the tag and the ciphertext. */
const sealedColumns = () => ({
  keyId: text("key_id").notNull(),
  iv: text("iv").notNull(),
  tag: text("tag").notNull(),
  ciphertext: text("ciphertext").notNull(),
});

/** One sealed credential set per channel account (AES-256-GCM; the account id is the bound data). */
export const channelCredentials = pgTable("channel_credentials", {
  channelAccountId: uuid("channel_account_id")
    .primaryKey()
    .references(() => channelAccounts.id, { onDelete: "cascade" }),
  orgId: uuid("org_id")
    .notNull()
    .references(() => organisations.id),
  ...sealedColumns(),
  /** Who the network says we are (handle, profile URL): not secret, shown in the UI. */
  remoteHandle: text("remote_handle"),
  remoteUrl: text("remote_url"),
  connectedAt: timestamp("connected_at", { withTimezone: true }).notNull(),
  connectedByUserId: uuid("connected_by_user_id").references(() => users.id, { onDelete: "set null" }),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
});

export { SYNC_STATUSES, type SyncStatus } from "../../domain/channelHealth.js";

/** Inbound syncing of one account: where it stands (the connector's opaque cursor) and how healthy it is. */
export const channelSyncStates = pgTable(
  "channel_sync_states",
  {
    channelAccountId: uuid("channel_account_id")
      .primaryKey()
      .references(() => channelAccounts.id, { onDelete: "cascade" }),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id),
    status: text("status").$type<SyncStatus>().notNull().default("never_synced"),
    cursor: text("cursor"),
    lastAttemptAt: timestamp("last_attempt_at", { withTimezone: true }),
    lastSuccessAt: timestamp("last_success_at", { withTimezone: true }),
    lastErrorAt: timestamp("last_error_at", { withTimezone: true }),
    lastErrorKind: text("last_error_kind"),
    lastErrorMessage: text("last_error_message"),
    consecutiveFailures: integer("consecutive_failures").notNull().default(0),
    rateLimitRemaining: integer("rate_limit_remaining"),
    rateLimitResetAt: timestamp("rate_limit_reset_at", { withTimezone: true }),
    /** Not before this time (backoff after errors, the network's retry-after). */
    nextSyncAt: timestamp("next_sync_at", { withTimezone: true }),
    itemsReceived: integer("items_received").notNull().default(0),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("channel_sync_states_due_idx").on(t.status, t.nextSyncAt)],
);

/**
 * A channel account's webhook: the secret its network signs deliveries with (an app secret the network issued, or
 * one draht made), sealed like credentials (bound to "webhook:<account id>"), and what arrived: accepted events,
 * refused requests and the last refusal's reason (shown on the channels page; never a payload).
 */
export const channelWebhooks = pgTable("channel_webhooks", {
  channelAccountId: uuid("channel_account_id")
    .primaryKey()
    .references(() => channelAccounts.id, { onDelete: "cascade" }),
  orgId: uuid("org_id")
    .notNull()
    .references(() => organisations.id),
  ...sealedColumns(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  createdByUserId: uuid("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
  eventsAccepted: integer("events_accepted").notNull().default(0),
  messagesReceived: integer("messages_received").notNull().default(0),
  requestsRefused: integer("requests_refused").notNull().default(0),
  lastReceivedAt: timestamp("last_received_at", { withTimezone: true }),
  lastRefusedAt: timestamp("last_refused_at", { withTimezone: true }),
  /** signature | payload | stale | replayed (domain/webhooks.ts). */
  lastRefusal: text("last_refusal"),
});

/** The event ids a channel account's webhook took, kept for the replay window (domain/webhooks.ts). */
export const webhookEvents = pgTable(
  "webhook_events",
  {
    channelAccountId: uuid("channel_account_id")
      .notNull()
      .references(() => channelAccounts.id, { onDelete: "cascade" }),
    eventId: text("event_id").notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.channelAccountId, t.eventId] }),
    index("webhook_events_received_idx").on(t.receivedAt),
  ],
);

/** An OAuth authorisation in flight: the state parameter, the PKCE verifier (sealed), where to return. */
export const channelOauthStates = pgTable("channel_oauth_states", {
  state: text("state").primaryKey(),
  orgId: uuid("org_id")
    .notNull()
    .references(() => organisations.id),
  channelAccountId: uuid("channel_account_id")
    .notNull()
    .references(() => channelAccounts.id, { onDelete: "cascade" }),
  userId: uuid("user_id").references(() => users.id, { onDelete: "cascade" }),
  /** The PKCE code verifier, sealed (bound to the state). */
  sealedVerifier: text("sealed_verifier").notNull(),
  redirectUri: text("redirect_uri").notNull(),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
});

/** The OAuth client draht registered at a server (a Mastodon instance), reused for every account there. */
export const channelOauthClients = pgTable(
  "channel_oauth_clients",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    network: text("network").notNull(),
    serverUrl: text("server_url").notNull(),
    redirectUri: text("redirect_uri").notNull(),
    scopes: text("scopes").notNull(),
    clientId: text("client_id").notNull(),
    /** The client secret, sealed (bound to network + server + redirect URI). */
    sealedSecret: text("sealed_secret").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex("channel_oauth_clients_unique").on(t.network, t.serverUrl, t.redirectUri, t.scopes)],
);

/**
 * Short leases across processes (several workers may run against one PostgreSQL server): held while one
 * of them renews a network session whose refresh token can be used only once.
 */
export const leaseLocks = pgTable("lease_locks", {
  name: text("name").primaryKey(),
  holder: text("holder").notNull(),
  until: timestamp("until", { withTimezone: true }).notNull(),
});

/**
 * What draht sent to a network that keeps no idempotency key with the item and cannot list the account's own
 * items (Telegram's Bot API): written the moment the network answers, so that recovery after an interrupted
 * attempt finds the item by its key instead of sending again.
 */
export const networkSends = pgTable(
  "network_sends",
  {
    channelAccountId: uuid("channel_account_id")
      .notNull()
      .references(() => channelAccounts.id, { onDelete: "cascade" }),
    idempotencyKey: text("idempotency_key").notNull(),
    externalId: text("external_id").notNull(),
    url: text("url"),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.channelAccountId, t.idempotencyKey] })],
);
