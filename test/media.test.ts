// The media library over HTTP and in posts: type by content, thumbnails, limits, and the alt-text rule.
import { eq } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { updateMedia } from "../src/app/media/update-media.js";
import { minimalMp4 } from "./support/mp4.js";
import { createPost } from "../src/app/posts/create-post.js";
import { submitPost } from "../src/app/posts/submit-post.js";
import { createConnectorRegistry } from "../src/channels/registry.js";
import { sandboxDeliveries } from "../src/db/schema/index.js";
import { runPublishRound } from "../src/jobs/publishWorker.js";
import {
  buildChannelAccount,
  buildMedia,
  buildMember,
  buildOrg,
  samplePng,
  systemAdminOf,
} from "./support/factories.js";
import { type TestApp, signIn, startTestApp } from "./support/testApp.js";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ env: { MEDIA_MAX_BYTES: "200000" } });
});
afterAll(() => t.close());

async function editorOfNewOrg() {
  const org = await buildOrg(t.ctx);
  const member = await buildMember(t.ctx, org.id, { roles: ["press_office"] });
  return { org, member, session: await signIn(t.app, member.email, member.password) };
}

describe("media library", () => {
  it("takes the type from the content, not the name, and makes a thumbnail", async () => {
    const { org, session } = await editorOfNewOrg();
    const upload = await session.request(
      "POST",
      `/api/orgs/${org.id}/media?name=${encodeURIComponent("rathaus.mp4")}&consent=obtained`,
      await samplePng(800, 600),
    );
    expect(upload.statusCode).toBe(201);
    expect(upload.json()).toMatchObject({
      kind: "image",
      mimeType: "image/png",
      width: 800,
      height: 600,
      fileName: "rathaus.mp4",
      consent: "obtained",
      needsAltText: true,
    });
    const thumbnail = await session.request("GET", `/api/orgs/${org.id}/media/${upload.json().id}/thumbnail`);
    expect(thumbnail.headers["content-type"]).toBe("image/webp");
    expect((await sharp(thumbnail.rawPayload).metadata()).width).toBe(320);
    const list = await session.request("GET", `/api/orgs/${org.id}/media`);
    expect(list.json().media).toHaveLength(1);
    expect(list.body).not.toContain("content");
  });

  it("refuses text named .jpg, a broken image and a file over the limit, and keeps nothing", async () => {
    const { org, session } = await editorOfNewOrg();
    const text = await session.request(
      "POST",
      `/api/orgs/${org.id}/media?name=foto.jpg`,
      Buffer.from("<script>alert(1)</script>"),
    );
    expect(text.statusCode).toBe(415);
    expect(text.json().error).toMatchObject({ code: "DRAHT_ERR_UNSUPPORTED_MEDIA", details: { detected: "unknown" } });
    const png = await samplePng(400, 400);
    const broken = await session.request("POST", `/api/orgs/${org.id}/media?name=kaputt.png`, png.subarray(0, 60));
    expect(broken.statusCode).toBe(415);
    const noise = Buffer.concat([png.subarray(0, 8), Buffer.alloc(250_000, 7)]);
    const huge = await session.request("POST", `/api/orgs/${org.id}/media?name=gross.png`, noise);
    expect(huge.statusCode).toBe(413);
    expect((await session.request("GET", `/api/orgs/${org.id}/media`)).json().media).toEqual([]);
  });

  it("blocks a post whose image has no alternative text, and publishes it once the text is recorded", async () => {
    const { org, member } = await editorOfNewOrg();
    const account = await buildChannelAccount(t.ctx, org.id, {
      network: "sandbox",
      approval: { post: "none", campaign_template: "none", campaign_free: "none" },
    });
    const image = await buildMedia(t.ctx, org.id, { altText: null });
    const post = await createPost(t.ctx, {
      actor: member.actor,
      orgId: org.id,
      input: {
        body: "Das neue Rathaus.",
        mediaIds: [image.id],
        channels: [{ channelAccountId: account.id, textOverride: null }],
      },
    });
    const refused = await submitPost(t.ctx, { actor: member.actor, orgId: org.id, postId: post.id, revision: 1 }).catch(
      (e) => e,
    );
    expect(refused.details.findings).toMatchObject([
      { rule: "alt_text", severity: "blocker", params: { media: "bild.png" } },
    ]);
    await updateMedia(t.ctx, {
      actor: systemAdminOf(org.id),
      orgId: org.id,
      mediaId: image.id,
      input: { altText: "Das neue Rathaus mit Glasfassade im Sonnenlicht" },
    });
    expect(await submitPost(t.ctx, { actor: member.actor, orgId: org.id, postId: post.id, revision: 1 })).toMatchObject(
      { status: "scheduled" },
    );
    const connectors = createConnectorRegistry({ db: t.ctx.db, clock: t.ctx.clock, publicUrl: "http://localhost" });
    while ((await runPublishRound(t.ctx, { connectors })).length > 0);
    const [sent] = await t.ctx.db
      .select()
      .from(sandboxDeliveries)
      .where(eq(sandboxDeliveries.channelAccountId, account.id));
    expect(sent?.mediaCount).toBe(1);
  });

  it("accepts a short MP4 with its running time and refuses one over the limit", async () => {
    const { org, session } = await editorOfNewOrg();
    const short = await session.request(
      "POST",
      `/api/orgs/${org.id}/media?name=gruss.mp4`,
      Buffer.from(minimalMp4(42)),
    );
    expect(short.json()).toMatchObject({
      kind: "video",
      mimeType: "video/mp4",
      durationSeconds: 42,
      needsCaptions: true,
    });
    const long = await session.request(
      "POST",
      `/api/orgs/${org.id}/media?name=sitzung.mp4`,
      Buffer.from(minimalMp4(3 * 3600)),
    );
    expect(long.statusCode).toBe(415);
    expect(long.json().error.details).toMatchObject({ problem: "too_long", seconds: 10_800, limit: 180 });
  });

  it("refuses media of another organisation in a post", async () => {
    const { org, member } = await editorOfNewOrg();
    const other = await buildOrg(t.ctx);
    const foreign = await buildMedia(t.ctx, other.id);
    await expect(
      createPost(t.ctx, { actor: member.actor, orgId: org.id, input: { body: "x", mediaIds: [foreign.id] } }),
    ).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      details: { field: "mediaIds" },
    });
  });
});
