// Instagram's webhook deliveries (Meta's protocol: X-Hub-Signature-256 and the hub.challenge handshake, reused from
// meta/metaWebhooks.ts): `{ object: "instagram", entry: [{ id: <ig-user-id>, time, changes: [{ field: "comments",
// value: { id, text, from: { id, username }, media: { id }, parent_id? } }], messaging: [{ sender, recipient,
// timestamp, message: { mid, text, is_echo? } }] }] }`. A comment's id is the same one polling brings, so the inbox
// takes it once whichever way it came; direct messages arrive only this way.
import { z } from "zod";
import {
  type ConnectorWebhooks,
  type InboundChange,
  type WebhookEvent,
  WebhookPayloadError,
} from "../../domain/connector.js";
import { metaHandshake, readMetaDelivery, verifyMetaSignature } from "../meta/metaWebhooks.js";
import { DIRECT_THREAD_PREFIX, commentChange } from "./instagramAccount.js";

const ZId = z.string().min(1).max(200);
const ZCommentValue = z.object({
  id: ZId,
  text: z.string().max(100_000).default(""),
  from: z.object({ id: ZId, username: z.string().max(200).optional() }),
  media: z.object({ id: ZId, media_product_type: z.string().optional() }),
  parent_id: ZId.optional(),
});
const ZMessaging = z.object({
  sender: z.object({ id: ZId }),
  recipient: z.object({ id: ZId }),
  timestamp: z.number().int().positive(),
  message: z
    .object({
      mid: z.string().min(1).max(500),
      text: z.string().max(100_000).optional(),
      is_echo: z.boolean().optional(),
      attachments: z
        .array(z.object({ type: z.string() }))
        .max(20)
        .optional(),
    })
    .optional(),
});
const ZDelivery = z.object({
  object: z.literal("instagram"),
  entry: z
    .array(
      z.object({
        id: ZId,
        time: z.number().int().positive(),
        changes: z.array(z.object({ field: z.string(), value: z.unknown() })).optional(),
        messaging: z.array(z.unknown()).optional(),
      }),
    )
    .min(1)
    .max(1000),
});

/** Meta's times: entries in seconds, messaging in milliseconds (a value below 10^12 is read as seconds). */
const dateOf = (time: number) => new Date(time < 1e12 ? time * 1000 : time);

export function parseInstagramDelivery(body: Buffer): WebhookEvent[] {
  const delivery = readMetaDelivery(body, ZDelivery, "an Instagram delivery");
  const events: WebhookEvent[] = [];
  for (const entry of delivery.entry) {
    for (const change of entry.changes ?? []) {
      if (change.field !== "comments") {
        // Mentions, story insights …: nothing for the inbox, but the event is seen (by field and entry time).
        events.push({ id: `${change.field}:${entry.id}:${entry.time}`, occurredAt: dateOf(entry.time), changes: [] });
        continue;
      }
      const comment = ZCommentValue.safeParse(change.value);
      if (!comment.success) throw new WebhookPayloadError("a comment without its fields");
      events.push({
        id: `comment:${comment.data.id}`,
        occurredAt: dateOf(entry.time),
        changes: commentChange(
          {
            id: comment.data.id,
            text: comment.data.text,
            authorId: comment.data.from.id,
            username: comment.data.from.username ?? "",
            mediaId: comment.data.media.id,
            parentId: comment.data.parent_id ?? null,
            at: dateOf(entry.time),
          },
          { igUserId: entry.id, username: "" },
        ),
      });
    }
    for (const item of entry.messaging ?? []) {
      const messaging = ZMessaging.safeParse(item);
      if (!messaging.success) throw new WebhookPayloadError("a messaging item without its fields");
      const m = messaging.data;
      events.push({
        id: m.message ? `message:${m.message.mid}` : `messaging:${m.sender.id}:${m.timestamp}`,
        occurredAt: dateOf(m.timestamp),
        changes: messageChanges(m, entry.id),
      });
    }
  }
  return events;
}

function messageChanges(m: z.infer<typeof ZMessaging>, igUserId: string): InboundChange[] {
  // Echoes are the account's own messages; read receipts and reactions carry no message.
  if (!m.message || m.message.is_echo || m.sender.id === igUserId) return [];
  const others = (m.message.attachments ?? []).map((a) => `(${a.type === "image" ? "Bild" : "Anhang"})`);
  return [
    {
      change: "new",
      message: {
        externalId: m.message.mid,
        kind: "direct",
        authorHandle: m.sender.id,
        authorName: "",
        text: [m.message.text ?? "", ...others].filter((t) => t !== "").join(" "),
        language: null,
        threadExternalId: `${DIRECT_THREAD_PREFIX}${m.sender.id}`,
        inReplyToExternalId: null,
        visibility: "visible",
        media: [],
        receivedAt: dateOf(m.timestamp),
        raw: { mid: m.message.mid, senderId: m.sender.id, recipientId: m.recipient.id },
      },
    },
  ];
}

/** Meta's webhooks for an Instagram professional account. */
export const instagramWebhooks: ConnectorWebhooks = {
  handshake: metaHandshake,
  verify: verifyMetaSignature,
  parse: parseInstagramDelivery,
};
