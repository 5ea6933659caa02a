// The one model of an inbound message, whatever channel delivered it: a connector normalises its
// payload into this shape before the ingestion use case stores it.
import { z } from "zod";

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

export const ZInboundMessage = z.object({
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
  receivedAt: z.date(),
  raw: z.record(z.string(), z.unknown()),
});
/** As a connector hands it over (media may be left out). */
export type TInboundMessageInput = z.input<typeof ZInboundMessage>;
export type TInboundMessage = z.output<typeof ZInboundMessage>;

const SEVERITY: Record<TInboundVisibility, number> = { visible: 0, held: 1, hidden: 2, deleted: 3 };

/** The stricter of two visibilities: moderation only ever narrows what a message's source allowed. */
export function stricterVisibility(a: TInboundVisibility, b: TInboundVisibility): TInboundVisibility {
  return SEVERITY[a] >= SEVERITY[b] ? a : b;
}
