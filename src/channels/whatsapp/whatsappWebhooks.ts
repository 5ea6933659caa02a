// WhatsApp Business (Cloud API) deliveries to draht's webhook endpoint. The protocol is Meta's (signature with the
// app secret, hub.* handshake: metaWebhooks.ts); the envelope is the WhatsApp Business account's:
//   { object: "whatsapp_business_account", entry: [{ id, changes: [{ field: "messages", value: {
//       messaging_product: "whatsapp", metadata: { display_phone_number, phone_number_id },
//       contacts: [{ profile: { name }, wa_id }], messages: [{ from, id, timestamp, type, text | image | … }],
//       statuses: [{ id, status, timestamp, recipient_id, errors? }] } }] }] }
// A citizen's message becomes a direct message in the conversation with that citizen (thread: their WhatsApp id);
// text is taken as written, other kinds are named in German (their files are fetched by the connector's collect,
// whatsappMedia.ts, before the delivery is stored). Statuses of the
// answers draht sent (delivered, read, failed) are delivery reports, recorded on the reply.
import { z } from "zod";
import {
  type ConnectorWebhooks,
  type InboundChange,
  type WebhookEvent,
  WebhookPayloadError,
} from "../../domain/connector.js";
import { metaHandshake, readMetaDelivery, verifyMetaSignature } from "../meta/metaWebhooks.js";

const ZId = z.string().min(1).max(500);
const ZMediaRef = z.object({
  id: ZId,
  mime_type: z.string().max(200).optional(),
  sha256: z.string().max(200).optional(),
  caption: z.string().max(100_000).optional(),
  filename: z.string().max(500).optional(),
});

const ZMessage = z.object({
  from: ZId,
  id: ZId,
  timestamp: z.string().regex(/^[0-9]{1,12}$/),
  type: z.string().max(50),
  text: z.object({ body: z.string().max(100_000) }).optional(),
  image: ZMediaRef.optional(),
  document: ZMediaRef.optional(),
  audio: ZMediaRef.optional(),
  video: ZMediaRef.optional(),
  sticker: ZMediaRef.optional(),
  button: z.object({ text: z.string().max(1000) }).optional(),
  interactive: z
    .object({
      button_reply: z.object({ title: z.string().max(1000) }).optional(),
      list_reply: z.object({ title: z.string().max(1000) }).optional(),
    })
    .optional(),
  context: z.object({ id: ZId.optional() }).optional(),
});
export type TWhatsAppMessage = z.infer<typeof ZMessage>;

export const WHATSAPP_STATUSES = ["sent", "delivered", "read", "failed"] as const;
const ZStatus = z.object({
  id: ZId,
  status: z.enum(WHATSAPP_STATUSES),
  timestamp: z.string().regex(/^[0-9]{1,12}$/),
  recipient_id: ZId,
  errors: z.array(z.object({ code: z.number().int(), title: z.string().max(1000).optional() })).optional(),
});
export type TWhatsAppStatus = z.infer<typeof ZStatus>;

const ZValue = z.object({
  messaging_product: z.literal("whatsapp"),
  metadata: z.object({ display_phone_number: z.string().max(40), phone_number_id: ZId }),
  contacts: z.array(z.object({ profile: z.object({ name: z.string().max(500) }).optional(), wa_id: ZId })).optional(),
  messages: z.array(z.unknown()).max(1000).optional(),
  statuses: z.array(z.unknown()).max(1000).optional(),
});

const ZDelivery = z.object({
  object: z.literal("whatsapp_business_account"),
  entry: z
    .array(
      z.object({
        id: ZId,
        changes: z.array(z.object({ field: z.string().max(100), value: z.unknown() })).max(1000),
      }),
    )
    .min(1)
    .max(1000),
});

/** How other kinds of messages are named in the conversation (the citizen sent something other than text). */
const KIND_NAMES: Record<string, string> = {
  image: "Bild",
  document: "Dokument",
  audio: "Sprachnachricht",
  video: "Video",
  sticker: "Sticker",
  location: "Standort",
  contacts: "Kontaktkarte",
};

const MEDIA_KIND = { image: "image", video: "video", audio: "audio", document: "file", sticker: "image" } as const;

function textOf(m: TWhatsAppMessage): string {
  if (m.type === "text") return m.text?.body ?? "";
  if (m.type === "button") return m.button?.text ?? "";
  if (m.type === "interactive") return m.interactive?.button_reply?.title ?? m.interactive?.list_reply?.title ?? "";
  const media = mediaOf(m);
  const name = KIND_NAMES[m.type] ?? "Nachricht einer Art, die WhatsApp nicht weitergibt";
  const label = media?.filename ? `(${name}: ${media.filename})` : `(${name})`;
  return media?.caption ? `${label} ${media.caption}` : label;
}

function mediaOf(m: TWhatsAppMessage) {
  return m.type in MEDIA_KIND ? m[m.type as keyof typeof MEDIA_KIND] : undefined;
}

const seconds = (timestamp: string) => new Date(Number(timestamp) * 1000);

function messageChange(m: TWhatsAppMessage, names: Map<string, string>, phoneNumberId: string): InboundChange[] {
  // A reaction (an emoji on one of draht's answers) is not a message for the inbox.
  if (m.type === "reaction" || m.type === "system") return [];
  const media = mediaOf(m);
  return [
    {
      change: "new",
      message: {
        externalId: m.id,
        kind: "direct",
        authorHandle: m.from,
        authorName: names.get(m.from) ?? "",
        text: textOf(m),
        language: null,
        // One conversation per citizen: WhatsApp has no threads, only the chat with the number.
        threadExternalId: m.from,
        inReplyToExternalId: m.context?.id ?? null,
        visibility: "visible",
        media: media
          ? [{ kind: MEDIA_KIND[m.type as keyof typeof MEDIA_KIND], url: null, altText: media.caption ?? null }]
          : [],
        receivedAt: seconds(m.timestamp),
        // The number written to: one Meta app delivers for all its numbers, the connector keeps the account's own.
        raw: { ...m, phoneNumberId },
      },
    },
  ];
}

function parseDelivery(body: Buffer) {
  const delivery = readMetaDelivery(body, ZDelivery, "a WhatsApp Business delivery");
  const values: z.infer<typeof ZValue>[] = [];
  for (const entry of delivery.entry)
    for (const change of entry.changes) {
      if (change.field !== "messages") continue; // template reviews, quality ratings …: nothing for the inbox
      const value = ZValue.safeParse(change.value);
      if (!value.success) throw new WebhookPayloadError("a messages change without its fields");
      values.push(value.data);
    }
  return values;
}

/** The citizens' messages and the statuses of draht's answers, as events (ids: the network's, so replays are seen). */
export function parseWhatsAppDelivery(body: Buffer): WebhookEvent[] {
  const events: WebhookEvent[] = [];
  for (const value of parseDelivery(body)) {
    const names = new Map((value.contacts ?? []).map((c) => [c.wa_id, c.profile?.name ?? ""]));
    for (const item of value.messages ?? []) {
      const message = ZMessage.safeParse(item);
      if (!message.success) throw new WebhookPayloadError("a message without its fields");
      events.push({
        id: `message:${message.data.id}`,
        occurredAt: seconds(message.data.timestamp),
        changes: messageChange(message.data, names, value.metadata.phone_number_id),
      });
    }
    for (const status of whatsappStatusesIn(value))
      events.push({
        id: `status:${status.id}:${status.status}`,
        occurredAt: seconds(status.timestamp),
        changes: [],
        // "sent" only says Meta took the message, which draht knows from Meta's answer already.
        deliveryReports:
          status.status === "sent"
            ? []
            : [{ externalId: status.id, status: status.status, at: seconds(status.timestamp) }],
      });
  }
  return events;
}

function whatsappStatusesIn(value: z.infer<typeof ZValue>): TWhatsAppStatus[] {
  return (value.statuses ?? []).map((item) => {
    const status = ZStatus.safeParse(item);
    if (!status.success) throw new WebhookPayloadError("a status without its fields");
    return status.data;
  });
}

export const whatsappWebhooks: ConnectorWebhooks = {
  handshake: metaHandshake,
  verify: verifyMetaSignature,
  parse: parseWhatsAppDelivery,
};
