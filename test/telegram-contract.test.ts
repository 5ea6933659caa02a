// The Telegram connector against the fake Bot API (test/peers/telegram/: no Telegram server can run here, so a
// fake written from the Bot API reference stands in): the connector contract, then what is Telegram's own —
// photos with the description in the caption, direct messages to the bot, the webhook's secret and updates,
// deleting comments and banning their authors in the discussion group, and the journal that recovery reads.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppContext } from "../src/app/context.js";
import { createTelegramConnector } from "../src/channels/telegram/telegramConnector.js";
import { parseMessageId } from "../src/channels/telegram/telegramInbound.js";
import { sendJournal } from "../src/db/queries/networkSends.js";
import type { Database } from "../src/db/client.js";
import type { ChannelConnector, ConnectorAccount, InboundChange } from "../src/domain/connector.js";
import { connectorContract } from "./contract/connectorContract.js";
import { type BotApiPeer, citizensOf, startBotApiPeer } from "./peers/telegram/botApiPeer.js";
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

const postId = (externalId: string) => Number(externalId.split(":")[1]);

/** A channel account of a new organisation on the peer, with the bot's token as its credentials. */
async function telegramAccount(peer: BotApiPeer): Promise<ConnectorAccount> {
  const org = await buildOrg(ctx);
  const settings = { serverUrl: peer.url, channel: "@musterstadt" };
  const row = await buildChannelAccount(ctx, org.id, { network: "telegram", settings });
  return { id: row.id, orgId: org.id, settings, credentials: { botToken: peer.token } };
}

const connectorFor = () =>
  createTelegramConnector({ networkServers: LOCAL_NETWORK_SERVERS, journal: sendJournal(database.db), pageSize: 3 });

connectorContract("Telegram (fake Bot API)", async () => {
  const peer = await startBotApiPeer();
  const citizens = citizensOf(peer.state);
  const { state } = peer;
  const inChannel = (externalId: string) => state.find(state.channel.id, postId(externalId));
  return {
    connector: connectorFor(),
    account: await telegramAccount(peer),
    countPublished: async (text) =>
      state.messagesOf(state.channel.id).filter((m) => m.text === text || m.caption?.startsWith(text)).length,
    citizenReplies: async (externalId, text) => void citizens.comment(postId(externalId), text),
    threadTexts: async (externalId) => {
      const forward = state.forwardOf(postId(externalId));
      return state
        .messagesOf(state.group.id)
        .filter((m) => forward && m.message_thread_id === forward.message_id)
        .map((m) => m.text ?? "");
    },
    answerFiles: async (externalId) => {
      const at = parseMessageId(externalId);
      if (!at) return [];
      return state
        .messagesOf(Number(at.chatId))
        .filter((m) => m.reply_to_message?.message_id === at.messageId && m.photo)
        .map((m) => ({
          content: Buffer.from(state.uploads.get(m.photo?.at(-1)?.file_id ?? "") ?? new Uint8Array()),
          text: m.caption ?? "",
        }));
    },
    exists: async (externalId) => inChannel(externalId) !== null,
    revokeCredentials: async () => void state.tokens.clear(),
    exhaustRateLimit: async () => {
      state.floodUntil = Date.now() + 7000;
      return async () => void (state.floodUntil = 0);
    },
    restart: connectorFor,
    close: () => peer.close(),
  };
});

describe("the Telegram connector on Telegram's own terms", () => {
  let peer: BotApiPeer;
  let connector: ChannelConnector;
  let account: ConnectorAccount;
  let citizens: ReturnType<typeof citizensOf>;
  beforeAll(async () => {
    peer = await startBotApiPeer();
    citizens = citizensOf(peer.state);
    connector = connectorFor();
    account = await telegramAccount(peer);
  });
  afterAll(async () => {
    await peer?.close();
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

  it("checks the bot's token and finds the channel when connecting", async () => {
    expect(await connector.whoAmI?.(account)).toEqual({
      handle: "@musterstadt",
      url: "https://t.me/musterstadt",
      remoteAccountId: String(peer.state.channel.id),
    });
    // Telegram: 400 "chat not found" — a setting to correct, not credentials to renew.
    await expect(
      connectorFor().whoAmI?.({ ...account, settings: { ...account.settings, channel: "@unbekannt" } }),
    ).rejects.toMatchObject({ kind: "permanent", status: 400 });
    await expect(
      connectorFor().whoAmI?.({ ...account, credentials: { botToken: "7000000001:AAWrongTokenWrongTokenWrong" } }),
    ).rejects.toMatchObject({ kind: "auth_expired" });
  });

  it("posts a photo with the text as caption and the image's description as its last line", async () => {
    const png = await samplePng();
    const item = await connector.publish(account, {
      idempotencyKey: `photo-${Date.now()}`,
      attempt: 1,
      orgId: account.orgId,
      postId: "00000000-0000-4000-8000-000000000001",
      text: "Das neue Rathaus ist eröffnet.",
      poll: null,
      media: [
        {
          id: "m1",
          kind: "image",
          altText: "Das Rathaus bei Sonnenschein",
          mimeType: "image/png",
          content: async () => new Uint8Array(png),
        },
      ],
    });
    const sent = peer.state.find(peer.state.channel.id, postId(item.externalId));
    expect(sent?.photo?.[0]?.file_size).toBe(png.length);
    expect(sent?.caption).toBe("Das neue Rathaus ist eröffnet.\n\nBildbeschreibung: Das Rathaus bei Sonnenschein");
    expect(item.url).toBe(`https://t.me/musterstadt/${postId(item.externalId)}`);
  });

  it("takes direct messages to the bot into the inbox and answers in the private chat", async () => {
    const start = await drain(null);
    const written = citizens.writeToBot("Wann ist der Sperrmüll?");
    const { changes, cursor } = await drain(start.cursor);
    expect(changes).toHaveLength(1);
    const dm = changes[0]?.message;
    expect(dm).toMatchObject({
      kind: "direct",
      text: "Wann ist der Sperrmüll?",
      authorHandle: `tg://user?id=${citizens.person.id}`,
      authorName: "Erika (@erika_m)",
      threadExternalId: `direct:${citizens.person.id}`,
    });
    const answer = await connector.reply?.(account, {
      idempotencyKey: `dm-${Date.now()}`,
      orgId: account.orgId,
      threadExternalId: dm?.threadExternalId ?? "",
      inReplyToExternalId: dm?.externalId ?? "",
      text: "Am Dienstag.",
    });
    const chat = peer.state.messagesOf(citizens.person.id);
    expect(chat.at(-1)).toMatchObject({ text: "Am Dienstag.", reply_to_message: { message_id: written.message_id } });
    expect(answer?.externalId).toBe(`${citizens.person.id}:${chat.at(-1)?.message_id}`);
    expect((await drain(cursor)).changes).toEqual([]);
  });

  it("deletes a comment and bans its author from the discussion group", async () => {
    const start = await drain(null);
    const post = await connector.publish(account, {
      idempotencyKey: `mod-${Date.now()}`,
      attempt: 1,
      orgId: account.orgId,
      postId: "00000000-0000-4000-8000-000000000002",
      text: "Baustelle Hauptstraße",
      poll: null,
      media: [],
    });
    const troll = peer.state.citizen("Troll");
    citizens.comment(postId(post.externalId), "Beleidigung", troll);
    const comment = (await drain(start.cursor)).changes.find((c) => c.message.inReplyToExternalId === post.externalId);
    const request = {
      idempotencyKey: "k",
      externalId: comment?.message.externalId ?? "",
      authorHandle: comment?.message.authorHandle ?? "",
      reason: "Netiquette",
    };
    await connector.moderate?.(account, { ...request, kind: "delete" });
    expect(peer.state.find(peer.state.group.id, postId(request.externalId))).toBeNull();
    await connector.moderate?.(account, { ...request, kind: "delete" }); // twice is not an error
    await connector.moderate?.(account, { ...request, kind: "block" });
    expect(peer.state.banned.get(peer.state.group.id)?.has(troll.id)).toBe(true);
    await expect(connector.moderate?.(account, { ...request, kind: "mute" })).rejects.toMatchObject({
      kind: "permanent",
    });
  });

  it("finds a post in the journal after a restart, by its key only", async () => {
    const key = `journal-${Date.now()}`;
    const post = {
      idempotencyKey: key,
      attempt: 1,
      orgId: account.orgId,
      postId: "00000000-0000-4000-8000-000000000003",
      text: "Wahl am Sonntag",
      poll: null,
      media: [],
    };
    const item = await connector.publish(account, post);
    const restarted = connectorFor();
    expect(await restarted.findPublished(account, post)).toEqual(item);
    expect(await restarted.findPublished(account, { ...post, idempotencyKey: `${key}-other` })).toBeNull();
    // Another account's journal is its own.
    const other = await telegramAccount(peer);
    expect(await restarted.findPublished(other, post)).toBeNull();
  });

  it("posts several images as one album, the caption with the numbered descriptions on its first item", async () => {
    const png = await samplePng();
    const image = (id: string, altText: string) => ({
      id,
      kind: "image" as const,
      altText,
      mimeType: "image/png",
      fileName: `${id}.png`,
      content: async () => new Uint8Array(png),
    });
    const item = await connector.publish(account, {
      idempotencyKey: `album-${Date.now()}`,
      attempt: 1,
      orgId: account.orgId,
      postId: "00000000-0000-4000-8000-000000000005",
      text: "Bilder vom Stadtfest",
      poll: null,
      media: [image("a", "Die Bühne"), image("b", "Der Markt")],
    });
    const album = peer.state.messagesOf(peer.state.channel.id).filter((m) => m.media_group_id !== undefined);
    const first = peer.state.find(peer.state.channel.id, postId(item.externalId));
    expect(album.filter((m) => m.media_group_id === first?.media_group_id)).toHaveLength(2);
    expect(first?.caption).toBe("Bilder vom Stadtfest\n\nBildbeschreibung 1: Die Bühne\nBildbeschreibung 2: Der Markt");
  });

  it("tells a citizen who blocked the bot apart from a failure worth retrying", async () => {
    const start = await drain(null);
    citizens.writeToBot("Kurze Frage");
    const dm = (await drain(start.cursor)).changes[0]?.message;
    peer.state.blockedBy.add(citizens.person.id);
    const refused = await connector
      .reply?.(account, {
        idempotencyKey: `blocked-${Date.now()}`,
        orgId: account.orgId,
        threadExternalId: dm?.threadExternalId ?? "",
        inReplyToExternalId: dm?.externalId ?? "",
        text: "Antwort",
      })
      .catch((e: unknown) => e);
    peer.state.blockedBy.delete(citizens.person.id);
    expect(refused).toMatchObject({ kind: "permanent", status: 403 });
  });

  it("never lets the bot's token (part of every address) into an error, refused or unreachable", async () => {
    const wrong = { ...account, credentials: { botToken: "7000000001:AAWrongTokenWrongTokenWrong" } };
    const refused = await connectorFor()
      .fetchInbound?.(wrong, null)
      .catch((e: unknown) => e);
    const unreachable = await connectorFor()
      .fetchInbound?.({ ...account, settings: { ...account.settings, serverUrl: "http://127.0.0.1:9" } }, null)
      .catch((e: unknown) => e);
    expect(refused).toMatchObject({ kind: "auth_expired", message: "Telegram getUpdates: HTTP 401" });
    expect(unreachable).toMatchObject({ kind: "transient" });
    for (const error of [refused, unreachable])
      expect(
        JSON.stringify({ ...(error as object), message: (error as Error).message, stack: (error as Error).stack }),
      ).not.toMatch(/AAWrongToken|AAFakeToken/);
  });

  it("refuses a caption longer than Telegram allows before uploading anything", async () => {
    const error = await connector
      .publish(account, {
        idempotencyKey: `long-${Date.now()}`,
        attempt: 1,
        orgId: account.orgId,
        postId: "00000000-0000-4000-8000-000000000004",
        text: "x".repeat(1025),
        poll: null,
        media: [
          {
            id: "m",
            kind: "image",
            altText: "Bild",
            mimeType: "image/png",
            content: async () => new Uint8Array(await samplePng()),
          },
        ],
      })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: "permanent" });
  });
});
