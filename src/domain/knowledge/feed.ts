// A collection published to other draht installations as a signed feed: one JSON document holding the
// collection's items, signed with the publishing organisation's Ed25519 key over the RFC 8785 canonical form
// of its payload. A subscriber compares the key's fingerprint with the one it was told out of band (phone,
// letter) when it subscribes, verifies every fetch, and takes nothing that does not verify. The feed is data
// only: Markdown texts, tags, a Netiquette's clauses and a guideline's rules, all read through the schemas
// below; nothing in it is ever run.
import { createHash, createPublicKey, type KeyObject, sign, verify } from "node:crypto";
import canonicalize from "canonicalize";
import { z } from "zod";
import { ZGuidelineRules } from "../guidelineRules.js";
import { ZNetiquetteClause } from "../website/netiquette.js";
import {
  FEED_PROBLEMS,
  type FeedProblem,
  MAX_FEED_BYTES,
  MAX_FEED_ITEMS,
  normaliseFingerprint,
} from "./feedProblems.js";
import {
  SHARED_ITEM_KINDS,
  type SharedItemDetails,
  campaignAsMarkdown,
  netiquetteAsMarkdown,
  withoutChannelScopes,
} from "./sharing.js";

export { FEED_PROBLEMS, type FeedProblem, MAX_FEED_BYTES, MAX_FEED_ITEMS, normaliseFingerprint };

export const FEED_FORMAT = "draht.knowledge-feed";
export const FEED_FORMAT_VERSION = 1;
/** Signed bytes start with this, so a signature over a feed cannot be passed off as one over anything else. */
const SIGNING_CONTEXT = `${FEED_FORMAT}/${FEED_FORMAT_VERSION}\n`;

const ZText = (max: number) => z.string().max(max);

/** Numbers as PostgreSQL's integer holds them. */
const MAX_INT = 2 ** 31 - 1;

/** What an item's details must hold for its kind (and nothing for articles and Textbausteine). */
const DETAIL_OF_KIND = { netiquette: "netiquette", guideline: "guideline", campaign: "campaign" } as const;

export const ZFeedItem = z
  .strictObject({
    /** The item's id in the publishing installation (stable across versions). */
    id: z.uuid(),
    kind: z.enum(SHARED_ITEM_KINDS),
    title: ZText(300).min(1),
    version: z.number().int().min(1).max(MAX_INT),
    body: ZText(200_000),
    tags: z.array(ZText(100)).max(50),
    details: z.strictObject({
      netiquette: z.strictObject({ intro: ZText(20_000), clauses: z.array(ZNetiquetteClause).max(100) }).optional(),
      guideline: z.strictObject({ rules: ZGuidelineRules }).optional(),
      campaign: z
        .strictObject({
          hashtag: ZText(100).min(2),
          durationHours: z
            .number()
            .int()
            .min(1)
            .max(24 * 366),
          templates: z
            .array(z.strictObject({ id: ZText(40).min(1), title: ZText(120).min(1), text: ZText(5000).min(1) }))
            .max(200),
        })
        .optional(),
    }),
    checkedAt: z.iso.datetime({ offset: true }),
  })
  .refine(
    (item) => {
      const wanted = DETAIL_OF_KIND[item.kind as keyof typeof DETAIL_OF_KIND] as string | undefined;
      const present = Object.keys(item.details);
      return wanted ? present.length === 1 && present[0] === wanted : present.length === 0;
    },
    { message: "details that fit the item's kind" },
  );
export type TFeedItem = z.infer<typeof ZFeedItem>;

/** What the feed says, apart from its number and time: a new revision is made when this changes. */
export const ZFeedContent = z.strictObject({
  publisher: z.strictObject({ name: ZText(300).min(1) }),
  collection: z.strictObject({ id: z.uuid(), title: ZText(300).min(1), description: ZText(5000) }),
  items: z
    .array(ZFeedItem)
    .max(MAX_FEED_ITEMS)
    .refine((items) => new Set(items.map((item) => item.id)).size === items.length, "each item once"),
});
export type TFeedContent = z.infer<typeof ZFeedContent>;

export const ZFeedPayload = ZFeedContent.extend({
  format: z.literal(FEED_FORMAT),
  formatVersion: z.literal(FEED_FORMAT_VERSION),
  /** Counts up with every change; a subscriber refuses a feed older than the one it has. */
  revision: z.number().int().min(1).max(MAX_INT),
  generatedAt: z.iso.datetime({ offset: true }),
});
export type TFeedPayload = z.infer<typeof ZFeedPayload>;

const ZBase64Url = z.string().regex(/^[A-Za-z0-9_-]+$/);

const ZFeedSignature = z.strictObject({
  algorithm: z.literal("Ed25519"),
  /** The raw 32-byte public key, base64url. */
  publicKey: ZBase64Url.length(43),
  value: ZBase64Url.length(86),
});

const ZFeedEnvelope = z.object({ payload: z.unknown(), signature: z.unknown().optional() });

export type SignedFeed = { payload: TFeedPayload; signature: z.infer<typeof ZFeedSignature> };

/** The bytes signed: a context line, then the payload in RFC 8785 canonical JSON. */
export function signingInput(payload: unknown): Buffer {
  const canonical = canonicalize(payload);
  if (canonical === undefined) throw new Error("payload has no JSON form");
  return Buffer.from(SIGNING_CONTEXT + canonical, "utf8");
}

/** The hash a revision is compared by: the content's canonical JSON (its number and time left out). */
export function contentHash(content: TFeedContent): string {
  return createHash("sha256")
    .update(canonicalize(content) ?? "")
    .digest("hex");
}

/** The raw 32 bytes of an Ed25519 public key. */
export function rawPublicKey(key: KeyObject): Buffer {
  const jwk = key.export({ format: "jwk" });
  if (jwk.kty !== "OKP" || jwk.crv !== "Ed25519" || !jwk.x) throw new Error("not an Ed25519 public key");
  return Buffer.from(jwk.x, "base64url");
}

function publicKeyFromRaw(raw: Buffer): KeyObject {
  return createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x: raw.toString("base64url") }, format: "jwk" });
}

/**
 * What people compare by phone: the SHA-256 of the raw public key, in 16 groups of four hex digits
 * ("3F2A 9C01 …").
 */
export function fingerprintOf(rawKey: Buffer): string {
  const hex = createHash("sha256").update(rawKey).digest("hex").toUpperCase();
  return hex.match(/.{4}/g)?.join(" ") ?? hex;
}

export function signFeed(payload: TFeedPayload, keys: { privateKey: KeyObject; publicKey: KeyObject }): SignedFeed {
  return {
    payload,
    signature: {
      algorithm: "Ed25519",
      publicKey: rawPublicKey(keys.publicKey).toString("base64url"),
      value: sign(null, signingInput(payload), keys.privateKey).toString("base64url"),
    },
  };
}

export type FeedVerification =
  { ok: true; payload: TFeedPayload; hash: string } | { ok: false; problem: FeedProblem; detail: string };

/**
 * Checks a fetched document against the fingerprint the subscriber was given: JSON, signed, by that key,
 * with a valid signature, and only then shaped as a feed. Every refusal names its reason.
 */
export function verifyFeed(bytes: Uint8Array, expectedFingerprint: string): FeedVerification {
  if (bytes.byteLength > MAX_FEED_BYTES)
    return { ok: false, problem: "too_large", detail: `${bytes.byteLength} bytes (at most ${MAX_FEED_BYTES})` };
  let document: unknown;
  try {
    document = JSON.parse(Buffer.from(bytes).toString("utf8"));
  } catch {
    // Not the parser's message: it quotes the answer, and the detail is shown to the subscriber.
    return { ok: false, problem: "not_json", detail: "the answer is not JSON" };
  }
  // PostgreSQL stores no NUL character in text or jsonb: refused here, not failing later in storage.
  if (Buffer.from(bytes).includes("\\u0000"))
    return { ok: false, problem: "malformed", detail: "a NUL character (\\u0000) in a text" };
  const envelope = ZFeedEnvelope.safeParse(document);
  if (!envelope.success) return { ok: false, problem: "malformed", detail: "no payload" };
  if (envelope.data.signature === undefined) return { ok: false, problem: "unsigned", detail: "no signature" };
  const signature = ZFeedSignature.safeParse(envelope.data.signature);
  if (!signature.success) return { ok: false, problem: "unsigned", detail: "signature not in Ed25519 form" };
  const raw = Buffer.from(signature.data.publicKey, "base64url");
  const fingerprint = fingerprintOf(raw);
  if (fingerprint !== normaliseFingerprint(expectedFingerprint))
    return { ok: false, problem: "wrong_key", detail: `signed by key ${fingerprint}` };
  let valid: boolean;
  try {
    valid = verify(
      null,
      signingInput(envelope.data.payload),
      publicKeyFromRaw(raw),
      Buffer.from(signature.data.value, "base64url"),
    );
  } catch {
    valid = false;
  }
  if (!valid) return { ok: false, problem: "bad_signature", detail: "the signature does not match the content" };
  const payload = ZFeedPayload.safeParse(envelope.data.payload);
  if (!payload.success)
    return { ok: false, problem: "malformed", detail: z.prettifyError(payload.error).slice(0, 500) };
  const { revision: _r, generatedAt: _g, format: _f, formatVersion: _v, ...content } = payload.data;
  return { ok: true, payload: payload.data, hash: contentHash(content) };
}

/**
 * A feed item as the subscriber keeps and shows it: what adopting writes is what the review page shows. A
 * Netiquette's and a campaign's text are written out anew from their details (the publisher's text could say
 * something else), and a guideline's rules lose any scope to channel accounts (ids of the publisher's, which
 * the subscriber does not have).
 */
export function itemOfFeed(item: TFeedItem): {
  title: string;
  body: string;
  tags: string[];
  details: SharedItemDetails;
} {
  const { netiquette, guideline, campaign } = item.details;
  const details: SharedItemDetails = netiquette
    ? { netiquette }
    : campaign
      ? { campaign }
      : guideline
        ? { guideline: { rules: withoutChannelScopes(guideline.rules) } }
        : {};
  const body = netiquette ? netiquetteAsMarkdown(netiquette) : campaign ? campaignAsMarkdown(campaign) : item.body;
  return { title: item.title, body, tags: item.tags, details };
}
