// The one model of an inbound message, whatever channel delivered it: a connector normalises its
// payload into this shape before the ingestion use case stores it.
import { z } from "zod";

export const INBOUND_KINDS = ["comment", "reply", "mention", "direct"] as const;
export type TInboundKind = (typeof INBOUND_KINDS)[number];
export const INBOUND_VISIBILITIES = ["visible", "held", "hidden", "deleted"] as const;
export type TInboundVisibility = (typeof INBOUND_VISIBILITIES)[number];

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
  receivedAt: z.date(),
  raw: z.record(z.string(), z.unknown()),
});
export type TInboundMessage = z.infer<typeof ZInboundMessage>;
