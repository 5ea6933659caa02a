// Threads an inbound message into its conversation (Vorgang): one per channel account, published item
// and citizen. A new message makes the conversation wait for the administration again and is checked
// for "asked again" against the citizen's unanswered earlier messages in it.
import { and, asc, eq, gt, ne, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.js";
import { conversations, inboundMessages } from "../../db/schema/index.js";
import { nextConversationStatus } from "../../domain/conversationLifecycle.js";
import type { TInboundMessage } from "../../domain/inbound.js";
import { isAskedAgain } from "../../domain/repeatedQuestion.js";

export async function threadIntoConversation(
  tx: Db | Tx,
  args: { orgId: string; messageId: string; message: TInboundMessage },
): Promise<{ conversationId: string; created: boolean; askedAgain: boolean }> {
  const { message } = args;
  const key = { channelAccountId: message.channelAccountId, threadKey: message.threadExternalId ?? "direct", citizenHandle: message.authorHandle };
  const [created] = await tx
    .insert(conversations)
    .values({
      orgId: args.orgId,
      ...key,
      citizenName: message.authorName,
      status: "new",
      firstMessageAt: message.receivedAt,
      waitingSince: message.receivedAt,
      lastMessageAt: message.receivedAt,
      createdAt: message.receivedAt,
    })
    .onConflictDoNothing()
    .returning({ id: conversations.id });
  if (created) {
    await tx.update(inboundMessages).set({ conversationId: created.id }).where(eq(inboundMessages.id, args.messageId));
    return { conversationId: created.id, created: true, askedAgain: false };
  }
  const [conversation] = await tx
    .select()
    .from(conversations)
    .where(and(eq(conversations.channelAccountId, key.channelAccountId), eq(conversations.threadKey, key.threadKey), eq(conversations.citizenHandle, key.citizenHandle)))
    .for("update");
  if (!conversation) throw new Error("conversation neither created nor found");
  const unanswered = await tx
    .select({ text: inboundMessages.text, receivedAt: inboundMessages.receivedAt })
    .from(inboundMessages)
    .where(
      and(
        eq(inboundMessages.conversationId, conversation.id),
        ne(inboundMessages.id, args.messageId),
        conversation.lastResponseAt ? gt(inboundMessages.receivedAt, conversation.lastResponseAt) : sql`true`,
      ),
    )
    .orderBy(asc(inboundMessages.receivedAt));
  const askedAgain = isAskedAgain({ earlier: unanswered.map((m) => ({ ...m, answered: false })), text: message.text, at: message.receivedAt });
  await tx
    .update(conversations)
    .set({
      status: nextConversationStatus(conversation.status, "citizen_wrote") ?? conversation.status,
      citizenName: message.authorName || conversation.citizenName,
      waitingSince: conversation.waitingSince ?? message.receivedAt,
      lastMessageAt: message.receivedAt,
      askedAgain: conversation.askedAgain || askedAgain,
      closedAt: null,
    })
    .where(eq(conversations.id, conversation.id));
  await tx.update(inboundMessages).set({ conversationId: conversation.id }).where(eq(inboundMessages.id, args.messageId));
  return { conversationId: conversation.id, created: false, askedAgain };
}

/** The administration answered a message: the conversation is answered and stops waiting. */
export async function recordStaffResponse(tx: Db | Tx, args: { channelAccountId: string; externalId: string; at: Date }): Promise<void> {
  const [message] = await tx
    .select({ conversationId: inboundMessages.conversationId })
    .from(inboundMessages)
    .where(and(eq(inboundMessages.channelAccountId, args.channelAccountId), eq(inboundMessages.externalId, args.externalId)));
  if (!message?.conversationId) return;
  await tx
    .update(conversations)
    .set({
      status: "answered",
      firstResponseAt: sql`coalesce(${conversations.firstResponseAt}, ${args.at})`,
      lastResponseAt: args.at,
      waitingSince: null,
    })
    .where(eq(conversations.id, message.conversationId));
}
