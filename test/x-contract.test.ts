// The X connector against the fake X API v2 (test/peers/x/: no X server can run here, so a fake written from X's
// reference stands in): the connector contract, then what is X's own — alt text as X stores it, a thread's
// conversation, mentions across pages without repeats or gaps, hiding answers, the access token refreshed across
// its expiry with the rotating refresh token kept, the journal and the own timeline that recovery reads, X's
// refusals (problem JSON) in draht's words with the access tier named, and a connection refused without the app.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppContext } from "../src/app/context.js";
import { createXConnector } from "../src/channels/x/xConnector.js";
import { type TXCredentials, X_SCOPES } from "../src/channels/x/xOAuth.js";
import { sendJournal } from "../src/db/queries/networkSends.js";
import type { Database } from "../src/db/client.js";
import type { ChannelConnector, ConnectorAccount, InboundChange } from "../src/domain/connector.js";
import { connectorContract } from "./contract/connectorContract.js";
import { post } from "./contract/contractPeer.js";
import { startXPeer, type XPeer } from "./peers/x/xPeer.js";
import { citizensOf } from "./peers/x/xState.js";
import { buildChannelAccount, buildOrg, buildTestContext, samplePng } from "./support/factories.js";
import { LOCAL_NETWORK_ENV, LOCAL_NETWORK_SERVERS } from "./support/localNetworks.js";
import { openTestDatabase } from "./support/testDb.js";

let database: Database;
let ctx: AppContext;
beforeAll(async () => {
  database = await openTestDatabase();
  ctx = buildTestContext(database.db, { env: LOCAL_NETWORK_ENV });
});
afterAll(async () => {
  await database?.close();
});

/** A connected account on the peer whose credentials live in memory, renewed the way the app renews them. */
async function xAccount(peer: XPeer): Promise<ConnectorAccount & { stored: () => TXCredentials }> {
  const org = await buildOrg(ctx);
  const settings = { serverUrl: peer.url, authoriseUrl: `${peer.url}/i/oauth2/authorize`, tier: "basic" };
  const row = await buildChannelAccount(ctx, org.id, { network: "x", settings });
  const token = peer.state.connectDirectly(X_SCOPES);
  let stored: TXCredentials = {
    accessToken: token.access_token,
    refreshToken: token.refresh_token ?? null,
    expiresAt: new Date(Date.now() + token.expires_in * 1000).toISOString(),
    scope: token.scope,
  };
  return {
    id: row.id,
    orgId: org.id,
    settings,
    credentials: stored,
    renewCredentials: async (renewed) => void (stored = renewed as TXCredentials),
    storedCredentials: async () => stored,
    stored: () => stored,
  };
}

const connectorFor = (peer: XPeer) => () =>
  createXConnector({
    networkServers: LOCAL_NETWORK_SERVERS,
    journal: sendJournal(database.db),
    app: { clientId: peer.state.client.id, clientSecret: peer.state.client.secret },
    pageSize: 5,
    sleep: async () => {},
  });

connectorContract("X (fake API v2)", async () => {
  const peer = await startXPeer();
  const { state } = peer;
  const citizens = citizensOf(state);
  const restart = connectorFor(peer);
  return {
    connector: restart(),
    account: await xAccount(peer),
    countPublished: async (text) => [...state.tweets.values()].filter((t) => !t.deleted && t.text === text).length,
    altTextsOf: async (id) => (state.tweets.get(id)?.mediaIds ?? []).map((m) => state.media.get(m)?.altText ?? null),
    citizenReplies: async (id, text) => void citizens.reply(id, text),
    threadTexts: async (id) => state.below(id).map((t) => t.text),
    exists: async (id) => state.tweets.get(id)?.deleted === false,
    revokeCredentials: async () => state.revokeAll(),
    exhaustRateLimit: async () => {
      state.exhaustedUntil = Date.now() + 7000;
      return async () => void (state.exhaustedUntil = 0);
    },
    restart,
    close: () => peer.close(),
  };
});

describe("the X connector on X's own terms", () => {
  let peer: XPeer;
  let connector: ChannelConnector;
  let account: Awaited<ReturnType<typeof xAccount>>;
  let citizens: ReturnType<typeof citizensOf>;
  beforeAll(async () => {
    peer = await startXPeer();
    citizens = citizensOf(peer.state);
    connector = connectorFor(peer)();
    account = await xAccount(peer);
  });
  afterAll(async () => {
    await peer?.close();
  });

  async function drain(cursor: string | null) {
    const changes: InboundChange[] = [];
    let at = cursor;
    let pages = 0;
    for (;;) {
      const page = await connector.fetchInbound?.(account, at);
      if (!page) throw new Error("no fetchInbound");
      pages++;
      changes.push(...page.changes);
      at = page.cursor;
      if (!page.more) return { changes, cursor: at, pages, rateLimit: page.rateLimit };
    }
  }

  it("knows who the account is when connecting", async () => {
    expect(await connector.whoAmI?.(account)).toEqual({
      handle: "@musterstadt",
      url: "https://x.com/musterstadt",
      remoteAccountId: peer.state.account.id,
    });
  });

  it("takes twelve mentions over several pages (five each) without repeats or gaps, also when stopped between pages", async () => {
    const start = await drain(null);
    const written = Array.from({ length: 12 }, (_, i) => citizens.mention(`Frage ${i + 1}`).id);
    const first = await connector.fetchInbound?.(account, start.cursor);
    expect(first?.more).toBe(true);
    // A restart between pages: only the stored cursor is left.
    connector = connectorFor(peer)();
    const rest = await drain(first?.cursor ?? null);
    const ids = [...(first?.changes ?? []), ...rest.changes].map((c) => c.message.externalId);
    expect([...ids].sort()).toEqual([...written].sort());
    expect(new Set(ids).size).toBe(12);
    expect(rest.changes[0]?.message).toMatchObject({
      kind: "mention",
      authorHandle: "@erika_m",
      authorName: "Erika Mustermann",
    });
    expect(rest.rateLimit?.remaining).toBeGreaterThan(0);
    expect((await drain(rest.cursor)).changes).toEqual([]);
  });

  it("hides and unhides a citizen's answer under its post, and declares no other moderation", async () => {
    const start = await drain(null);
    const item = await connector.publish(account, post(`Baustelle ${Date.now()}`));
    const answer = citizens.reply(item.externalId, "Beleidigung");
    const found = (await drain(start.cursor)).changes.find((c) => c.message.externalId === answer.id)?.message;
    expect(found).toMatchObject({ kind: "reply", text: "Beleidigung", threadExternalId: item.externalId });
    const request = { idempotencyKey: "k", externalId: answer.id, authorHandle: "@erika_m", reason: "Netiquette" };
    await connector.moderate?.(account, { ...request, kind: "hide" });
    expect(peer.state.tweets.get(answer.id)?.hidden).toBe(true);
    await connector.moderate?.(account, { ...request, kind: "unhide" });
    expect(peer.state.tweets.get(answer.id)?.hidden).toBe(false);
    expect(connector.moderationKinds).toEqual(["hide", "unhide"]);
    await expect(connector.moderate?.(account, { ...request, kind: "block" })).rejects.toMatchObject({
      kind: "permanent",
    });
  });

  it("refreshes the access token when it runs out and keeps the rotated refresh token", async () => {
    const before = account.stored();
    peer.state.expireAccessTokens();
    const item = await connector.publish(account, post(`Nach zwei Stunden ${Date.now()}`));
    expect(peer.state.tweets.get(item.externalId)?.author_id).toBe(peer.state.account.id);
    const after = account.stored();
    expect(after.accessToken).not.toBe(before.accessToken);
    expect(after.refreshToken).not.toBe(before.refreshToken);
    // The old refresh token is spent at X.
    expect(peer.state.refreshTokens.has(before.refreshToken ?? "")).toBe(false);
    // A connector that still holds the old pair (another process) takes the stored one instead of refreshing again
    // with the spent refresh token (which X would refuse: the person would have to connect again).
    const other = connectorFor(peer)();
    await other.publish({ ...account, credentials: before }, post(`Anderer Prozess ${Date.now()}`));
    expect(account.stored()).toEqual(after);
  });

  it("publishes a video in chunks and images with alt text, and refuses an alt text X would not take whole", async () => {
    const png = await samplePng();
    const video = Buffer.alloc(5 * 1024 * 1024, 7);
    const item = await connector.publish(
      account,
      post(`Video ${Date.now()}`, {
        media: [
          { id: "v", kind: "video", altText: null, mimeType: "video/mp4", content: async () => new Uint8Array(video) },
        ],
      }),
    );
    const medium = peer.state.media.get(peer.state.tweets.get(item.externalId)?.mediaIds[0] ?? "");
    expect(medium?.bytes.length).toBe(video.length);
    expect(medium?.segments?.size).toBe(2);
    const long = "B".repeat(1200);
    const withAlt = await connector.publish(
      account,
      post(`Bild ${Date.now()}`, {
        media: [
          { id: "i", kind: "image", altText: long, mimeType: "image/png", content: async () => new Uint8Array(png) },
        ],
      }),
    );
    const image = peer.state.media.get(peer.state.tweets.get(withAlt.externalId)?.mediaIds[0] ?? "");
    expect(image?.altText).toBe(long.slice(0, 1000));
    expect(connector.limits.maxAltTextLength).toBe(1000);
  });

  it("finds an interrupted post among the account's own posts when the journal has nothing, by text and parent", async () => {
    const since = new Date(Date.now() - 1000);
    const parent = await connector.publish(account, post(`Teil 1 ${Date.now()}`));
    // Published by an attempt whose journal entry never came (the process died after X answered).
    const lost = peer.state.createTweet({
      author: peer.state.account,
      text: "Teil 2 verloren",
      replyTo: parent.externalId,
    });
    const lookup = { idempotencyKey: `lost-${Date.now()}`, text: "Teil 2 verloren", since };
    expect(await connector.findPublished(account, { ...lookup, inReplyToExternalId: parent.externalId })).toEqual({
      externalId: lost.id,
      url: `https://x.com/i/web/status/${lost.id}`,
    });
    expect(await connector.findPublished(account, { ...lookup, inReplyToExternalId: null })).toBeNull();
  });

  it("tells X's refusals apart: too long, duplicate, the tier, a rate window with its reset", async () => {
    await expect(connector.publish(account, post("x".repeat(281)))).rejects.toMatchObject({ kind: "permanent" });
    const text = `Doppelt ${Date.now()}`;
    await connector.publish(account, post(text));
    await expect(connector.publish(account, post(text))).rejects.toMatchObject({ kind: "permanent", status: 403 });
    peer.state.exhaustedUntil = Date.now() + 60_000;
    const limited = await connector.publish(account, post(`Zu viel ${Date.now()}`)).catch((e: unknown) => e);
    peer.state.exhaustedUntil = 0;
    expect(limited).toMatchObject({ kind: "rate_limited", status: 429 });
    expect((limited as { retryAfterMs: number }).retryAfterMs).toBeGreaterThan(50_000);
    // Reading mentions is not part of every tier: a refusal worth no retry, naming the account's tier.
    peer.state.notInTier.add("GET /2/users/:id/mentions");
    const refused = await connector.fetchInbound?.(account, null).catch((e: unknown) => e);
    peer.state.notInTier.clear();
    expect(refused).toMatchObject({ kind: "permanent", status: 403 });
    expect((refused as Error).message).toMatch(
      /^X GET \/2\/users\/:id\/mentions: HTTP 403 client-not-enrolled – .*Zugangsstufe Basic/,
    );
    expect((refused as Error).message).not.toMatch(/developer App/);
  });

  it("refuses to connect without the installation's app at X, in German words", async () => {
    const without = createXConnector({ networkServers: LOCAL_NETWORK_SERVERS, journal: sendJournal(database.db) });
    await expect(
      without.oauth?.registerClient({ serverUrl: peer.url, redirectUri: "http://localhost/cb" }),
    ).rejects.toMatchObject({
      code: "CHANNEL_APP_NOT_CONFIGURED",
    });
  });
});
