// Media of website posts on the citizen side: a post published with an image or a video shows it on the
// public pages and in the citizens' API (responsive image with its alternative text, video with controls
// and its description), served from draht's own origin.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { uploadMedia } from "../src/app/media/upload-media.js";
import { buildMedia, buildOrg, samplePng, systemAdminOf } from "./support/factories.js";
import { minimalMp4 } from "./support/mp4.js";
import { type TestApp, startTestApp } from "./support/testApp.js";
import { publishToWebsite } from "./support/websiteMedia.js";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

interface ApiMedia {
  id: string;
  kind: string;
  altText: string | null;
  width: number | null;
  height: number | null;
}

describe("media on the website channel", () => {
  it("shows a published image with its alternative text on the post page, in the feed and in the API", async () => {
    const org = await buildOrg(t.ctx);
    const image = await buildMedia(t.ctx, org.id, {
      altText: "Der Rathausplatz mit Marktständen",
      bytes: await samplePng(1200, 800),
    });
    const { entryId } = await publishToWebsite(t.ctx, {
      orgId: org.id,
      body: "Der Rathausplatz ist fertig. Ab Samstag ist Markt.",
      mediaIds: [image.id],
    });
    const src = `/api/public/orgs/${org.slug}/media/${image.id}`;

    const page = await t.app.inject({ method: "GET", url: `/p/${org.slug}/beitrag/${entryId}` });
    const img = page.body.match(/<img [^>]*>/)?.[0] ?? "";
    expect(img).toContain(`src="${src}/content"`);
    expect(img).toContain(`srcset="${src}/thumbnail 320w, ${src}/content 1200w"`);
    expect(img).toMatch(/ sizes="[^"]+"/);
    expect(img).toContain('width="1200" height="800"');
    expect(img).toContain('alt="Der Rathausplatz mit Marktständen"');
    expect(img).toContain('loading="lazy"');
    const csp = String(page.headers["content-security-policy"]);
    expect(csp).toMatch(/img-src 'self'/);

    const feed = await t.app.inject({ method: "GET", url: `/p/${org.slug}` });
    expect(feed.body).toContain('alt="Der Rathausplatz mit Marktständen"');

    const api = (
      await t.app.inject({ method: "GET", url: `/api/public/orgs/${org.slug}/posts/${entryId}` })
    ).json() as {
      entry: { media: ApiMedia[] };
    };
    expect(api.entry.media).toEqual([
      expect.objectContaining({
        id: image.id,
        kind: "image",
        altText: "Der Rathausplatz mit Marktständen",
        width: 1200,
        height: 800,
      }),
    ]);
    const apiFeed = (await t.app.inject({ method: "GET", url: `/api/public/orgs/${org.slug}/feed` })).json() as {
      entries: { media: ApiMedia[] }[];
    };
    expect(apiFeed.entries[0]?.media.map((m) => m.altText)).toEqual(["Der Rathausplatz mit Marktständen"]);

    const file = await t.app.inject({ method: "GET", url: `${src}/content` });
    expect(file.statusCode).toBe(200);
    expect(file.headers["content-type"]).toBe("image/png");
    expect(file.headers["x-content-type-options"]).toBe("nosniff");
    expect(file.rawPayload.subarray(1, 4).toString()).toBe("PNG");
    const thumbnail = await t.app.inject({ method: "GET", url: `${src}/thumbnail` });
    expect(thumbnail.headers["content-type"]).toBe("image/webp");
  });

  it("plays a published video with controls and its description", async () => {
    const org = await buildOrg(t.ctx);
    const video = await uploadMedia(t.ctx, {
      actor: systemAdminOf(org.id),
      orgId: org.id,
      bytes: Buffer.from(minimalMp4(20)),
      maxBytes: 10_000_000,
      meta: {
        fileName: "gruss.mp4",
        altText: "Die Bürgermeisterin grüßt vom Rathausbalkon",
        hasCaptions: true,
      },
    });
    const { entryId } = await publishToWebsite(t.ctx, {
      orgId: org.id,
      body: "Ein Gruß zum Stadtfest.",
      mediaIds: [video.id],
    });
    const page = await t.app.inject({ method: "GET", url: `/p/${org.slug}/beitrag/${entryId}` });
    const figure = page.body.match(/<figure[^>]*>[\s\S]*?<\/figure>/)?.[0] ?? "";
    expect(figure).toMatch(/<video [^>]*controls/);
    expect(figure).toContain(`src="/api/public/orgs/${org.slug}/media/${video.id}/content"`);
    expect(figure).toContain("<figcaption>Die Bürgermeisterin grüßt vom Rathausbalkon</figcaption>");
    const file = await t.app.inject({
      method: "GET",
      url: `/api/public/orgs/${org.slug}/media/${video.id}/content`,
      headers: { range: "bytes=0-9" },
    });
    expect(file.statusCode).toBe(206);
    expect(file.headers["content-range"]).toMatch(/^bytes 0-9\/\d+$/);
    expect(file.rawPayload.length).toBe(10);
  });

  it("escapes alternative texts and descriptions", async () => {
    const org = await buildOrg(t.ctx);
    const image = await buildMedia(t.ctx, org.id, { altText: `Markt "heute" <script>alert(1)</script> & mehr` });
    const { entryId } = await publishToWebsite(t.ctx, { orgId: org.id, body: "Markttag.", mediaIds: [image.id] });
    const page = await t.app.inject({ method: "GET", url: `/p/${org.slug}/beitrag/${entryId}` });
    expect(page.body).not.toContain("<script>alert(1)");
    expect(page.body).toContain('alt="Markt &#34;heute&#34; &#60;script&#62;alert(1)&#60;/script&#62; &#38; mehr"');
  });
});
