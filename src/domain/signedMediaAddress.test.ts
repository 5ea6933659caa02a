import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { checkSignedMedia, mediaSignature, signedMediaPath } from "./signedMediaAddress.js";

const key = randomBytes(32);
const now = new Date("2026-12-07T08:00:00Z");
const parts = (path: string) => {
  const url = new URL(path, "http://x");
  return { exp: Number(url.searchParams.get("exp")), sig: url.searchParams.get("sig") ?? "" };
};

describe("signed media addresses", () => {
  it("hold for their medium until they expire, then are expired", () => {
    const { exp, sig } = parts(signedMediaPath({ key, mediaId: "m1", now, ttlMs: 3_600_000 }));
    expect(checkSignedMedia({ key, mediaId: "m1", exp, sig, now })).toEqual({
      kind: "valid",
      expiresAt: new Date(now.getTime() + 3_600_000),
    });
    expect(checkSignedMedia({ key, mediaId: "m1", exp, sig, now: new Date(exp * 1000) }).kind).toBe("expired");
  });

  it("are invalid under another key, for another medium, or with another expiry", () => {
    const { exp, sig } = parts(signedMediaPath({ key, mediaId: "m1", now, ttlMs: 3_600_000 }));
    expect(checkSignedMedia({ key: randomBytes(32), mediaId: "m1", exp, sig, now }).kind).toBe("invalid");
    expect(checkSignedMedia({ key, mediaId: "m2", exp, sig, now }).kind).toBe("invalid");
    expect(checkSignedMedia({ key, mediaId: "m1", exp: exp + 1, sig, now }).kind).toBe("invalid");
  });

  it("refuse an expiry further ahead than any address is given, even when signed", () => {
    const exp = Math.floor(now.getTime() / 1000) + 7 * 24 * 3600;
    const sig = mediaSignature(key, "m1", exp);
    expect(checkSignedMedia({ key, mediaId: "m1", exp, sig, now }).kind).toBe("invalid");
  });
});
