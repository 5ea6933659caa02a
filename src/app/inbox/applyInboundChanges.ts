// What a connector found on the network (by polling from a cursor, or pushed to the webhook endpoint), applied in
// the caller's transaction: new items through the one ingestion path, edits analysed and moderated again, deletions
// hide the message. Returns how many new messages were stored.
import { and, eq, inArray } from "drizzle-orm";
import type { Tx } from "../../db/client.js";
import { inboundMessages } from "../../db/schema/index.js";
import type { InboundChange } from "../../domain/connector.js";
import type { AppContext } from "../context.js";
import { applyMessageEdits } from "./apply-message-edits.js";
import { ingestMessages } from "./ingest-messages.js";

/** New items through the one ingestion path; edits analysed and moderated again (earlier versions kept); deletions hide the message (evidence stays). */
export async function applyInboundChanges(
  tx: Tx,
  ctx: AppContext,
  args: { account: { id: string; orgId: string }; changes: readonly InboundChange[]; now: Date },
): Promise<number> {
  const { account, changes, now } = args;
  const fresh = changes.filter((c) => c.change === "new").map((c) => ({ ...c.message, channelAccountId: account.id }));
  let stored = 0;
  if (fresh.length > 0) {
    const outcomes = await ingestMessages(tx, {
      orgId: account.orgId,
      messages: fresh,
      analyser: ctx.analyser,
      now,
      publicUrl: ctx.publicUrl,
    });
    stored = outcomes.filter((o) => o.status === "stored").length;
    for (const o of outcomes)
      if (o.status === "rejected")
        ctx.log.warn(
          { channelAccountId: account.id, externalId: o.externalId, reason: o.reason },
          "inbound item rejected",
        );
  }
  const edits = changes
    .filter((c) => c.change === "edited")
    .map((c) => ({ externalId: c.message.externalId, text: c.message.text, raw: c.message.raw }));
  const edited = await applyMessageEdits(tx, {
    orgId: account.orgId,
    channelAccountId: account.id,
    edits,
    analyser: ctx.analyser,
    now,
    publicUrl: ctx.publicUrl,
  });
  // An edit of something draht never received (a status the account only boosted) is not a message to it.
  for (const e of edited)
    if (e.status === "unknown")
      ctx.log.debug({ channelAccountId: account.id, externalId: e.externalId }, "edit of an unknown item ignored");
  const deleted = changes.filter((c) => c.change === "deleted").map((c) => c.message.externalId);
  if (deleted.length > 0) {
    await tx
      .update(inboundMessages)
      .set({ visibility: "deleted" })
      .where(and(eq(inboundMessages.channelAccountId, account.id), inArray(inboundMessages.externalId, deleted)));
  }
  return stored;
}
