// The one model of an inbound message, whatever channel delivered it: a connector normalises its
// payload into this shape before the ingestion use case stores it.
import { z } from "zod";
import { cleanValue } from "../text/inputText.js";

export const INBOUND_KINDS = ["comment", "reply", "mention", "direct"] as const;
export type TInboundKind = (typeof INBOUND_KINDS)[number];
export const INBOUND_VISIBILITIES = ["visible", "held", "hidden", "deleted"] as const;
export type TInboundVisibility = (typeof INBOUND_VISIBILITIES)[number];

export const ZInboundMedia = z.object({
  kind: z.enum(["image", "video", "audio", "file"]),
  url: z.string().max(2000).nullable(),
  altText: z.string().max(2000).nullable(),
});
export type TInboundMedia = z.infer<typeof ZInboundMedia>;

/**
 * What draht keeps of the files a citizen sends with one message (an e-mail's attachments): files beyond these
 * stay on the network (in the mailbox) and the message names them. A mail server commonly takes 25 MB a mail.
 */
export const ATTACHMENT_LIMITS = { count: 10, bytesEach: 10 * 1024 * 1024, bytesTogether: 25 * 1024 * 1024 } as const;

/** A file a citizen sent with the message, with its content (stored with the message, deleted with it). */
export const ZInboundAttachment = z.object({
  fileName: z.string().max(300),
  /** As the sender declared it; the stored type is detected from the content. */
  mimeType: z.string().max(200),
  content: z
    .custom<Uint8Array>((value) => value instanceof Uint8Array, { message: "the file's content as bytes" })
    .refine((bytes) => bytes.byteLength <= ATTACHMENT_LIMITS.bytesEach, {
      message: `an attachment is at most ${ATTACHMENT_LIMITS.bytesEach} bytes`,
    }),
});
export type TInboundAttachment = z.infer<typeof ZInboundAttachment>;

const ZInboundMessageFields = z.object({
  channelAccountId: z.uuid(),
  externalId: z.string().min(1).max(500),
  kind: z.enum(INBOUND_KINDS),
  authorHandle: z.string().min(1).max(500),
  authorName: z.string().max(500),
  text: z.string().max(100_000),
  language: z.string().min(2).max(16).nullable(),
  threadExternalId: z.string().max(500).nullable(),
  inReplyToExternalId: z.string().max(500).nullable(),
  visibility: z.enum(INBOUND_VISIBILITIES),
  media: z.array(ZInboundMedia).max(20).default([]),
  attachments: z
    .array(ZInboundAttachment)
    .max(ATTACHMENT_LIMITS.count)
    .refine((files) => files.reduce((sum, f) => sum + f.content.byteLength, 0) <= ATTACHMENT_LIMITS.bytesTogether, {
      message: `a message's attachments are at most ${ATTACHMENT_LIMITS.bytesTogether} bytes together`,
    })
    .default([]),
  receivedAt: z.date(),
  raw: z.record(z.string(), z.unknown()),
});
/**
 * Whatever a network delivers, control characters are removed first (text/inputText.ts): one NUL in a
 * Mastodon status or a Bluesky record — text, name or raw payload, keys included — would otherwise make
 * PostgreSQL refuse the whole batch, and the account's sync would stop at that item for good.
 */
export const ZInboundMessage = z.preprocess((value) => cleanValue(value, { tooDeep: "drop" }), ZInboundMessageFields);
/** As a connector hands it over (media and attachments may be left out). */
export type TInboundMessageInput = z.input<typeof ZInboundMessageFields>;
export type TInboundMessage = z.output<typeof ZInboundMessageFields>;

const SEVERITY: Record<TInboundVisibility, number> = { visible: 0, held: 1, hidden: 2, deleted: 3 };

/** The stricter of two visibilities: moderation only ever narrows what a message's source allowed. */
export function stricterVisibility(a: TInboundVisibility, b: TInboundVisibility): TInboundVisibility {
  return SEVERITY[a] >= SEVERITY[b] ? a : b;
}
