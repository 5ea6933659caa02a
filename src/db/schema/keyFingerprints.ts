// Which keys the installation's data is written under: the audit key and the credentials key live outside
// the database (environment or DATA_DIR), so this row per key is what lets a process tell at start that it
// holds another key than the one the data was written with. Only a fingerprint, never the key.
import { pgTable, text, timestamp } from "drizzle-orm/pg-core";

export const keyFingerprints = pgTable("key_fingerprints", {
  /** "audit" or "credentials". */
  purpose: text("purpose").primaryKey(),
  /** HMAC-SHA256 under the key of a fixed label (secretKeys.ts keyFingerprint): names the key, reveals nothing of it. */
  fingerprint: text("fingerprint").notNull(),
  /** When this key was first recorded (the first start, or the start after a credentials key rotation). */
  recordedAt: timestamp("recorded_at", { withTimezone: true, precision: 3 }).notNull(),
});
