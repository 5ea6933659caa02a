// The state of the fake Telegram Bot API (botApiPeer.ts): one bot, a channel with its linked discussion group,
// citizens with private chats, every chat's messages (ids counting per chat, as on Telegram), and the bot's
// update queue with update_ids counting up. What Telegram does on its own is done here too: a channel post is
// forwarded automatically into the discussion group (from the service account 777000, is_automatic_forward),
// and comments answer that forward in its thread (message_thread_id = the forward's message id).
export interface Chat {
  id: number;
  type: "private" | "supergroup" | "channel";
  title?: string;
  username?: string;
  first_name?: string;
  linked_chat_id?: number;
}
export interface User {
  id: number;
  is_bot: boolean;
  first_name: string;
  username?: string;
}
export interface Message {
  message_id: number;
  date: number;
  edit_date?: number;
  chat: Chat;
  from?: User;
  sender_chat?: Chat;
  message_thread_id?: number;
  is_automatic_forward?: boolean;
  forward_origin?: { type: "channel"; chat: Chat; message_id: number; date: number };
  reply_to_message?: Message;
  text?: string;
  caption?: string;
  photo?: { file_id: string; file_unique_id: string; width: number; height: number; file_size: number }[];
  video?: { file_id: string; file_unique_id: string; width: number; height: number; duration: number };
  media_group_id?: string;
}
export interface Update {
  update_id: number;
  message?: Message;
  edited_message?: Message;
  channel_post?: Message;
}

const TELEGRAM_SERVICE: User = { id: 777000, is_bot: false, first_name: "Telegram" };

export function createBotApiState(options: { token: string }) {
  const bot: User = { id: 7_000_000_001, is_bot: true, first_name: "Stadt Musterstadt", username: "musterstadt_bot" };
  const channel: Chat = { id: -1001000000001, type: "channel", title: "Stadt Musterstadt", username: "musterstadt" };
  const group: Chat = { id: -1001000000002, type: "supergroup", title: "Musterstadt – Diskussion" };
  channel.linked_chat_id = group.id;
  group.linked_chat_id = channel.id;
  const chats = new Map<number, Chat>([
    [channel.id, channel],
    [group.id, group],
  ]);
  const messages = new Map<number, Message[]>();
  const nextId = new Map<number, number>();
  const updates: Update[] = [];
  let nextUpdateId = 500_000_001;
  let userIds = 100_000_000;
  const now = () => Math.floor(Date.now() / 1000);

  const state = {
    bot,
    channel,
    group,
    chats,
    tokens: new Set([options.token]),
    /** Requests refused with 429 until this time (ms), as Telegram's flood control does. */
    floodUntil: 0,
    webhook: null as { url: string; secret: string | null; allowedUpdates: string[] | null } | null,
    /** What the bot asked for last (getUpdates/setWebhook allowed_updates; Telegram remembers it). */
    allowedUpdates: null as string[] | null,
    /** Deliveries the webhook did not accept (answered other than 2xx, or unreachable). */
    webhookFailures: 0,
    banned: new Map<number, Set<number>>(),
    /** Users who blocked the bot (403 when it writes to them). */
    blockedBy: new Set<number>(),
    uploads: new Map<string, Uint8Array>(),
    onUpdate: null as ((update: Update) => void) | null,
    updates,

    chatOf(chatId: unknown): Chat | null {
      const value = String(chatId ?? "");
      if (value.startsWith("@")) return [...chats.values()].find((c) => `@${c.username}` === value) ?? null;
      return /^-?\d+$/.test(value) ? (chats.get(Number(value)) ?? null) : null;
    },
    messagesOf(chatId: number): Message[] {
      let list = messages.get(chatId);
      if (!list) messages.set(chatId, (list = []));
      return list;
    },
    find(chatId: number, messageId: number): Message | null {
      return state.messagesOf(chatId).find((m) => m.message_id === messageId) ?? null;
    },
    /** A new message in a chat; Telegram's own consequences follow (updates, the automatic forward). */
    add(chat: Chat, fields: Omit<Message, "message_id" | "date" | "chat">): Message {
      const id = nextId.get(chat.id) ?? 1;
      nextId.set(chat.id, id + 1);
      const message: Message = { message_id: id, date: now(), chat, ...fields };
      state.messagesOf(chat.id).push(message);
      if (chat.type === "channel" && chat.linked_chat_id !== undefined) {
        const linked = chats.get(chat.linked_chat_id);
        if (linked) {
          const { text, caption, photo, video } = message;
          const forward = state.add(linked, {
            from: TELEGRAM_SERVICE,
            sender_chat: chat,
            is_automatic_forward: true,
            forward_origin: { type: "channel", chat, message_id: id, date: message.date },
            ...(text !== undefined ? { text } : {}),
            ...(caption !== undefined ? { caption } : {}),
            ...(photo ? { photo } : {}),
            ...(video ? { video } : {}),
          });
          void forward;
        }
      }
      // The bot gets no updates of what it sent itself.
      if (fields.from?.id !== bot.id && chat.type !== "channel") state.enqueue({ message });
      return message;
    },
    enqueue(update: Omit<Update, "update_id">) {
      const full = { update_id: nextUpdateId++, ...update };
      updates.push(full);
      state.onUpdate?.(full);
    },
    /** getUpdates' offset: every update before it is confirmed and forgotten. */
    confirmBefore(offset: number) {
      while (updates.length > 0 && (updates[0] as Update).update_id < offset) updates.shift();
    },
    citizen(name: string, username?: string): User {
      const user = { id: ++userIds, is_bot: false, first_name: name, ...(username ? { username } : {}) };
      chats.set(user.id, { id: user.id, type: "private", first_name: name, ...(username ? { username } : {}) });
      return user;
    },
    /** The discussion group's mirror of a channel post. */
    forwardOf(channelMessageId: number): Message | null {
      return (
        state
          .messagesOf(group.id)
          .find((m) => m.is_automatic_forward && m.forward_origin?.message_id === channelMessageId) ?? null
      );
    },
    edit(message: Message, text: string) {
      message.text = text;
      message.edit_date = now();
      if (message.chat.type !== "channel") state.enqueue({ edited_message: message });
    },
    remove(chatId: number, messageId: number): boolean {
      const list = state.messagesOf(chatId);
      const index = list.findIndex((m) => m.message_id === messageId);
      if (index < 0) return false;
      list.splice(index, 1);
      return true;
    },
  };
  return state;
}
export type BotApiState = ReturnType<typeof createBotApiState>;
