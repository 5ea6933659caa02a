import { describe, expect, it } from "vitest";
import { WebhookPayloadError } from "../../domain/connector.js";
import type { TTelegramUpdate } from "./telegramApi.js";
import { inboundChangeOf, pageOfUpdates, threadMemory } from "./telegramInbound.js";
import { telegramWebhooks } from "./telegramWebhooks.js";

const channel = { id: -1001, type: "channel" as const, title: "Stadt", username: "stadt" };
const group = { id: -1002, type: "supergroup" as const, title: "Diskussion" };
const erika = { id: 42, is_bot: false, first_name: "Erika", username: "erika_m" };
const forward = {
  message_id: 10,
  date: 1_700_000_000,
  chat: group,
  from: { id: 777000, is_bot: false, first_name: "Telegram" },
  is_automatic_forward: true,
  forward_origin: { type: "channel", chat: channel, message_id: 5 },
  text: "Stadtfest",
};
const comment = {
  message_id: 11,
  date: 1_700_000_100,
  chat: group,
  from: erika,
  message_thread_id: 10,
  reply_to_message: forward,
  text: "Wo parke ich?",
};

describe("Telegram updates as inbound changes", () => {
  it("threads a comment under the channel post its automatic forward mirrors", () => {
    const change = inboundChangeOf({ update_id: 1, message: comment });
    expect(change?.message).toMatchObject({
      externalId: "-1002:11",
      kind: "reply",
      threadExternalId: "-1001:5",
      inReplyToExternalId: "-1001:5",
      authorHandle: "tg://user?id=42",
      authorName: "Erika (@erika_m)",
    });
  });

  it("threads an answer to a comment under the same post once the forward was seen, else under the forward", () => {
    const answer: TTelegramUpdate = {
      update_id: 3,
      message: {
        ...comment,
        message_id: 12,
        from: { ...erika, id: 43 },
        reply_to_message: comment,
        text: "Am Bahnhof",
      },
    };
    expect(inboundChangeOf(answer)?.message).toMatchObject({
      threadExternalId: "-1002:10",
      inReplyToExternalId: "-1002:11",
    });
    const memory = threadMemory();
    expect(inboundChangeOf({ update_id: 1, message: forward }, memory)).toBeNull();
    expect(inboundChangeOf(answer, memory)?.message).toMatchObject({
      kind: "reply",
      threadExternalId: "-1001:5",
      inReplyToExternalId: "-1002:11",
    });
  });

  it("takes a private chat as a direct message and an edit as an edited change", () => {
    const dm = {
      message_id: 3,
      date: 1_700_000_000,
      chat: { id: 42, type: "private" as const },
      from: erika,
      text: "Hallo",
    };
    expect(inboundChangeOf({ update_id: 4, message: dm })?.message).toMatchObject({
      kind: "direct",
      threadExternalId: "direct:42",
      inReplyToExternalId: null,
    });
    const edited = inboundChangeOf({
      update_id: 5,
      edited_message: { ...dm, text: "Hallo!", edit_date: 1_700_000_060 },
    });
    expect(edited).toMatchObject({ change: "edited", message: { externalId: "42:3", text: "Hallo!" } });
    expect(edited?.message.receivedAt).toEqual(new Date(1_700_000_060_000));
  });

  it("leaves out other bots, channel posts and updates without a message", () => {
    expect(inboundChangeOf({ update_id: 6, message: { ...comment, from: { ...erika, is_bot: true } } })).toBeNull();
    expect(
      inboundChangeOf({ update_id: 7, channel_post: { message_id: 6, date: 1, chat: channel, text: "x" } }),
    ).toBeNull();
    expect(inboundChangeOf({ update_id: 8 })).toBeNull();
  });
});

describe("a page of getUpdates", () => {
  const page = (updates: TTelegramUpdate[], cursor: string | null = "7") =>
    pageOfUpdates({ updates, cursor, pageSize: 3, channelId: -1001, groupId: -1002, memory: threadMemory() });

  it("takes the own discussion group and direct messages, oldest first, and moves the cursor past the last update", () => {
    const elsewhere = { ...comment, chat: { id: -1009, type: "supergroup" as const }, message_id: 1 };
    const result = page([
      { update_id: 21, message: comment },
      { update_id: 20, message: forward },
      { update_id: 22, message: elsewhere },
    ]);
    expect(result.changes.map((c) => c.message.externalId)).toEqual(["-1002:11"]);
    expect(result).toMatchObject({ cursor: "23", more: true, skipped: { notForThisChannel: 1 } });
  });

  it("keeps the cursor when nothing came", () => {
    expect(page([])).toEqual({ changes: [], cursor: "7", more: false, rateLimit: null });
  });
});

describe("Telegram's webhook", () => {
  const hooks = telegramWebhooks();
  const body = Buffer.from(JSON.stringify({ update_id: 99, message: comment }));

  it("takes a delivery only with exactly the account's secret in its header", () => {
    const headers = (secret?: string) => ({ "x-telegram-bot-api-secret-token": secret });
    expect(hooks.verify({ headers: headers("geheim-123"), body }, "geheim-123")).toBe(true);
    expect(hooks.verify({ headers: headers("geheim-12"), body }, "geheim-123")).toBe(false);
    expect(hooks.verify({ headers: headers("geheim-124"), body }, "geheim-123")).toBe(false);
    expect(hooks.verify({ headers: headers(), body }, "geheim-123")).toBe(false);
    expect(hooks.verify({ headers: headers(""), body }, "")).toBe(false);
  });

  it("reads one update as one event, its update_id the event's id", () => {
    const [event] = hooks.parse(body);
    expect(event?.id).toBe("99");
    expect(event?.occurredAt).toEqual(new Date(1_700_000_100_000));
    expect(event?.changes.map((c) => c.message.text)).toEqual(["Wo parke ich?"]);
    expect(() => hooks.parse(Buffer.from('{"object":"page"}'))).toThrow(WebhookPayloadError);
    expect(() => hooks.parse(Buffer.from("kein JSON"))).toThrow(WebhookPayloadError);
  });
});
