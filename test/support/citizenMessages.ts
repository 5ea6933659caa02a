// Test helper: citizens' messages at given times through the one ingestion path, each from a new citizen (so each
// opens its own conversation); answers the conversations' ids in the order of the items.
import type { AppContext } from "../../src/app/context.js";
import { ingestMessages } from "../../src/app/inbox/ingest-messages.js";
import { uniqueSuffix } from "./factories.js";

export async function ingestCitizenMessages(
  ctx: AppContext,
  args: {
    orgId: string;
    channelAccountId: string;
    now: Date;
    items: readonly { at: string; text: string }[];
    /** The post they are under; by default a post of their own each. */
    threadExternalId?: string;
  },
): Promise<string[]> {
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
        authorHandle: `@${uniqueSuffix()}`,
        authorName: "Bürgerin",
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
    return o.conversationId;
  });
}
