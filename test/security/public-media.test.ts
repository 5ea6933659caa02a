// The public media route serves only what the website channel published: a medium of a post on the
// organisation's public pages. Library items never published, another organisation's media and the media
// of a post taken down again are not found — nobody reads unpublished files by guessing or knowing an id.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { retractPost } from "../../src/app/posts/retract-post.js";
import { createConnectorRegistry } from "../../src/channels/registry.js";
import { buildMedia, buildMember, buildOrg } from "../support/factories.js";
import { type TestApp, startTestApp } from "../support/testApp.js";
import { publishToWebsite } from "../support/websiteMedia.js";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const fetchMedium = (orgKey: string, mediaId: string, variant = "content") =>
  t.app.inject({ method: "GET", url: `/api/public/orgs/${orgKey}/media/${mediaId}/${variant}` });

describe("public media", () => {
  it("serves a published medium, but no library item that was never published", async () => {
    const org = await buildOrg(t.ctx);
    const published = await buildMedia(t.ctx, org.id);
    const unpublished = await buildMedia(t.ctx, org.id, { altText: "Entwurf, noch geheim" });
    await publishToWebsite(t.ctx, { orgId: org.id, body: "Markttag.", mediaIds: [published.id] });
    expect((await fetchMedium(org.slug, published.id)).statusCode).toBe(200);
    expect((await fetchMedium(org.id, published.id, "thumbnail")).statusCode).toBe(200);
    for (const variant of ["content", "thumbnail"]) {
      const refused = await fetchMedium(org.slug, unpublished.id, variant);
      expect(refused.statusCode).toBe(404);
      expect(refused.headers["content-type"]).toMatch(/^application\/json/);
    }
    expect((await fetchMedium(org.slug, published.id, "original")).statusCode).toBe(404);
  });

  it("does not serve another organisation's published medium under this organisation's name", async () => {
    const [own, other] = [await buildOrg(t.ctx), await buildOrg(t.ctx)];
    const theirs = await buildMedia(t.ctx, other.id);
    await publishToWebsite(t.ctx, { orgId: other.id, body: "Unser Markt.", mediaIds: [theirs.id] });
    expect((await fetchMedium(other.slug, theirs.id)).statusCode).toBe(200);
    expect((await fetchMedium(own.slug, theirs.id)).statusCode).toBe(404);
  });

  it("stops serving the media of a post taken down from its channels", async () => {
    const org = await buildOrg(t.ctx);
    const image = await buildMedia(t.ctx, org.id);
    const { postId, entryId } = await publishToWebsite(t.ctx, {
      orgId: org.id,
      body: "Falsches Datum.",
      mediaIds: [image.id],
    });
    expect((await fetchMedium(org.slug, image.id)).statusCode).toBe(200);
    const press = await buildMember(t.ctx, org.id, { roles: ["press_office"] });
    const connectors = createConnectorRegistry({ db: t.ctx.db, clock: t.ctx.clock, publicUrl: t.ctx.publicUrl });
    await retractPost(
      t.ctx,
      { connectors },
      { actor: press.actor, orgId: org.id, postId, input: { reason: "Falsches Datum" } },
    );
    expect((await t.app.inject({ method: "GET", url: `/p/${org.slug}/beitrag/${entryId}` })).statusCode).toBe(404);
    expect((await fetchMedium(org.slug, image.id)).statusCode).toBe(404);
    expect((await fetchMedium(org.slug, image.id, "thumbnail")).statusCode).toBe(404);
  });

  it("keeps a medium reachable while another published post still shows it", async () => {
    const org = await buildOrg(t.ctx);
    const image = await buildMedia(t.ctx, org.id);
    const first = await publishToWebsite(t.ctx, { orgId: org.id, body: "Erster Beitrag.", mediaIds: [image.id] });
    await publishToWebsite(t.ctx, {
      orgId: org.id,
      body: "Zweiter Beitrag.",
      mediaIds: [image.id],
      websiteAccountId: first.websiteAccountId,
    });
    const press = await buildMember(t.ctx, org.id, { roles: ["press_office"] });
    const connectors = createConnectorRegistry({ db: t.ctx.db, clock: t.ctx.clock, publicUrl: t.ctx.publicUrl });
    await retractPost(
      t.ctx,
      { connectors },
      { actor: press.actor, orgId: org.id, postId: first.postId, input: { reason: "Doppelt" } },
    );
    expect((await fetchMedium(org.slug, image.id)).statusCode).toBe(200);
  });
});
