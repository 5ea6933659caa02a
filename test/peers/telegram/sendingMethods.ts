// The fake Bot API's methods that change chats: sendMessage, sendPhoto, sendVideo, sendMediaGroup,
// editMessageText, deleteMessage, banChatMember — with the Bot API's checks and its error descriptions.
import { createHash } from "node:crypto";
import type { FastifyReply } from "fastify";
import type { BotApiState, Chat, Message } from "./botApiState.js";

export const fail = (reply: FastifyReply, code: number, description: string, parameters?: Record<string, number>) =>
  reply.code(code).send({ ok: false, error_code: code, description, ...(parameters ? { parameters } : {}) });
export const ok = (reply: FastifyReply, result: unknown) => reply.code(200).send({ ok: true, result });

export type Params = Record<string, unknown>;
type Method = (params: Params, reply: FastifyReply) => unknown;

const graphemes = (text: string) => [...new Intl.Segmenter("de", { granularity: "grapheme" }).segment(text)].length;
const PNG = [0x89, 0x50, 0x4e, 0x47];
const JPEG = [0xff, 0xd8, 0xff];
const startsWith = (bytes: Uint8Array, sig: number[]) => sig.every((b, i) => bytes[i] === b);

export function registerSendingMethods(methods: Map<string, Method>, state: BotApiState): void {
  /** The chat the bot may write to, or the refusal Telegram gives. */
  const writable = (params: Params, reply: FastifyReply): Chat | null => {
    const chat = state.chatOf(params.chat_id);
    if (!chat) return (fail(reply, 400, "Bad Request: chat not found"), null);
    if (chat.type === "private" && state.blockedBy.has(chat.id))
      return (fail(reply, 403, "Forbidden: bot was blocked by the user"), null);
    return chat;
  };
  /** reply_parameters (or the older reply_to_message_id): the message answered, or a refusal. */
  const repliedTo = (chat: Chat, params: Params, reply: FastifyReply): Message | null | false => {
    const rp = (params.reply_parameters ?? null) as {
      message_id?: number;
      allow_sending_without_reply?: boolean;
    } | null;
    const id = rp?.message_id ?? (params.reply_to_message_id !== undefined ? Number(params.reply_to_message_id) : null);
    if (id === null) return null;
    const found = state.find(chat.id, Number(id));
    if (found) return found;
    if (rp?.allow_sending_without_reply) return null;
    return (fail(reply, 400, "Bad Request: message to be replied not found"), false);
  };
  const threadOf = (parent: Message | null) =>
    parent?.message_thread_id ?? (parent?.is_automatic_forward ? parent.message_id : undefined);

  methods.set("sendMessage", (p, reply) => {
    const chat = writable(p, reply);
    if (!chat) return;
    const text = typeof p.text === "string" ? p.text : "";
    if (text.trim() === "") return fail(reply, 400, "Bad Request: message text is empty");
    if (graphemes(text) > 4096) return fail(reply, 400, "Bad Request: message is too long");
    const parent = repliedTo(chat, p, reply);
    if (parent === false) return;
    const thread = threadOf(parent);
    return ok(
      reply,
      state.add(chat, {
        ...(chat.type === "channel" ? { sender_chat: chat } : { from: state.bot }),
        text,
        ...(parent ? { reply_to_message: parent } : {}),
        ...(thread !== undefined ? { message_thread_id: thread } : {}),
      }),
    );
  });

  /** An uploaded file (multipart) as Telegram's photo or video object; null when it is not one. */
  const mediaOf = (file: unknown, kind: "photo" | "video", reply: FastifyReply) => {
    if (!(file instanceof Blob)) return (fail(reply, 400, `Bad Request: there is no ${kind} in the request`), null);
    return file.arrayBuffer().then((buffer) => {
      const bytes = new Uint8Array(buffer);
      if (kind === "photo" && !startsWith(bytes, PNG) && !startsWith(bytes, JPEG))
        return (fail(reply, 400, "Bad Request: IMAGE_PROCESS_FAILED"), null);
      const fileId = `AgAC${createHash("sha256").update(bytes).digest("base64url").slice(0, 40)}`;
      state.uploads.set(fileId, bytes);
      const unique = fileId.slice(4, 20);
      return kind === "photo"
        ? { photo: [{ file_id: fileId, file_unique_id: unique, width: 1280, height: 720, file_size: bytes.length }] }
        : { video: { file_id: fileId, file_unique_id: unique, width: 1280, height: 720, duration: 1 } };
    });
  };
  const captionOf = (p: Params, reply: FastifyReply): string | null | false => {
    const caption = typeof p.caption === "string" ? p.caption : null;
    if (caption !== null && graphemes(caption) > 1024)
      return (fail(reply, 400, "Bad Request: message caption is too long"), false);
    return caption;
  };
  for (const kind of ["photo", "video"] as const)
    methods.set(kind === "photo" ? "sendPhoto" : "sendVideo", async (p, reply) => {
      const chat = writable(p, reply);
      if (!chat) return;
      const caption = captionOf(p, reply);
      if (caption === false) return;
      const parent = repliedTo(chat, p, reply);
      if (parent === false) return;
      const thread = threadOf(parent);
      const media = await mediaOf(p[kind], kind, reply);
      if (!media) return;
      const from = chat.type === "channel" ? { sender_chat: chat } : { from: state.bot };
      return ok(
        reply,
        state.add(chat, {
          ...from,
          ...media,
          ...(caption !== null ? { caption } : {}),
          ...(parent ? { reply_to_message: parent } : {}),
          ...(thread !== undefined ? { message_thread_id: thread } : {}),
        }),
      );
    });

  methods.set("sendMediaGroup", async (p, reply) => {
    const chat = writable(p, reply);
    if (!chat) return;
    const items = p.media as { type?: string; media?: string; caption?: string }[] | undefined;
    if (!Array.isArray(items) || items.length < 2 || items.length > 10)
      return fail(reply, 400, "Bad Request: wrong number of media in the album");
    const parent = repliedTo(chat, p, reply);
    if (parent === false) return;
    const thread = threadOf(parent);
    const group = `${Date.now()}${Math.floor(Math.random() * 1000)}`;
    const sent: Message[] = [];
    for (const item of items) {
      const kind = item.type === "video" ? "video" : "photo";
      const field = /^attach:\/\/(.+)$/.exec(item.media ?? "")?.[1];
      const media = await mediaOf(field ? p[field] : undefined, kind, reply);
      if (!media) return;
      if (item.caption !== undefined && graphemes(item.caption) > 1024)
        return fail(reply, 400, "Bad Request: message caption is too long");
      const from = chat.type === "channel" ? { sender_chat: chat } : { from: state.bot };
      sent.push(
        state.add(chat, {
          ...from,
          ...media,
          media_group_id: group,
          ...(item.caption ? { caption: item.caption } : {}),
          ...(parent ? { reply_to_message: parent } : {}),
          ...(thread !== undefined ? { message_thread_id: thread } : {}),
        }),
      );
    }
    return ok(reply, sent);
  });

  methods.set("editMessageText", (p, reply) => {
    const chat = state.chatOf(p.chat_id);
    const message = chat ? state.find(chat.id, Number(p.message_id)) : null;
    if (!chat || !message) return fail(reply, 400, "Bad Request: message to edit not found");
    if (message.text === p.text)
      return fail(
        reply,
        400,
        "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message",
      );
    state.edit(message, String(p.text ?? ""));
    return ok(reply, message);
  });

  methods.set("deleteMessage", (p, reply) => {
    const chat = state.chatOf(p.chat_id);
    if (!chat) return fail(reply, 400, "Bad Request: chat not found");
    return state.remove(chat.id, Number(p.message_id))
      ? ok(reply, true)
      : fail(reply, 400, "Bad Request: message to delete not found");
  });

  methods.set("banChatMember", (p, reply) => {
    const chat = state.chatOf(p.chat_id);
    if (!chat) return fail(reply, 400, "Bad Request: chat not found");
    if (chat.type === "private")
      return fail(reply, 400, "Bad Request: method is available for supergroup and channel chats only");
    const user = Number(p.user_id);
    if (!Number.isSafeInteger(user) || user <= 0) return fail(reply, 400, "Bad Request: invalid user_id specified");
    let banned = state.banned.get(chat.id);
    if (!banned) state.banned.set(chat.id, (banned = new Set()));
    banned.add(user);
    return ok(reply, true);
  });
}
