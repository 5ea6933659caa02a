// A medium by its signed address (GET /api/media/signed/<medium>?exp=…&sig=…): what networks that fetch files
// themselves (Instagram's containers) are given. No session: the signature over the medium and its expiry is the
// permission — valid for that one file until it expires, refused when altered, moved to another medium, expired,
// or when the medium has been deleted since.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signedMediaUrl } from "../src/app/media/get-signed-medium.js";
import { mediaAssets } from "../src/db/schema/index.js";
import { buildMedia, buildOrg, samplePng } from "./support/factories.js";
import { type TestApp, startTestApp } from "./support/testApp.js";

let now = new Date("2026-12-07T08:00:00Z");
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ clock: () => now });
});
afterAll(async () => {
  await t?.close();
});

/** The address's path and query, as a network would call it on draht. */
const pathOf = (url: string) => {
  const u = new URL(url);
  return `${u.pathname}${u.search}`;
};
const get = (url: string) => t.app.inject({ method: "GET", url: pathOf(url) });

async function medium() {
  const org = await buildOrg(t.ctx);
  return buildMedia(t.ctx, org.id);
}

describe("a medium's signed address", () => {
  it("serves the file without a session, typed, not sniffed, cached privately no longer than it holds", async () => {
    const m = await medium();
    const url = signedMediaUrl(t.ctx, { mediaId: m.id, ttlMs: 3_600_000 });
    expect(url.startsWith(`${t.ctx.publicUrl}/api/media/signed/${m.id}?exp=`)).toBe(true);
    now = new Date(now.getTime() + 600_000); // ten minutes later: 50 minutes left
    const response = await get(url);
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("image/png");
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
    expect(response.headers["cache-control"]).toBe("private, max-age=3000");
    expect(response.rawPayload.equals(await samplePng())).toBe(true);
  });

  it("is gone (410) once it has expired, and after the medium was deleted", async () => {
    const m = await medium();
    const url = signedMediaUrl(t.ctx, { mediaId: m.id, ttlMs: 60_000 });
    now = new Date(now.getTime() + 61_000);
    const expired = await get(url);
    expect(expired.statusCode).toBe(410);
    expect(expired.json().error.code).toBe("DRAHT_ERR_MEDIA_ADDRESS_EXPIRED");
    const fresh = signedMediaUrl(t.ctx, { mediaId: m.id, ttlMs: 60_000 });
    expect((await get(fresh)).statusCode).toBe(200);
    await t.ctx.db.delete(mediaAssets).where(eq(mediaAssets.id, m.id));
    expect((await get(fresh)).statusCode).toBe(410);
  });

  it("is refused (403) when its signature or expiry was altered, or moved to another medium", async () => {
    const [m, other] = [await medium(), await medium()];
    const url = new URL(signedMediaUrl(t.ctx, { mediaId: m.id, ttlMs: 3_600_000 }));
    const sig = url.searchParams.get("sig") ?? "";
    const exp = Number(url.searchParams.get("exp"));
    const tampered = [
      `/api/media/signed/${m.id}?exp=${exp}&sig=${sig.slice(0, -1)}${sig.endsWith("A") ? "B" : "A"}`,
      `/api/media/signed/${m.id}?exp=${exp + 3600}&sig=${sig}`,
      `/api/media/signed/${other.id}?exp=${exp}&sig=${sig}`,
      `/api/media/signed/${m.id}?exp=${exp}&sig=${sig.slice(0, 20)}`,
    ];
    for (const path of tampered) {
      const response = await t.app.inject({ method: "GET", url: path });
      expect(response.statusCode, path).toBe(403);
      expect(response.headers["content-type"]).toMatch(/^application\/json/);
    }
    // An altered address whose expiry has passed is still a forgery, not "expired".
    now = new Date(now.getTime() + 2 * 3_600_000);
    const late = await t.app.inject({
      method: "GET",
      url: `/api/media/signed/${m.id}?exp=${exp}&sig=${sig.slice(1)}A`,
    });
    expect(late.statusCode).toBe(403);
    expect((await get(url.toString())).statusCode).toBe(410);
  });

  it("never gives an address longer than a day, and refuses one that claims more", async () => {
    const m = await medium();
    const url = new URL(signedMediaUrl(t.ctx, { mediaId: m.id, ttlMs: 30 * 24 * 3_600_000 }));
    expect(Number(url.searchParams.get("exp")) * 1000 - now.getTime()).toBeLessThanOrEqual(24 * 3_600_000 + 1000);
    expect((await get(url.toString())).statusCode).toBe(200);
    const missing = await t.app.inject({ method: "GET", url: `/api/media/signed/${m.id}` });
    expect(missing.statusCode).toBe(400);
  });
});
