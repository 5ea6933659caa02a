// Telegram updates as draht's inbound changes, the same for getUpdates and the webhook: a message in a private
// chat is a direct message to the bot; a message in the channel's discussion group that answers the channel
// post Telegram forwarded there automatically (is_automatic_forward) is a reply to that post, threaded under
// it; edits come as edited_message. The automatic forwards themselves are the organisation's own posts and
// are left out, as are channel posts (the bot never sees its own, and others' are not citizens' items).
// Ids: "<chat id>:<message id>" (message ids count per chat). Authors: tg://user?id=<id>, Telegram's own
// link to a user (a username is optional and can change; banning needs the id).
import type { InboundChange, InboundPage } from "../../domain/connector.js";
import type { TTelegramMessage, TTelegramUpdate } from "./telegramApi.js";

export const messageId = (chatId: number | string, id: number | string) => `${chatId}:${id}`;

/** "<chat id>:<message id>" back into its parts; null when it is not one. */
export function parseMessageId(externalId: string): { chatId: string; messageId: number } | null {
  const match = /^(-?\d+):(\d+)$/.exec(externalId);
  return match ? { chatId: match[1] as string, messageId: Number(match[2]) } : null;
}

/** The channel post an automatic forward in the discussion group mirrors, as draht's id of the post. */
export function forwardedPostOf(message: Pick<TTelegramMessage, "is_automatic_forward" | "forward_origin">) {
  const origin = message.forward_origin;
  if (!message.is_automatic_forward || !origin?.chat || origin.message_id === undefined) return null;
  return messageId(origin.chat.id, origin.message_id);
}

export interface ThreadMemory {
  /** The channel post mirrored by the discussion group's message `groupMessageId` (seen as an automatic forward). */
  postOf(groupChatId: number, groupMessageId: number): string | null;
  remember(groupChatId: number, groupMessageId: number, postExternalId: string): void;
}

/** Per process: enough to thread answers to answers; the direct answers to a post carry their post with them. */
export function threadMemory(limit = 10_000): ThreadMemory {
  const posts = new Map<string, string>();
  return {
    postOf: (chat, id) => posts.get(messageId(chat, id)) ?? null,
    remember(chat, id, post) {
      posts.set(messageId(chat, id), post);
      if (posts.size > limit) posts.delete(posts.keys().next().value as string);
    },
  };
}

function authorOf(message: TTelegramMessage): { handle: string; name: string } | null {
  const from = message.from;
  if (!from) return null;
  const name = [from.first_name, from.last_name].filter(Boolean).join(" ");
  return {
    handle: `tg://user?id=${from.id}`,
    name: from.username ? `${name} (@${from.username})`.trim() : name || `Telegram ${from.id}`,
  };
}

function mediaOf(message: TTelegramMessage) {
  if (message.photo) return [{ kind: "image" as const, url: null, altText: null }];
  if (message.video) return [{ kind: "video" as const, url: null, altText: null }];
  if (message.voice) return [{ kind: "audio" as const, url: null, altText: null }];
  if (message.document) return [{ kind: "file" as const, url: null, altText: null }];
  return [];
}

/** Where a group message belongs: the channel post it answers (directly, or through the thread), its parent. */
function placeInGroup(message: TTelegramMessage, memory: ThreadMemory | null) {
  const parent = message.reply_to_message;
  const direct = parent ? forwardedPostOf(parent) : null;
  if (direct) return { kind: "reply" as const, thread: direct, inReplyTo: direct };
  const inThread =
    message.message_thread_id !== undefined ? memory?.postOf(message.chat.id, message.message_thread_id) : null;
  const thread =
    inThread ??
    (message.message_thread_id !== undefined ? messageId(message.chat.id, message.message_thread_id) : null);
  return {
    kind: thread ? ("reply" as const) : ("comment" as const),
    thread: thread ?? messageId(message.chat.id, message.message_id),
    inReplyTo: parent ? messageId(parent.chat.id, parent.message_id) : thread,
  };
}

/** One update as an inbound change, or null when it brings nothing from a citizen. */
export function inboundChangeOf(update: TTelegramUpdate, memory: ThreadMemory | null = null): InboundChange | null {
  const edited = update.edited_message !== undefined;
  const message = update.message ?? update.edited_message;
  if (!message) return null;
  const mirrored = forwardedPostOf(message);
  if (mirrored) {
    memory?.remember(message.chat.id, message.message_id, mirrored);
    return null;
  }
  const author = authorOf(message);
  if (!author || message.from?.is_bot) return null;
  const isPrivate = message.chat.type === "private";
  if (!isPrivate && message.chat.type !== "group" && message.chat.type !== "supergroup") return null;
  const place = isPrivate
    ? {
        kind: "direct" as const,
        thread: `direct:${message.chat.id}`,
        inReplyTo: message.reply_to_message ? messageId(message.chat.id, message.reply_to_message.message_id) : null,
      }
    : placeInGroup(message, memory);
  return {
    change: edited ? "edited" : "new",
    message: {
      externalId: messageId(message.chat.id, message.message_id),
      kind: place.kind,
      authorHandle: author.handle,
      authorName: author.name,
      text: message.text ?? message.caption ?? "",
      language: null,
      threadExternalId: place.thread,
      inReplyToExternalId: place.inReplyTo,
      visibility: "visible",
      media: mediaOf(message),
      receivedAt: new Date((edited ? (message.edit_date ?? message.date) : message.date) * 1000),
      raw: {
        network: "telegram",
        updateId: update.update_id,
        chatId: message.chat.id,
        chatType: message.chat.type,
        messageId: message.message_id,
        userId: message.from?.id ?? null,
        username: message.from?.username ?? null,
      },
    },
  };
}

/**
 * A page of getUpdates as the sync takes it, oldest first: the bot's direct messages and the comments in the
 * channel's own discussion group (other groups the bot is in are not this channel's, and are counted as left
 * out); the cursor is the offset after the last update, which confirms them at Telegram on the next call.
 */
export function pageOfUpdates(args: {
  updates: readonly TTelegramUpdate[];
  cursor: string | null;
  pageSize: number;
  channelId: number;
  groupId: number | null;
  memory: ThreadMemory | null;
}): InboundPage {
  const changes: InboundChange[] = [];
  let skipped = 0;
  for (const update of [...args.updates].sort((a, b) => a.update_id - b.update_id)) {
    const change = inboundChangeOf(update, args.memory);
    const chatId = update.message?.chat.id ?? update.edited_message?.chat.id;
    if (change && (change.message.kind === "direct" || chatId === args.groupId)) changes.push(change);
    else if (!(update.message && forwardedPostOf(update.message)?.startsWith(`${args.channelId}:`))) skipped++;
  }
  const last = args.updates.reduce((max, u) => Math.max(max, u.update_id), -1);
  return {
    changes,
    cursor: last >= 0 ? String(last + 1) : args.cursor,
    more: args.updates.length === args.pageSize,
    rateLimit: null,
    ...(skipped > 0 ? { skipped: { notForThisChannel: skipped } } : {}),
  };
}
