// The Instagram connector against the fake Graph API (test/peers/instagram/: no Meta server can run here, so a fake
// written from Meta's reference stands in) — the connector contract, then what is Instagram's own: carousels with
// alt texts, images Instagram fetches from draht's signed addresses (a bad address fails the container), the
// two-step publishing across interrupted attempts, comments by webhook and by polling under the same ids, replies,
// hiding and deleting comments, direct messages within Meta's 24-hour window, and Graph's usage headers.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signedMediaUrl } from "../src/app/media/get-signed-medium.js";
import { createInstagramConnector } from "../src/channels/instagram/instagramConnector.js";
import { sendJournal } from "../src/db/queries/networkSends.js";
import { networkSends } from "../src/db/schema/index.js";
import type { ChannelConnector, ConnectorAccount, OutgoingMedia, OutgoingPost } from "../src/domain/connector.js";
import { connectorContract } from "./contract/connectorContract.js";
import { type FakeInstagramApi, startFakeInstagramApi } from "./peers/instagram/fakeInstagramApi.js";
import { buildChannelAccount, buildMedia, buildOrg, samplePng } from "./support/factories.js";
import { LOCAL_NETWORK_ENV, LOCAL_NETWORK_SERVERS } from "./support/localNetworks.js";
import { type TestApp, startTestApp } from "./support/testApp.js";

/** draht, listening: Instagram fetches the images from its signed media addresses. */
let t: TestApp;
let draht: string;
beforeAll(async () => {
  t = await startTestApp({ env: LOCAL_NETWORK_ENV });
  draht = await t.app.listen({ host: "127.0.0.1", port: 0 });
});
afterAll(async () => {
  await t?.close();
});

const connectorFor = () =>
  createInstagramConnector({
    networkServers: LOCAL_NETWORK_SERVERS,
    journal: sendJournal(t.ctx.db),
    sleep: async () => {},
    pageSize: 3,
  });

/** An organisation's Instagram account on the fake, with the page's token as its credentials. */
async function instagramAccount(fake: FakeInstagramApi): Promise<ConnectorAccount> {
  const org = await buildOrg(t.ctx);
  const settings = {
    serverUrl: fake.url,
    igUserId: fake.state.igUserId,
    pageId: fake.state.pageId,
    username: fake.state.username,
  };
  const row = await buildChannelAccount(t.ctx, org.id, { network: "instagram", settings });
  return { id: row.id, orgId: org.id, settings, credentials: { accessToken: fake.state.token } };
}

const address = (mediaId: string, ttlMs: number) => signedMediaUrl({ ...t.ctx, publicUrl: draht }, { mediaId, ttlMs });

/** A picture of the organisation's media library, as the publishing use case hands it over. */
async function libraryImage(orgId: string, altText: string): Promise<OutgoingMedia> {
  const medium = await buildMedia(t.ctx, orgId, { altText });
  return {
    id: medium.id,
    kind: "image",
    altText,
    mimeType: "image/png",
    publicUrl: (ttl) => address(medium.id, ttl),
  };
}

connectorContract("Instagram (fake Graph API)", async () => {
  const fake = await startFakeInstagramApi();
  const { state } = fake;
  const account = await instagramAccount(fake);
  return {
    connector: connectorFor(),
    account,
    countPublished: async (text) => [...state.media.values()].filter((m) => m.caption === text).length,
    altTextsOf: async (externalId) => state.media.get(externalId)?.altTexts ?? [],
    libraryMedium: async (png, altText) => (await buildMedia(t.ctx, account.orgId, { bytes: png, altText })).id,
    mediaAddress: address,
    requiredImage: () => libraryImage(account.orgId, "Das Rathaus"),
    citizenReplies: async (externalId, text) => void state.citizenComments({ mediaId: externalId, text }),
    threadTexts: async (externalId) => state.commentsOf(externalId).map((c) => c.text),
    // The journal lost the record (the process died between Meta's answer and the insert): caption and time remain.
    forgetIdempotencyKeys: async () =>
      void (await t.ctx.db.delete(networkSends).where(eq(networkSends.channelAccountId, account.id))),
    revokeCredentials: async () => void (state.token = "EAAGrevoked"),
    exhaustRateLimit: async () => {
      state.rateLimitedUntil = Date.now() + 60_000;
      return async () => void (state.rateLimitedUntil = 0);
    },
    restart: connectorFor,
    close: () => fake.close(),
  };
});

describe("the Instagram connector on Instagram's own terms", () => {
  let fake: FakeInstagramApi;
  let connector: ChannelConnector;
  let account: ConnectorAccount;
  beforeAll(async () => {
    fake = await startFakeInstagramApi();
    connector = connectorFor();
    account = await instagramAccount(fake);
  });
  afterAll(async () => {
    await fake?.close();
  });

  let n = 0;
  const outgoing = async (text: string, media: OutgoingMedia[]): Promise<OutgoingPost> => ({
    idempotencyKey: `ig-${Date.now()}-${++n}`,
    attempt: 1,
    orgId: account.orgId,
    postId: "00000000-0000-4000-8000-000000000001",
    text,
    media,
    poll: null,
  });

  it("checks the page's token for the account when connecting", async () => {
    expect(await connector.whoAmI?.(account)).toEqual({
      handle: "@stadt_musterstadt",
      url: "https://www.instagram.com/stadt_musterstadt/",
      remoteAccountId: fake.state.igUserId,
    });
    const other = { ...account, credentials: { accessToken: fake.state.token, igUserId: "17841499999999999" } };
    await expect(connector.whoAmI?.(other)).rejects.toMatchObject({ kind: "auth_expired" });
  });

  it("publishes a carousel: a container per image with its alt text, fetched from draht's signed addresses", async () => {
    const png = await samplePng();
    const post = await outgoing("Bilder vom Stadtfest", [
      await libraryImage(account.orgId, "Die Bühne am Markt"),
      await libraryImage(account.orgId, "Der Umzug in der Altstadt"),
    ]);
    const item = await connector.publish(account, post);
    const published = fake.state.media.get(item.externalId);
    expect(published?.caption).toBe("Bilder vom Stadtfest");
    expect(published?.altTexts).toEqual(["Die Bühne am Markt", "Der Umzug in der Altstadt"]);
    expect(published?.images.map((b) => b.equals(png))).toEqual([true, true]);
    expect(item.url).toBe(published?.permalink);
    const children = [...fake.state.containers.values()].filter((c) => c.isCarouselItem);
    expect(children.every((c) => c.imageUrl?.startsWith(`${draht}/api/media/signed/`))).toBe(true);
  });

  it("fails the container when Instagram cannot fetch the image (a forged address), permanently", async () => {
    const image = await libraryImage(account.orgId, "Bild");
    // One character of the signature changed: always to another one (a signature starting with "x" stayed valid
    // when every first character became "x", and the test failed one run in 64).
    const change = (url: string) => url.replace(/sig=(.)/, (_, first: string) => `sig=${first === "x" ? "y" : "x"}`);
    const forged = { ...image, publicUrl: (ttl: number) => change(image.publicUrl?.(ttl) ?? "") };
    const error = await connector.publish(account, await outgoing("Gefälscht", [forged])).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: "permanent", message: "HTTP 400 Graph error 9004" });
  });

  it("reuses the containers of an interrupted attempt and publishes once", async () => {
    fake.state.processingReads = 10; // Instagram is slow: the first attempt gives up waiting
    const post = await outgoing("Geduld", [await libraryImage(account.orgId, "Eine Uhr")]);
    const first = await connector.publish(account, post).catch((e: unknown) => e);
    expect(first).toMatchObject({ kind: "transient" });
    const containers = fake.state.containers.size;
    fake.state.processingReads = 1;
    for (const c of fake.state.containers.values()) c.pendingReads = 0;
    const restarted = connectorFor();
    const item = await restarted.publish(account, { ...post, attempt: 2 });
    expect(fake.state.containers.size).toBe(containers);
    expect(await restarted.findPublished(account, post)).toEqual(item);
    expect(await restarted.publish(account, { ...post, attempt: 3 })).toEqual(item);
    expect([...fake.state.media.values()].filter((m) => m.caption === "Geduld")).toHaveLength(1);
  });

  it("takes a comment once whether it came by webhook or by polling, and answers, hides and deletes it", async () => {
    const post = await connector.publish(
      account,
      await outgoing("Sperrung", [await libraryImage(account.orgId, "Brücke")]),
    );
    let cursor = (await connector.fetchInbound?.(account, null))?.cursor ?? null;
    for (
      let page = await connector.fetchInbound?.(account, cursor);
      page?.more;
      page = await connector.fetchInbound?.(account, cursor)
    )
      cursor = page.cursor;
    const { comment, delivery } = fake.state.citizenComments({ mediaId: post.externalId, text: "Wie lange noch?" });
    expect(connector.webhooks?.verify(delivery, fake.state.appSecret)).toBe(true);
    const pushed = connector.webhooks?.parse(delivery.body).flatMap((e) => e.changes) ?? [];
    const polled = await connector.fetchInbound?.(account, cursor);
    expect(pushed.map((c) => c.message.externalId)).toEqual([comment.id]);
    expect(polled?.changes.map((c) => c.message.externalId)).toEqual([comment.id]);
    expect(polled?.changes[0]?.message).toMatchObject({
      kind: "reply",
      threadExternalId: post.externalId,
      inReplyToExternalId: post.externalId,
      authorHandle: "erika_m",
    });
    expect((await connector.fetchInbound?.(account, polled?.cursor ?? null))?.changes).toEqual([]);
    const answer = await connector.reply?.(account, {
      idempotencyKey: `a-${Date.now()}`,
      orgId: account.orgId,
      threadExternalId: post.externalId,
      inReplyToExternalId: comment.id,
      text: "Bis Freitag.",
    });
    expect(fake.state.comments.get(answer?.externalId ?? "")).toMatchObject({
      text: "Bis Freitag.",
      parentId: comment.id,
    });
    // The account's own answer does not come back as a citizen's comment.
    expect((await connector.fetchInbound?.(account, polled?.cursor ?? null))?.changes).toEqual([]);
    const request = { idempotencyKey: "m", externalId: comment.id, authorHandle: "erika_m", reason: "Netiquette" };
    await connector.moderate?.(account, { ...request, kind: "hide" });
    expect(fake.state.comments.get(comment.id)?.hidden).toBe(true);
    await connector.moderate?.(account, { ...request, kind: "unhide" });
    expect(fake.state.comments.get(comment.id)?.hidden).toBe(false);
    await connector.moderate?.(account, { ...request, kind: "delete" });
    expect(fake.state.comments.has(comment.id)).toBe(false);
    await connector.moderate?.(account, { ...request, kind: "delete" }); // twice is not an error
    await expect(connector.moderate?.(account, { ...request, kind: "block" })).rejects.toMatchObject({
      kind: "permanent",
    });
  });

  it("answers a direct message through the page within 24 hours, and refuses before calling Meta after them", async () => {
    const { mid, delivery } = fake.state.citizenWritesDirect({ senderId: "6543210987654321", text: "Hallo Stadt" });
    const [dm] = connector.webhooks?.parse(delivery.body).flatMap((e) => e.changes) ?? [];
    expect(dm?.message).toMatchObject({ externalId: mid, kind: "direct", threadExternalId: "direct:6543210987654321" });
    const answer = (at: Date) =>
      connector.reply?.(account, {
        idempotencyKey: `dm-${Date.now()}-${++n}`,
        orgId: account.orgId,
        threadExternalId: dm?.message.threadExternalId ?? "",
        inReplyToExternalId: mid,
        text: "Guten Tag!",
        citizenLastWroteAt: at,
      });
    const sent = await answer(new Date());
    expect(fake.state.sentMessages.at(-1)).toMatchObject({
      id: sent?.externalId,
      recipient: "6543210987654321",
      text: "Guten Tag!",
    });
    const count = fake.state.sentMessages.length;
    await expect(answer(new Date(Date.now() - 25 * 3_600_000))).rejects.toMatchObject({ kind: "permanent" });
    expect(fake.state.sentMessages).toHaveLength(count);
  });

  it("waits as long as Graph's usage headers say when rate limited", async () => {
    fake.state.rateLimitedUntil = Date.now() + 60_000;
    const error = await connector.whoAmI?.(account).catch((e: unknown) => e);
    fake.state.rateLimitedUntil = 0;
    expect(error).toMatchObject({ kind: "rate_limited", retryAfterMs: 120_000 });
  });
});
