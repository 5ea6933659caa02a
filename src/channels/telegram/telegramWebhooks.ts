// Telegram's webhook (setWebhook with secret_token): each delivery is one Update as JSON, POSTed with the secret
// in the header X-Telegram-Bot-Api-Secret-Token (Telegram signs nothing; the secret is the proof). The update_id
// is the event's id, so a delivery Telegram repeats (it retries until answered 2xx) is taken once.
import { timingSafeEqual } from "node:crypto";
import { type ConnectorWebhooks, type WebhookEvent, WebhookPayloadError } from "../../domain/connector.js";
import { parseJsonBody } from "../http/networkHttp.js";
import { ZTelegramUpdate } from "./telegramApi.js";
import { inboundChangeOf, type ThreadMemory } from "./telegramInbound.js";

export const SECRET_HEADER = "x-telegram-bot-api-secret-token";

/** Whether the header carries exactly the account's secret (compared in constant time). */
export function verifyTelegramSecret(headers: Readonly<Record<string, string | string[] | undefined>>, secret: string) {
  const sent = headers[SECRET_HEADER];
  if (typeof sent !== "string" || secret === "") return false;
  const a = Buffer.from(sent);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function telegramWebhooks(memory: ThreadMemory | null = null): ConnectorWebhooks {
  return {
    verify: (request, secret) => verifyTelegramSecret(request.headers, secret),
    parse(body): WebhookEvent[] {
      const update = ZTelegramUpdate.safeParse(parseJsonBody(body.toString("utf8")));
      if (!update.success) throw new WebhookPayloadError("not a Telegram update");
      const change = inboundChangeOf(update.data, memory);
      const message =
        update.data.message ??
        update.data.edited_message ??
        update.data.channel_post ??
        update.data.edited_channel_post;
      const seconds = message ? (message.edit_date ?? message.date) : null;
      return [
        {
          id: String(update.data.update_id),
          // An update without a message (a poll answer, a member change) counts as just now; nothing is taken from it.
          occurredAt: seconds === null ? new Date() : new Date(seconds * 1000),
          changes: change ? [change] : [],
        },
      ];
    },
  };
}
