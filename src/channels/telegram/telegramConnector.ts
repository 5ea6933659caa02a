// Telegram through the Bot API: an organisation's bot (its token sealed as the account's credential) posts to a
// channel — text, or photos and videos with the text as caption —, deletes its posts, reads direct messages to
// the bot and the comments in the channel's discussion group (getUpdates with the offset as cursor, or the
// webhook: telegramWebhooks.ts), answers in the thread (reply_parameters), deletes comments and bans their
// authors from the discussion group. Telegram has no alt text: an image's description goes into the caption
// as a last line "Bildbeschreibung: …" where the 1,024 characters of a caption allow it (the closest real thing).
// Telegram keeps no idempotency key and a bot cannot read the channel back (it gets no updates of its own
// posts), so each send is written to draht's journal the moment Telegram answers (db/queries/networkSends.ts)
// and recovery looks there; a process that dies between Telegram's answer and that one insert can still send
// twice — the limit of a network without keys.
import { z } from "zod";
import { ZTelegramSettings } from "../../domain/channelSettings.js";
import {
  type ChannelConnector,
  type ConnectorAccount,
  ConnectorError,
  type InboundPage,
  type ModerationRequest,
  type OutgoingMedia,
  type OutgoingPost,
  type PublishedItem,
} from "../../domain/connector.js";
import { NETWORK_PROFILES, limitsOf } from "../../domain/networks.js";
import { type NetworkServerAccess, STRICT_POLICY } from "../../domain/serverAddress.js";
import type { SendJournal } from "../../db/queries/networkSends.js";
import { type FetchFunction, guardedFetch } from "../../net/guardedFetch.js";
import { TokenBuckets } from "../http/tokenBucket.js";
import {
  isMessageGone,
  telegramCall,
  ZTelegramChatInfo,
  ZTelegramMessage,
  ZTelegramUpdate,
  ZTelegramUser,
} from "./telegramApi.js";
import { messageId, pageOfUpdates, parseMessageId, threadMemory } from "./telegramInbound.js";
import { captionWithDescriptions, mediaForm } from "./telegramMedia.js";
import { telegramWebhooks } from "./telegramWebhooks.js";

export const ZTelegramCredentials = z.object({
  botToken: z.string().regex(/^\d{1,20}:[A-Za-z0-9_-]{20,100}$/),
  /** The bot's user name as the person named it when connecting: a token of another bot is refused. */
  botUsername: z.string().optional(),
});
/** Updates per getUpdates call (the Bot API's maximum). */
const PAGE = 100;

export interface TelegramDeps {
  journal: SendJournal;
  networkServers?: NetworkServerAccess;
  fetch?: FetchFunction;
  /** Per bot: Telegram allows about 20 messages a minute into one channel or group. */
  buckets?: TokenBuckets;
  /** Updates per page (tests make it small). */
  pageSize?: number;
}

interface Chats {
  channel: z.infer<typeof ZTelegramChatInfo>;
  group: number | null;
}

export function createTelegramConnector(deps: TelegramDeps): ChannelConnector {
  const fetchImpl = guardedFetch(deps.networkServers ?? STRICT_POLICY, deps.fetch);
  const buckets = deps.buckets ?? new TokenBuckets({ capacity: 20, refillMs: 60_000 });
  const pageSize = deps.pageSize ?? PAGE;
  const memory = threadMemory();
  const chats = new Map<string, Chats>();

  const settingsOf = (account: ConnectorAccount) => {
    const parsed = ZTelegramSettings.safeParse(account.settings);
    if (!parsed.success) throw new ConnectorError("permanent", "the account has no valid Telegram channel (settings)");
    return parsed.data;
  };
  const tokenOf = (account: ConnectorAccount) => {
    const parsed = ZTelegramCredentials.safeParse(account.credentials);
    if (!parsed.success) throw new ConnectorError("auth_expired", "the account is not connected (no bot token)");
    return parsed.data.botToken;
  };
  const call = <S extends z.ZodType>(
    account: ConnectorAccount,
    method: string,
    body: { params?: Record<string, unknown>; form?: FormData; sending?: boolean },
    result: S,
  ) =>
    telegramCall(
      fetchImpl,
      {
        serverUrl: settingsOf(account).serverUrl,
        token: tokenOf(account),
        method,
        ...body,
        ...(body.sending ? { bucket: buckets.for(account.id), timeoutMs: 120_000 } : {}),
      },
      result,
    );

  /** The channel (its id, its @username for links) and its discussion group, asked once per account and process. */
  async function chatsOf(account: ConnectorAccount): Promise<Chats> {
    const known = chats.get(account.id);
    if (known) return known;
    const settings = settingsOf(account);
    const channel = await call(account, "getChat", { params: { chat_id: settings.channel } }, ZTelegramChatInfo);
    if (channel.type !== "channel")
      throw new ConnectorError("permanent", "the configured Telegram chat is not a channel");
    const group = settings.discussionGroup
      ? (await call(account, "getChat", { params: { chat_id: settings.discussionGroup } }, ZTelegramChatInfo)).id
      : (channel.linked_chat_id ?? null);
    const found = { channel, group };
    chats.set(account.id, found);
    return found;
  }

  const urlOf = (channel: Chats["channel"], id: number) =>
    channel.username
      ? `https://t.me/${channel.username}/${id}`
      : `https://t.me/c/${String(channel.id).replace(/^-100/, "")}/${id}`;

  async function sendPost(account: ConnectorAccount, post: OutgoingPost, channel: Chats["channel"]) {
    if (post.poll) throw new ConnectorError("permanent", "draht does not publish polls on Telegram");
    if (post.media.length === 0) {
      const sent = await call(
        account,
        "sendMessage",
        { params: { chat_id: channel.id, text: post.text }, sending: true },
        ZTelegramMessage,
      );
      return sent.message_id;
    }
    const caption = captionWithDescriptions(post.text, post.media);
    const { method, form, params } = await mediaForm(channel.id, post.media, caption);
    const sent = await call(
      account,
      method,
      { form, params, sending: true },
      method === "sendMediaGroup" ? z.array(ZTelegramMessage).min(1) : ZTelegramMessage,
    );
    return (Array.isArray(sent) ? (sent[0] as z.infer<typeof ZTelegramMessage>) : sent).message_id;
  }

  /** Files with an answer: a photo, video or album answering the message, the text as its caption. */
  async function sendFiles(
    account: ConnectorAccount,
    args: { chatId: number; media: readonly OutgoingMedia[]; text: string; replyTo: Record<string, unknown> },
  ) {
    const caption = captionWithDescriptions(args.text, args.media);
    const { method, form, params } = await mediaForm(args.chatId, args.media, caption);
    const sent = await call(
      account,
      method,
      { form, params: { ...params, reply_parameters: args.replyTo }, sending: true },
      method === "sendMediaGroup" ? z.array(ZTelegramMessage).min(1) : ZTelegramMessage,
    );
    return Array.isArray(sent) ? (sent[0] as z.infer<typeof ZTelegramMessage>) : sent;
  }

  async function deleteMessage(account: ConnectorAccount, externalId: string) {
    const at = parseMessageId(externalId);
    if (!at) throw new ConnectorError("permanent", "not a Telegram message id");
    try {
      await call(account, "deleteMessage", { params: { chat_id: at.chatId, message_id: at.messageId } }, z.unknown());
    } catch (error) {
      if (!isMessageGone(error)) throw error;
    }
  }

  async function fetchInbound(account: ConnectorAccount, cursor: string | null): Promise<InboundPage> {
    const offset = cursor && /^\d+$/.test(cursor) ? Number(cursor) : undefined;
    let updates: z.infer<typeof ZTelegramUpdate>[];
    try {
      // The offset confirms every update before it: Telegram forgets them, and the cursor is stored only after
      // the page's changes are committed, so nothing is confirmed that draht does not have.
      updates = await call(
        account,
        "getUpdates",
        {
          params: {
            ...(offset !== undefined ? { offset } : {}),
            limit: pageSize,
            timeout: 0,
            allowed_updates: ["message", "edited_message"],
          },
        },
        z.array(ZTelegramUpdate),
      );
    } catch (error) {
      // 409: a webhook is set, and Telegram delivers there; polling has nothing to fill meanwhile.
      if (error instanceof ConnectorError && error.status === 409)
        return { changes: [], cursor, more: false, rateLimit: null };
      throw error;
    }
    const { channel, group } = await chatsOf(account);
    return pageOfUpdates({ updates, cursor, pageSize, channelId: channel.id, groupId: group, memory });
  }

  return {
    network: "telegram",
    capabilities: {
      publish: {
        text: true,
        media: true,
        altText: false,
        threads: false,
        polls: false,
        contentWarning: false,
        replyPolicy: false,
      },
      editOwn: false,
      deleteOwn: true,
      inbound: {
        mode: "poll",
        replies: true,
        mentions: false,
        quotes: false,
        directMessages: true,
        edits: true,
        deletions: false,
        streaming: false,
      },
      reply: true,
      replyMedia: { maxTotalBytes: null },
      connect: ["app_password"],
    },
    limits: {
      ...limitsOf(NETWORK_PROFILES.telegram),
      maxImageBytes: 10 * 1024 * 1024,
      maxVideoBytes: 50 * 1024 * 1024,
    },
    // A bot that is an administrator of the discussion group may delete comments and ban their authors there.
    moderationKinds: ["delete", "block"],
    appPassword: {
      // The bot's token is its only credential (from @BotFather); getMe checks it when the connection is saved.
      async connect({ identifier, password }) {
        const botUsername = identifier.trim().replace(/^@/, "");
        const credentials = ZTelegramCredentials.safeParse({
          botToken: password.trim(),
          ...(botUsername ? { botUsername } : {}),
        });
        if (!credentials.success) throw new ConnectorError("auth_expired", "this is not a Telegram bot token");
        return credentials.data;
      },
    },
    async whoAmI(account) {
      const me = await call(account, "getMe", {}, ZTelegramUser);
      const named = ZTelegramCredentials.safeParse(account.credentials).data?.botUsername;
      if (named && named.toLowerCase() !== me.username?.toLowerCase())
        throw new ConnectorError("auth_expired", "the token belongs to another bot than the one named");
      chats.delete(account.id);
      const { channel } = await chatsOf(account);
      return {
        handle: channel.username ? `@${channel.username}` : (channel.title ?? String(channel.id)),
        url: channel.username ? `https://t.me/${channel.username}` : null,
        remoteAccountId: String(channel.id),
      };
    },
    webhooks: {
      ...telegramWebhooks(memory),
      // Telegram keeps unconfirmed updates for a day and delivers them to the new webhook; getUpdates stops (409).
      async register(account, target) {
        await call(
          account,
          "setWebhook",
          {
            params: {
              url: target.url,
              secret_token: target.secret,
              allowed_updates: ["message", "edited_message"],
            },
          },
          z.literal(true),
        );
      },
      async unregister(account) {
        await call(account, "deleteWebhook", { params: { drop_pending_updates: false } }, z.literal(true));
      },
    },
    async findPublished(account, { idempotencyKey }) {
      return deps.journal.find({ accountId: account.id, idempotencyKey });
    },
    async publish(account, post): Promise<PublishedItem> {
      const { channel } = await chatsOf(account);
      const id = await sendPost(account, post, channel);
      const item = { externalId: messageId(channel.id, id), url: urlOf(channel, id) };
      await deps.journal.record({ accountId: account.id, idempotencyKey: post.idempotencyKey, ...item });
      return item;
    },
    async reply(account, answer) {
      const known = await deps.journal.find({ accountId: account.id, idempotencyKey: answer.idempotencyKey });
      if (known) return known;
      const to = parseMessageId(answer.inReplyToExternalId);
      if (!to) throw new ConnectorError("permanent", "not a Telegram message id");
      const { channel } = await chatsOf(account);
      if (to.chatId === String(channel.id))
        throw new ConnectorError("permanent", "answers go under a comment or a direct message, not the channel post");
      const replyTo = { message_id: to.messageId, allow_sending_without_reply: true };
      const sent = answer.media?.length
        ? await sendFiles(account, { chatId: Number(to.chatId), media: answer.media, text: answer.text, replyTo })
        : await call(
            account,
            "sendMessage",
            { params: { chat_id: to.chatId, text: answer.text, reply_parameters: replyTo }, sending: true },
            ZTelegramMessage,
          );
      const item = { externalId: messageId(sent.chat.id, sent.message_id), url: null };
      await deps.journal.record({ accountId: account.id, idempotencyKey: answer.idempotencyKey, ...item });
      return item;
    },
    deleteOwn: deleteMessage,
    fetchInbound,
    async moderate(account, request: ModerationRequest) {
      if (request.kind === "delete") return deleteMessage(account, request.externalId);
      if (request.kind !== "block") throw new ConnectorError("permanent", `Telegram cannot ${request.kind}`);
      const user = /^tg:\/\/user\?id=(\d+)$/.exec(request.authorHandle)?.[1];
      const at = parseMessageId(request.externalId);
      const { group } = await chatsOf(account);
      if (!user || !at || group === null || at.chatId !== String(group))
        throw new ConnectorError("permanent", "Telegram bans only authors of comments in the discussion group");
      await call(account, "banChatMember", { params: { chat_id: group, user_id: Number(user) } }, z.literal(true));
    },
  };
}
