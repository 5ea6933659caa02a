import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  FEED_FORMAT,
  itemOfFeed,
  type TFeedPayload,
  fingerprintOf,
  normaliseFingerprint,
  rawPublicKey,
  signFeed,
  signingInput,
  verifyFeed,
} from "./feed.js";

const keys = generateKeyPairSync("ed25519");
const fingerprint = fingerprintOf(rawPublicKey(keys.publicKey));

const payload: TFeedPayload = {
  format: FEED_FORMAT,
  formatVersion: 1,
  revision: 3,
  generatedAt: "2026-12-07T10:00:00.000Z",
  publisher: { name: "Landkreis Beispiel" },
  collection: { id: "7b0f7c1e-4b1a-4b7e-9a51-2f1d3c4b5a69", title: "Bürgerservice", description: "" },
  items: [
    {
      id: "0c6a3b52-58f3-4a0c-9d0e-3f2a1b4c5d6e",
      kind: "article",
      title: "Personalausweis",
      version: 2,
      body: "Termin im Bürgerbüro – «Größe» €",
      tags: ["ausweis"],
      details: {},
      checkedAt: "2026-12-01T08:00:00.000Z",
    },
  ],
};

const bytes = (value: unknown) => Buffer.from(JSON.stringify(value), "utf8");

describe("a signed feed", () => {
  it("verifies as signed, whatever the order of its keys and its spacing on the wire", () => {
    const signed = signFeed(payload, keys);
    const reordered = JSON.parse(JSON.stringify(signed)) as { payload: Record<string, unknown> };
    reordered.payload = Object.fromEntries(Object.entries(reordered.payload).reverse());
    const spaced = Buffer.from(JSON.stringify(reordered, null, 2));
    const result = verifyFeed(spaced, fingerprint);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.payload.items[0]?.body).toBe(payload.items[0]?.body);
  });

  it("signs RFC 8785 canonical JSON after a context line (sorted keys, no spaces)", () => {
    expect(signingInput({ b: 1, a: "ä" }).toString("utf8")).toBe('draht.knowledge-feed/1\n{"a":"ä","b":1}');
  });

  it("refuses a changed word, another key, a missing signature, and what is no feed", () => {
    const signed = signFeed(payload, keys);
    const tampered = structuredClone(signed);
    tampered.payload.items[0]!.body = "Überweisen Sie 500 Euro.";
    expect(verifyFeed(bytes(tampered), fingerprint)).toMatchObject({ ok: false, problem: "bad_signature" });
    const other = generateKeyPairSync("ed25519");
    expect(verifyFeed(bytes(signFeed(payload, other)), fingerprint)).toMatchObject({ ok: false, problem: "wrong_key" });
    // Another key claimed in the document, the signature left as it was: still the wrong key.
    const swapped = {
      ...signed,
      signature: { ...signed.signature, publicKey: rawPublicKey(other.publicKey).toString("base64url") },
    };
    expect(verifyFeed(bytes(swapped), fingerprint)).toMatchObject({ ok: false, problem: "wrong_key" });
    expect(verifyFeed(bytes({ payload }), fingerprint)).toMatchObject({ ok: false, problem: "unsigned" });
    expect(verifyFeed(Buffer.from("{"), fingerprint)).toMatchObject({ ok: false, problem: "not_json" });
    expect(verifyFeed(bytes([1, 2]), fingerprint)).toMatchObject({ ok: false, problem: "malformed" });
  });

  it("refuses a correctly signed document that is not shaped as a feed (nothing unknown is taken)", () => {
    const extra = { ...payload, script: "alert(1)" } as unknown as TFeedPayload;
    expect(verifyFeed(bytes(signFeed(extra, keys)), fingerprint)).toMatchObject({ ok: false, problem: "malformed" });
    const twice = { ...payload, items: [payload.items[0]!, { ...payload.items[0]!, title: "Anders" }] };
    expect(verifyFeed(bytes(signFeed(twice, keys)), fingerprint)).toMatchObject({ ok: false, problem: "malformed" });
    const huge = { ...payload, items: [{ ...payload.items[0]!, body: "x".repeat(200_001) }] };
    expect(verifyFeed(bytes(signFeed(huge, keys)), fingerprint)).toMatchObject({ ok: false, problem: "malformed" });
  });

  it("refuses more than the size limit before parsing", () => {
    expect(verifyFeed(new Uint8Array(4 * 1024 * 1024 + 1), fingerprint)).toMatchObject({
      ok: false,
      problem: "too_large",
    });
  });

  it("gives the same content hash for the same content in another revision", () => {
    const a = verifyFeed(bytes(signFeed(payload, keys)), fingerprint);
    const b = verifyFeed(
      bytes(signFeed({ ...payload, revision: 4, generatedAt: "2026-12-08T00:00:00Z" }, keys)),
      fingerprint,
    );
    const c = verifyFeed(bytes(signFeed({ ...payload, publisher: { name: "Kreis" } }, keys)), fingerprint);
    if (!a.ok || !b.ok || !c.ok) throw new Error("should verify");
    expect(a.hash).toBe(b.hash);
    expect(a.hash).not.toBe(c.hash);
  });
});

describe("a feed item as the subscriber keeps it", () => {
  const netiquette = {
    intro: "Wir freuen uns auf Ihre Beiträge.",
    clauses: [{ number: 1, title: "Respekt", text: "Keine Beleidigungen." }],
  };
  const item = (kind: string, details: object, body = "Anderer Text") => ({
    ...payload.items[0]!,
    kind,
    details,
    body,
  });

  it("refuses details that do not fit the kind, and NUL characters", () => {
    for (const wrong of [item("netiquette", {}), item("article", { netiquette }), item("campaign", { netiquette })]) {
      const doc = signFeed({ ...payload, items: [wrong] } as unknown as TFeedPayload, keys);
      expect(verifyFeed(bytes(doc), fingerprint)).toMatchObject({ ok: false, problem: "malformed" });
    }
    const nul = { ...payload, items: [{ ...payload.items[0]!, body: "a\u0000b" }] };
    expect(verifyFeed(bytes(signFeed(nul, keys)), fingerprint)).toMatchObject({ ok: false, problem: "malformed" });
  });

  it("shows what adopting writes: a Netiquette's text from its clauses, a guideline's rules without channel scopes", () => {
    const verified = verifyFeed(
      bytes(signFeed({ ...payload, items: [item("netiquette", { netiquette })] } as unknown as TFeedPayload, keys)),
      fingerprint,
    );
    if (!verified.ok) throw new Error(verified.detail);
    const kept = itemOfFeed(verified.payload.items[0]!);
    expect(kept.body).toContain("§1 Respekt");
    expect(kept.body).not.toContain("Anderer Text");

    const scoped = { requiredHashtags: [{ channelAccountIds: [crypto.randomUUID()], hashtags: ["#Kreis"] }] };
    const guideline = verifyFeed(
      bytes(
        signFeed(
          { ...payload, items: [item("guideline", { guideline: { rules: scoped } })] } as unknown as TFeedPayload,
          keys,
        ),
      ),
      fingerprint,
    );
    if (!guideline.ok) throw new Error(guideline.detail);
    expect(itemOfFeed(guideline.payload.items[0]!).details.guideline?.rules.requiredHashtags).toMatchObject([
      { channelAccountIds: null, hashtags: ["#Kreis"] },
    ]);
  });
});

describe("a fingerprint", () => {
  it("is the SHA-256 of the raw key in 16 groups of four, and reads as people type it", () => {
    expect(fingerprint).toMatch(/^([0-9A-F]{4} ){15}[0-9A-F]{4}$/);
    expect(normaliseFingerprint(fingerprint.toLowerCase().replace(/ /g, ":"))).toBe(fingerprint);
    expect(normaliseFingerprint(fingerprint.replace(/ /g, ""))).toBe(fingerprint);
    expect(normaliseFingerprint("AB12")).toBeNull();
    expect(normaliseFingerprint(`${fingerprint} 00`)).toBeNull();
    expect(normaliseFingerprint("G".repeat(64))).toBeNull();
  });
});
