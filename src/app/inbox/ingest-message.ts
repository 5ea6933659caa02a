// The one way an inbound message enters draht, whatever the channel: validate against the one
// message model, deduplicate by (channel account, external id), store. Runs in the caller's
// transaction so a connector's own record and the inbound message commit together.
// The inbox issue extends this path with analysis, threading, routing and live updates.
import type { Db, Tx } from "../../db/client.js";
import { inboundMessages } from "../../db/schema/index.js";
import { type TInboundMessage, ZInboundMessage } from "../../domain/inbound.js";

export async function ingestMessage(tx: Db | Tx, options: { orgId: string; message: TInboundMessage }): Promise<{ id: string | null; duplicate: boolean }> {
  const message = ZInboundMessage.parse(options.message);
  const [row] = await tx
    .insert(inboundMessages)
    .values({ orgId: options.orgId, ...message })
    .onConflictDoNothing({ target: [inboundMessages.channelAccountId, inboundMessages.externalId] })
    .returning({ id: inboundMessages.id });
  return row ? { id: row.id, duplicate: false } : { id: null, duplicate: true };
}
