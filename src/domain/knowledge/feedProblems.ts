// What the web app shares with the server about feeds between installations (knowledge/feed.ts signs and
// verifies them): the reasons a fetched feed is refused, the limits, and how a typed fingerprint is read.
// Pure and browser-safe.

/** A feed larger than this is refused before it is parsed (the whole of a big town's knowledge fits well). */
export const MAX_FEED_BYTES = 4 * 1024 * 1024;
export const MAX_FEED_ITEMS = 1000;

/** Why a fetched feed was refused; the last good version stays in use. */
export const FEED_PROBLEMS = [
  "unreachable",
  "http_status",
  "too_large",
  "not_json",
  "malformed",
  "unsigned",
  "wrong_key",
  "bad_signature",
  "wrong_collection",
  "older_revision",
  "withdrawn",
] as const;
export type FeedProblem = (typeof FEED_PROBLEMS)[number];

/** A fingerprint as people type or paste it (spaces, colons, lower case): its 64 hex digits, or null. */
export function normaliseFingerprint(text: string): string | null {
  const hex = text.replace(/[\s:-]/g, "").toUpperCase();
  return /^[0-9A-F]{64}$/.test(hex) ? (hex.match(/.{4}/g)?.join(" ") ?? null) : null;
}
