// The one way an inbound message enters draht, whatever the channel: validate against the one
// message model, deduplicate by (channel account, external id), store, thread into its conversation.
// Runs in the caller's transaction so a connector's own record and the inbound message commit together.
// Still to come with the inbox issue: analysis, routing and live updates.
import type { Db, Tx } from "../../db/client.js";
import { inboundMessages } from "../../db/schema/index.js";
import { type TInboundMessage, ZInboundMessage } from "../../domain/inbound.js";
import { threadIntoConversation } from "./threadIntoConversation.js";

export async function ingestMessage(
  tx: Db | Tx,
  options: { orgId: string; message: TInboundMessage },
): Promise<{ id: string; conversationId: string; askedAgain: boolean; duplicate: false } | { id: null; duplicate: true }> {
  const message = ZInboundMessage.parse(options.message);
  const [row] = await tx
    .insert(inboundMessages)
    .values({ orgId: options.orgId, ...message })
    .onConflictDoNothing({ target: [inboundMessages.channelAccountId, inboundMessages.externalId] })
    .returning({ id: inboundMessages.id });
  if (!row) return { id: null, duplicate: true };
  const threaded = await threadIntoConversation(tx, { orgId: options.orgId, messageId: row.id, message });
  return { id: row.id, conversationId: threaded.conversationId, askedAgain: threaded.askedAgain, duplicate: false };
}
