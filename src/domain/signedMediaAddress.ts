// The rule of draht's signed media addresses: a network that fetches a file from a public address (Instagram's
// container publishing) gets one that names the medium and an expiry, signed with HMAC-SHA256 under a key of the
// installation. Pure: the key and the time are parameters. Whoever holds the address may fetch that one file until
// it expires; nothing else is opened by it.
import { createHmac, timingSafeEqual } from "node:crypto";

/** Where draht serves a medium by a signed address (the route and the connectors' addresses share it). */
export const SIGNED_MEDIA_PATH = "/api/media/signed";

/** The longest life an address may be given: long enough for a network's fetch, short enough to stay private. */
export const MAX_SIGNED_MEDIA_TTL_MS = 24 * 3_600_000;

export type SignedMediaCheck = { kind: "valid"; expiresAt: Date } | { kind: "invalid" } | { kind: "expired" };

/** The signature of (medium, expiry in Unix seconds); the version prefix lets the scheme change without ambiguity. */
export function mediaSignature(key: Buffer, mediaId: string, expiresAtSeconds: number): string {
  return createHmac("sha256", key).update(`v1\n${mediaId}\n${expiresAtSeconds}`).digest("base64url");
}

/** The path and query of a medium's signed address, valid for `ttlMs` from `now` (capped at MAX_SIGNED_MEDIA_TTL_MS). */
export function signedMediaPath(args: { key: Buffer; mediaId: string; now: Date; ttlMs: number }): string {
  const ttl = Math.min(Math.max(args.ttlMs, 1000), MAX_SIGNED_MEDIA_TTL_MS);
  const exp = Math.ceil((args.now.getTime() + ttl) / 1000);
  const sig = mediaSignature(args.key, args.mediaId, exp);
  return `${SIGNED_MEDIA_PATH}/${encodeURIComponent(args.mediaId)}?exp=${exp}&sig=${sig}`;
}

/**
 * Whether an address's signature is the installation's for this medium and expiry (compared in constant time),
 * and whether it still holds at `now`. A tampered address is "invalid" even when its expiry has passed, so the
 * answer never tells a stranger which expiries were real.
 */
export function checkSignedMedia(args: {
  key: Buffer;
  mediaId: string;
  exp: number;
  sig: string;
  now: Date;
}): SignedMediaCheck {
  const expected = Buffer.from(mediaSignature(args.key, args.mediaId, args.exp), "latin1");
  const given = Buffer.from(args.sig, "latin1");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { kind: "invalid" };
  const expiresAt = new Date(args.exp * 1000);
  // An expiry further ahead than any address is given could only come from a leaked key: refused like a forgery.
  if (expiresAt.getTime() - args.now.getTime() > MAX_SIGNED_MEDIA_TTL_MS + 1000) return { kind: "invalid" };
  return expiresAt.getTime() <= args.now.getTime() ? { kind: "expired" } : { kind: "valid", expiresAt };
}
