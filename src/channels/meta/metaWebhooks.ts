// Meta's webhook protocol (Graph API "Webhooks" reference), shared by the connectors of networks that
// deliver through it (Facebook pages now; Instagram and WhatsApp Business use the same envelope and
// signature) and by the sandbox network, which speaks it so that draht's webhook endpoint is exercised
// without Meta:
//  * the subscription handshake: GET ?hub.mode=subscribe&hub.verify_token=…&hub.challenge=… is answered
//    with the challenge when the token is the one draht showed;
//  * every delivery is signed: `X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw body with the app
//    secret>`, compared in constant time before the body is read;
//  * a page's deliveries: `{ object: "page", entry: [{ id, time, changes: [{ field: "feed", value }],
//    messaging: [{ sender, recipient, timestamp, message }] }] }` — comments on the page's posts (item
//    "comment", verb add / edited / remove) and Messenger messages to the page.
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import {
  type ConnectorWebhooks,
  type InboundChange,
  type WebhookEvent,
  WebhookPayloadError,
  type WebhookRequest,
} from "../../domain/connector.js";

const SIGNATURE_HEADER = "x-hub-signature-256";

/** The signature Meta sends for a body (also what a test or the sandbox's sender computes). */
export function metaSignature(body: Buffer | string, secret: string): string {
  return `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
}

export function verifyMetaSignature(request: WebhookRequest, secret: string): boolean {
  const header = request.headers[SIGNATURE_HEADER];
  const sent = Array.isArray(header) ? header[0] : header;
  if (typeof sent !== "string" || !/^sha256=[0-9a-f]{64}$/i.test(sent)) return false;
  const expected = Buffer.from(metaSignature(request.body, secret), "latin1");
  const given = Buffer.from(sent.toLowerCase(), "latin1");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export function metaHandshake(query: Readonly<Record<string, string | undefined>>, verifyToken: string): string | null {
  const token = query["hub.verify_token"];
  const challenge = query["hub.challenge"];
  if (query["hub.mode"] !== "subscribe" || typeof token !== "string" || typeof challenge !== "string") return null;
  const a = Buffer.from(token);
  const b = Buffer.from(verifyToken);
  if (a.length !== b.length || !timingSafeEqual(a, b)) return null;
  // Meta sends a number; anything else is not echoed (the answer is text/plain, but a challenge is no place for markup).
  return /^[A-Za-z0-9_-]{1,200}$/.test(challenge) ? challenge : null;
}

const ZFeedComment = z.object({
  item: z.literal("comment"),
  verb: z.string(),
  comment_id: z.string().min(1).max(200),
  post_id: z.string().min(1).max(200),
  parent_id: z.string().min(1).max(200).optional(),
  from: z.object({ id: z.string().min(1).max(200), name: z.string().max(500).optional() }),
  message: z.string().max(100_000).optional(),
  photo: z.string().max(2000).optional(),
  created_time: z.number().int().positive(),
});

const ZMessaging = z.object({
  sender: z.object({ id: z.string().min(1).max(200) }),
  recipient: z.object({ id: z.string().min(1).max(200) }),
  timestamp: z.number().int().positive(),
  message: z
    .object({
      mid: z.string().min(1).max(500),
      text: z.string().max(100_000).optional(),
      is_echo: z.boolean().optional(),
      attachments: z
        .array(z.object({ type: z.string(), payload: z.object({ url: z.string().max(2000).optional() }).optional() }))
        .max(20)
        .optional(),
    })
    .optional(),
});

const ZPageDelivery = z.object({
  object: z.literal("page"),
  entry: z
    .array(
      z.object({
        id: z.string().min(1).max(200),
        time: z.number().int().positive(),
        changes: z.array(z.object({ field: z.string(), value: z.unknown() })).optional(),
        messaging: z.array(z.unknown()).optional(),
      }),
    )
    .min(1)
    .max(1000),
});

const idOf = (kind: string, value: unknown) =>
  `${kind}:${createHash("sha256").update(JSON.stringify(value)).digest("hex").slice(0, 40)}`;

/** A verified body read as JSON in the envelope's shape; WebhookPayloadError (answered 400) when it is not. */
export function readMetaDelivery<S extends z.ZodType>(body: Buffer, schema: S, what: string): z.output<S> {
  let json: unknown;
  try {
    json = JSON.parse(body.toString("utf8"));
  } catch {
    throw new WebhookPayloadError("the body is not JSON");
  }
  const delivery = schema.safeParse(json);
  if (!delivery.success) throw new WebhookPayloadError(`not ${what} (object, entry)`);
  return delivery.data;
}

/** A page's feed change and Messenger messages as draht's inbound changes; other items bring nothing. */
export function parseMetaPageDelivery(body: Buffer): WebhookEvent[] {
  const delivery = readMetaDelivery(body, ZPageDelivery, "a page delivery");
  const events: WebhookEvent[] = [];
  for (const entry of delivery.entry) {
    for (const change of entry.changes ?? []) {
      const value = change.value as { item?: unknown } | null;
      if (change.field !== "feed" || typeof value !== "object" || value?.item !== "comment") {
        // Reactions, the page's own posts, ratings …: nothing for the inbox, but the event is seen.
        events.push({ id: idOf(change.field, change), occurredAt: new Date(entry.time * 1000), changes: [] });
        continue;
      }
      const comment = ZFeedComment.safeParse(value);
      if (!comment.success) throw new WebhookPayloadError("a feed comment without its fields");
      events.push({
        id: idOf("feed", change),
        occurredAt: new Date(comment.data.created_time * 1000),
        changes: commentChanges(comment.data, entry.id),
      });
    }
    for (const item of entry.messaging ?? []) {
      const messaging = ZMessaging.safeParse(item);
      if (!messaging.success) throw new WebhookPayloadError("a messaging item without its fields");
      const m = messaging.data;
      events.push({
        id: m.message ? `message:${m.message.mid}` : idOf("messaging", item),
        occurredAt: new Date(m.timestamp),
        changes: messageChanges(m),
      });
    }
  }
  return events;
}

function commentChanges(c: z.infer<typeof ZFeedComment>, pageId: string): InboundChange[] {
  // The page's own comments (answers from draht or from Facebook's own tools) are not citizens' messages.
  if (c.from.id === pageId) return [];
  const message = {
    externalId: c.comment_id,
    kind: c.parent_id && c.parent_id !== c.post_id ? ("reply" as const) : ("comment" as const),
    authorHandle: c.from.id,
    authorName: c.from.name ?? "",
    text: c.message ?? "",
    language: null,
    threadExternalId: c.post_id,
    inReplyToExternalId: c.parent_id ?? c.post_id,
    visibility: "visible" as const,
    media: c.photo ? [{ kind: "image" as const, url: c.photo, altText: null }] : [],
    receivedAt: new Date(c.created_time * 1000),
    raw: c as Record<string, unknown>,
  };
  if (c.verb === "add") return [{ change: "new", message }];
  if (c.verb === "edited") return [{ change: "edited", message }];
  if (c.verb === "remove") return [{ change: "deleted", message }];
  return []; // hide / unhide: the page's own moderation, already known to draht
}

function messageChanges(m: z.infer<typeof ZMessaging>): InboundChange[] {
  // Echoes are the page's own messages; a delivery or read receipt has no message.
  if (!m.message || m.message.is_echo) return [];
  const media = (m.message.attachments ?? []).flatMap((a) =>
    a.payload?.url
      ? [{ kind: a.type === "image" ? ("image" as const) : ("file" as const), url: a.payload.url, altText: null }]
      : [],
  );
  return [
    {
      change: "new",
      message: {
        externalId: m.message.mid,
        kind: "direct",
        authorHandle: m.sender.id,
        authorName: "",
        text: m.message.text ?? "",
        language: null,
        threadExternalId: null,
        inReplyToExternalId: null,
        visibility: "visible",
        media,
        receivedAt: new Date(m.timestamp),
        raw: m as Record<string, unknown>,
      },
    },
  ];
}

/** Meta's webhooks for a Facebook page (and the sandbox, which speaks them). */
export const metaPageWebhooks: ConnectorWebhooks = {
  handshake: metaHandshake,
  verify: verifyMetaSignature,
  parse: parseMetaPageDelivery,
};
