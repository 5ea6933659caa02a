// Test helper: citizens' messages at given times through the one ingestion path, by default each from a new
// citizen (so each opens its own conversation); answers what was stored, in the order of the items.
import type { AppContext } from "../../src/app/context.js";
import { ingestMessages } from "../../src/app/inbox/ingest-messages.js";
import { uniqueSuffix } from "./factories.js";

export interface CitizenMessage {
  /** When it was received. */
  at: string | Date;
  text: string;
  /** Who wrote it (the same handle again writes in the same conversation); by default a new citizen. */
  handle?: string;
  /** The name shown with it; by default the handle, or "Bürgerin". */
  name?: string;
}

export interface StoredCitizenMessage {
  id: string;
  conversationId: string;
}

/** Each item's stored message and its conversation; throws if one was not stored. */
export async function storeCitizenMessages(
  ctx: AppContext,
  args: {
    orgId: string;
    channelAccountId: string;
    now: Date;
    items: readonly CitizenMessage[];
    /** The post they are under; by default a post of their own each. */
    threadExternalId?: string;
  },
): Promise<StoredCitizenMessage[]> {
  const outcomes = await ctx.db.transaction((tx) =>
    ingestMessages(tx, {
      orgId: args.orgId,
      analyser: ctx.analyser,
      now: args.now,
      publicUrl: ctx.publicUrl,
      messages: args.items.map((item) => ({
        channelAccountId: args.channelAccountId,
        externalId: `m-${uniqueSuffix()}`,
        kind: "comment",
        authorHandle: item.handle ?? `@${uniqueSuffix()}`,
        authorName: item.name ?? item.handle ?? "Bürgerin",
        text: item.text,
        language: "de",
        threadExternalId: args.threadExternalId ?? `post-${uniqueSuffix()}`,
        inReplyToExternalId: null,
        visibility: "visible",
        receivedAt: new Date(item.at),
        raw: {},
      })),
    }),
  );
  return outcomes.map((o) => {
    if (o.status !== "stored") throw new Error(`message not stored: ${o.status}`);
    return { id: o.id, conversationId: o.conversationId };
  });
}

/** The conversations' ids, in the order of the items. */
export async function ingestCitizenMessages(
  ctx: AppContext,
  args: Parameters<typeof storeCitizenMessages>[1],
): Promise<string[]> {
  return (await storeCitizenMessages(ctx, args)).map((stored) => stored.conversationId);
}
