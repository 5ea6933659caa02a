// The append-only audit trail: events hash-chained per organisation (chain id = org id, or
// "installation"), and each chain's head, locked while appending so that sequence numbers never fork.
// Hashes, the head's MAC and the anchor's MAC are HMACs under the audit key, which is not stored here.
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

export const auditChains = pgTable("audit_chains", {
  chainId: text("chain_id").primaryKey(),
  lastSeq: integer("last_seq").notNull(),
  lastHash: text("last_hash").notNull(),
  /** HMAC of (chain, lastSeq, lastHash) under the audit key; null on heads last written before the key. */
  headMac: text("head_mac"),
  /** Chains begun before the audit key: events before this seq carry the public SHA-256 hash. */
  keyedFromSeq: integer("keyed_from_seq"),
  /** The hash the plain prefix ended with, and the anchor's HMAC (draht audit anchor writes both). */
  anchorPrevHash: text("anchor_prev_hash"),
  anchorMac: text("anchor_mac"),
});

export const auditEvents = pgTable(
  "audit_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    chainId: text("chain_id").notNull(),
    seq: integer("seq").notNull(),
    /** Null for installation-level events. */
    orgId: uuid("org_id"),
    actorUserId: uuid("actor_user_id"),
    /** Who acted, as shown then (e-mail or "system"/"cli"); kept even if the account changes. */
    actorLabel: text("actor_label").notNull(),
    action: text("action").notNull(),
    targetType: text("target_type"),
    targetId: text("target_id"),
    data: jsonb("data").notNull(),
    requestId: text("request_id"),
    occurredAt: timestamp("occurred_at", { withTimezone: true, precision: 3 }).notNull(),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull(),
  },
  (t) => [
    uniqueIndex("audit_events_chain_seq_unique").on(t.chainId, t.seq),
    index("audit_events_org_time_idx").on(t.orgId, t.occurredAt),
  ],
);
