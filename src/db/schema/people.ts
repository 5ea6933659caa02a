// People: user accounts (one per person and installation), memberships granting roles in an
// organisation (optionally limited to departments, channel accounts and a weekly time window),
// sessions, throttled password guesses, and OIDC identities (modelled now, login flow to follow).
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { TWeeklyWindow } from "../../domain/schedule.js";
import { organisations } from "./org.js";

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Stored lower-cased; unique per installation. */
    email: text("email").notNull(),
    name: text("name").notNull(),
    /** argon2id PHC string; null for accounts that only sign in through an identity provider. */
    passwordHash: text("password_hash"),
    mustChangePassword: boolean("must_change_password").notNull().default(false),
    locale: text("locale").notNull().default("de"),
    disabledAt: timestamp("disabled_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("users_email_unique").on(t.email)],
);

export const memberships = pgTable(
  "memberships",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    roles: text("roles").array().notNull(),
    /** When true, only the departments in membership_departments are in scope (possibly none). */
    limitedToDepartments: boolean("limited_to_departments").notNull().default(false),
    limitedToChannelAccounts: boolean("limited_to_channel_accounts").notNull().default(false),
    activeWindow: jsonb("active_window").$type<TWeeklyWindow>(),
    disabledAt: timestamp("disabled_at", { withTimezone: true }),
    /** When the person last opened this organisation in the web app: the start page returns to the latest. */
    lastOpenedAt: timestamp("last_opened_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("memberships_org_user_unique").on(t.orgId, t.userId), index("memberships_user_idx").on(t.userId)],
);

export const sessions = pgTable(
  "sessions",
  {
    /** SHA-256 of the cookie token; the token itself is never stored. */
    id: text("id").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    csrfToken: text("csrf_token").notNull(),
    userAgent: text("user_agent"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("sessions_user_idx").on(t.userId), index("sessions_expires_idx").on(t.expiresAt)],
);

/**
 * Failed password attempts per (e-mail, client address) pair, per client address and per account
 * (domain/loginThrottle.ts). The key is an HMAC, so neither addresses nor e-mails are stored here.
 */
export const loginThrottles = pgTable(
  "login_throttles",
  {
    key: text("key").primaryKey(),
    failures: integer("failures").notNull(),
    windowStartedAt: timestamp("window_started_at", { withTimezone: true }).notNull(),
    blockedUntil: timestamp("blocked_until", { withTimezone: true }),
  },
  (t) => [index("login_throttles_window_idx").on(t.windowStartedAt)],
);

/** An OpenID Connect identity provider (Keycloak and similar) an organisation trusts. */
export const oidcProviders = pgTable(
  "oidc_providers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id),
    name: text("name").notNull(),
    issuer: text("issuer").notNull(),
    clientId: text("client_id").notNull(),
    /** Encrypted at rest (AES-256-GCM) once the OIDC flow is built. */
    clientSecretEncrypted: text("client_secret_encrypted"),
    scopes: text("scopes").notNull().default("openid email profile"),
    /** Claim holding group names that map to roles, e.g. "groups". */
    roleClaim: text("role_claim"),
    enabled: boolean("enabled").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("oidc_providers_org_issuer_unique").on(t.orgId, t.issuer)],
);

/** Links a user to the subject an identity provider knows them by. */
export const userIdentities = pgTable(
  "user_identities",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    providerId: uuid("provider_id")
      .notNull()
      .references(() => oidcProviders.id, { onDelete: "cascade" }),
    subject: text("subject").notNull(),
    lastLoginAt: timestamp("last_login_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("user_identities_provider_subject_unique").on(t.providerId, t.subject)],
);
