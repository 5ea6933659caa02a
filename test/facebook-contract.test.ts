// The Facebook pages connector against the fake Graph API (test/peers/facebook/, written from Meta's reference: no
// server of Meta's can run here): the connector contract, then what is Facebook's own — photos with alt text in one
// post, a link, comments by webhook and by polling as one message, answers in the comment thread and in Messenger
// within the 24-hour window, hiding, deleting and banning, Graph's rate-limit headers and the journal.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppContext } from "../src/app/context.js";
import { createFacebookConnector } from "../src/channels/facebook/facebookConnector.js";
import { sendJournal } from "../src/db/queries/networkSends.js";
import type { Database } from "../src/db/client.js";
import type { ChannelConnector, ConnectorAccount, InboundChange } from "../src/domain/connector.js";
import { connectorContract } from "./contract/connectorContract.js";
import { type FakePageGraph, startFakePageGraph } from "./peers/facebook/fakePageGraph.js";
import { setNetworkEnabled } from "../src/app/channels/network-enablement.js";
import { buildChannelAccount, buildOrg, buildTestContext, samplePng, systemAdminOf } from "./support/factories.js";
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

/** Facebook Login's credentials narrowed to the page (what the app keeps after connecting). */
const credentialsOf = (pageToken: string) => ({
  userToken: null,
  userTokenExpiresAt: null,
  pages: [{ id: "104857600000001", name: "Stadt Musterstadt", accessToken: pageToken, instagram: null }],
});

async function pageAccount(graph: FakePageGraph): Promise<ConnectorAccount> {
  const org = await buildOrg(ctx);
  // Facebook is off until an administrator turns it on for the organisation (Art. 26 DSGVO).
  await setNetworkEnabled(ctx, { actor: systemAdminOf(org.id), orgId: org.id, network: "facebook", enabled: true });
  const settings = { serverUrl: graph.url, pageId: graph.state.pageId };
  const row = await buildChannelAccount(ctx, org.id, { network: "facebook", settings });
  return {
    id: row.id,
    orgId: org.id,
    settings,
    credentials: credentialsOf(graph.state.pageToken),
  };
}

const connectorFor = (clock?: () => Date) =>
  createFacebookConnector({
    networkServers: LOCAL_NETWORK_SERVERS,
    journal: sendJournal(database.db),
    pageSize: 3,
    ...(clock ? { clock } : {}),
  });

connectorContract("Facebook page (fake Graph API)", async () => {
  const graph = await startFakePageGraph();
  const { state } = graph;
  const account = await pageAccount(graph);
  return {
    connector: connectorFor(),
    account,
    countPublished: async (text) => [...state.posts.values()].filter((p) => !p.deleted && p.message === text).length,
    altTextsOf: async (externalId) =>
      (state.posts.get(externalId)?.photoIds ?? []).map((id) => state.photos.get(id)?.altText ?? null),
    citizenReplies: async (externalId, text) => void state.comment(externalId, text),
    citizenDeletes: async (externalId) => void state.deleteComment(externalId),
    threadTexts: async (externalId) => state.threadOf(externalId).map((c) => c.message),
    exists: async (externalId) => state.posts.get(externalId)?.deleted === false,
    revokeCredentials: async () => state.revokePageToken(),
    exhaustRateLimit: async () => {
      state.throttled = true;
      return async () => void (state.throttled = false);
    },
    restart: () => connectorFor(),
    close: () => graph.close(),
  };
});

describe("the Facebook connector on Facebook's own terms", () => {
  let graph: FakePageGraph;
  let connector: ChannelConnector;
  let account: ConnectorAccount;
  beforeAll(async () => {
    graph = await startFakePageGraph();
    connector = connectorFor();
    account = await pageAccount(graph);
  });
  afterAll(async () => {
    await graph?.close();
  });

  async function drain(cursor: string | null): Promise<{ changes: InboundChange[]; cursor: string | null }> {
    const changes: InboundChange[] = [];
    let at = cursor;
    for (;;) {
      const page = await connector.fetchInbound?.(account, at);
      if (!page) throw new Error("no fetchInbound");
      changes.push(...page.changes);
      at = page.cursor;
      if (!page.more) return { changes, cursor: at };
    }
  }
  const publish = (text: string, media: Parameters<ChannelConnector["publish"]>[1]["media"] = []) =>
    connector.publish(account, {
      idempotencyKey: `fb-${Date.now()}-${Math.random()}`,
      attempt: 1,
      orgId: account.orgId,
      postId: "00000000-0000-4000-8000-000000000001",
      text,
      poll: null,
      media,
    });

  it("checks the page's token with GET /me and names the page when connecting", async () => {
    expect(await connector.whoAmI?.(account)).toEqual({
      handle: "Stadt Musterstadt",
      url: "https://www.facebook.com/stadtmusterstadt",
      remoteAccountId: graph.state.pageId,
    });
    const other = { ...account, settings: { ...account.settings, pageId: "999" } };
    await expect(connector.whoAmI?.(other)).rejects.toMatchObject({ kind: "auth_expired" });
  });

  it("posts two photos with their alt texts as one post, and a link as Facebook's link", async () => {
    const png = await samplePng();
    const image = (altText: string) => ({
      id: altText,
      kind: "image" as const,
      altText,
      mimeType: "image/png",
      fileName: "bild.png",
      content: async () => new Uint8Array(png),
    });
    const item = await publish("Bilder vom Stadtfest", [image("Die Bühne"), image("Der Markt")]);
    const post = graph.state.posts.get(item.externalId);
    expect(post?.photoIds.map((id) => graph.state.photos.get(id))).toEqual([
      expect.objectContaining({ altText: "Die Bühne", bytes: png.length, published: true }),
      expect.objectContaining({ altText: "Der Markt", bytes: png.length, published: true }),
    ]);
    expect(item.url).toBe(`https://www.facebook.com/${item.externalId}`);
    const linked = await publish("Alles zur Wahl: https://www.musterstadt.de/wahl.");
    expect(graph.state.posts.get(linked.externalId)?.link).toBe("https://www.musterstadt.de/wahl");
  });

  it("takes a comment seen by webhook and by polling as one message with the same id and kind", async () => {
    const start = await drain(null);
    const item = await publish(`Baustelle ${Date.now()}`);
    const { delivery } = graph.state.comment(item.externalId, "Wie lange noch?");
    const webhooks = connector.webhooks;
    const body = Buffer.from(delivery.body);
    expect(
      webhooks?.verify({ headers: { "x-hub-signature-256": delivery.signature }, body }, graph.state.appSecret),
    ).toBe(true);
    const pushed = (await webhooks?.collect?.(account, webhooks.parse(body)))?.flatMap((e) => e.changes) ?? [];
    const polled = (await drain(start.cursor)).changes;
    expect(pushed.map((c) => c.message)).toEqual([expect.objectContaining({ kind: "reply", text: "Wie lange noch?" })]);
    expect(
      polled.map((c) => [c.message.externalId, c.message.kind, c.message.threadExternalId, c.message.authorHandle]),
    ).toEqual(
      pushed.map((c) => [c.message.externalId, c.message.kind, c.message.threadExternalId, c.message.authorHandle]),
    );
  });

  it("follows Graph's cursors through more comments and posts than one answer holds, taking each comment once", async () => {
    // A page of its own: 30 posts (the feed answers 25 at a time), 130 comments under the oldest (the edge: 100).
    const own = await startFakePageGraph();
    try {
      const ownAccount = await pageAccount(own);
      const ownConnector = createFacebookConnector({
        networkServers: LOCAL_NETWORK_SERVERS,
        journal: sendJournal(database.db),
        pageSize: 50,
      });
      const drainOwn = async (cursor: string | null) => {
        const changes: InboundChange[] = [];
        let at = cursor;
        for (let n = 0; n < 20; n++) {
          const page = await ownConnector.fetchInbound?.(ownAccount, at);
          changes.push(...(page?.changes ?? []));
          at = page?.cursor ?? null;
          if (!page?.more) break;
        }
        return { changes, cursor: at };
      };
      const start = await drainOwn(null);
      const posts = [];
      for (let i = 0; i < 30; i++)
        posts.push(
          await ownConnector.publish(ownAccount, {
            idempotencyKey: `paging-${i}-${Date.now()}`,
            attempt: 1,
            orgId: ownAccount.orgId,
            postId: "00000000-0000-4000-8000-000000000002",
            text: `Seite ${i}`,
            poll: null,
            media: [],
          }),
        );
      const texts = Array.from({ length: 130 }, (_, i) => `Kommentar ${i}`);
      for (const text of texts) own.state.comment(posts[0]?.externalId ?? "", text);
      const { changes, cursor } = await drainOwn(start.cursor);
      expect(changes.map((c) => c.message.text)).toEqual(texts);
      expect(new Set(changes.map((c) => c.message.externalId)).size).toBe(130);
      expect((await drainOwn(cursor)).changes).toEqual([]);
    } finally {
      await own.close();
    }
  });

  it("leaves out webhook deliveries for another page of the same app", async () => {
    const item = await publish(`Andere Seite ${Date.now()}`);
    const { delivery } = graph.state.comment(item.externalId, "Hallo");
    const foreign = delivery.body.replaceAll(graph.state.pageId, "104857600000999");
    const events = connector.webhooks?.parse(Buffer.from(foreign)) ?? [];
    expect(events.flatMap((e) => e.changes)).toHaveLength(1);
    const kept = await connector.webhooks?.collect?.(account, events);
    expect(kept?.flatMap((e) => e.changes)).toEqual([]);
  });

  it("answers a Messenger message inside the 24 hours and refuses outside them, before calling Meta", async () => {
    const start = await drain(null);
    graph.state.writeToPage("Wann hat das Bürgerbüro offen?");
    const dm = (await drain(start.cursor)).changes.find((c) => c.message.kind === "direct")?.message;
    expect(dm).toMatchObject({ text: "Wann hat das Bürgerbüro offen?", threadExternalId: null });
    const answer = (key: string, citizenLastWroteAt: Date) =>
      connector.reply?.(account, {
        idempotencyKey: key,
        orgId: account.orgId,
        threadExternalId: "direct",
        inReplyToExternalId: dm?.externalId ?? "",
        toHandle: dm?.authorHandle ?? "",
        text: "Montag bis Freitag, 8 bis 16 Uhr.",
        citizenLastWroteAt,
      });
    const sent = await answer(`dm-${Date.now()}`, new Date());
    const conversation = graph.state.conversations.get(dm?.authorHandle ?? "");
    expect(conversation?.messages.at(-1)).toMatchObject({
      id: sent?.externalId,
      message: "Montag bis Freitag, 8 bis 16 Uhr.",
    });
    const before = graph.state.requests;
    const late = await answer(`late-${Date.now()}`, new Date(Date.now() - 25 * 3_600_000))?.catch((e: unknown) => e);
    expect(late).toMatchObject({ kind: "permanent", status: null });
    expect((late as Error).message).toContain("24 Stunden");
    expect(graph.state.requests).toBe(before);
    // The page's own answer is not taken in as a citizen's message.
    expect((await drain(start.cursor)).changes.filter((c) => c.message.kind === "direct")).toHaveLength(1);
  });

  it("hides, shows again and deletes a comment, and bans its author from the page", async () => {
    const item = await publish(`Netiquette ${Date.now()}`);
    const troll = graph.state.citizen("Troll");
    const { comment } = graph.state.comment(item.externalId, "Beleidigung", troll);
    const request = { idempotencyKey: "k", externalId: comment.id, authorHandle: troll.id, reason: "Netiquette" };
    await connector.moderate?.(account, { ...request, kind: "hide" });
    expect(graph.state.comments.get(comment.id)?.hidden).toBe(true);
    await connector.moderate?.(account, { ...request, kind: "unhide" });
    expect(graph.state.comments.get(comment.id)?.hidden).toBe(false);
    await connector.moderate?.(account, { ...request, kind: "delete" });
    expect(graph.state.comments.get(comment.id)?.deleted).toBe(true);
    await connector.moderate?.(account, { ...request, kind: "delete" }); // twice is not an error
    await connector.moderate?.(account, { ...request, kind: "block" });
    expect(graph.state.blocked.has(troll.id)).toBe(true);
    await expect(connector.moderate?.(account, { ...request, kind: "mute" })).rejects.toMatchObject({
      kind: "permanent",
    });
  });

  it("waits as long as Meta's X-Business-Use-Case-Usage says when the page's rate limit is reached", async () => {
    graph.state.throttled = true;
    const error = await publish("Zu viel").catch((e: unknown) => e);
    graph.state.throttled = false;
    expect(error).toMatchObject({ kind: "rate_limited", retryAfterMs: 2 * 60_000 });
  });

  it("finds a post among the page's published posts when the journal has nothing (another key, same text)", async () => {
    const since = new Date(Date.now() - 2000);
    const text = `Wahl am Sonntag ${Date.now()}`;
    const item = await publish(text);
    const restarted = connectorFor();
    const lookup = { idempotencyKey: `lost-${Date.now()}`, text, since };
    expect(await restarted.findPublished(account, lookup)).toEqual(item);
    expect(await restarted.findPublished(account, { ...lookup, text: `${text} (anders)` })).toBeNull();
  });
});
