// Sending a reply that is in the database: the website channel answers inside the caller's transaction
// (its store is draht's own database); other networks go through their connector after the reply is
// committed — claimed first (queued → sending), so two workers never send it twice. An automatic
// acknowledgement is not an answer: it does not stop the response-time clock.
import { and, eq, lt } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.js";
import { channelAccounts, conversationReplies, conversations } from "../../db/schema/index.js";
import { type ConnectorRegistry, ConnectorError } from "../../domain/connector.js";
import { outgoingMediaOf, replyMediaRows } from "../media/outgoingMedia.js";
import { connectorAccountOf } from "../channels/channelCredentials.js";
import { recordCredentialsRefused } from "../channels/channelHealth.js";
import type { AppContext } from "../context.js";
import { writeAcknowledgement } from "../website/writeAcknowledgement.js";
import { writeStaffAnswer } from "../website/writeStaffAnswer.js";
import { notifyConversationsChanged } from "./inboxEvents.js";
import { recordConversationResponse } from "./recordResponse.js";

type ReplyRow = typeof conversationReplies.$inferSelect;

export async function deliverWebsiteReply(
  tx: Db | Tx,
  args: { reply: ReplyRow; now: Date; publicUrl: string },
): Promise<{ id: string; entryId: string }> {
  const { reply } = args;
  const written = {
    orgId: reply.orgId,
    commentId: reply.inReplyToExternalId,
    text: reply.text,
    now: args.now,
    publicUrl: args.publicUrl,
    answerId: reply.id,
  };
  // An acknowledgement is for the person who asked; an answer is public.
  const answer = reply.automatic
    ? await writeAcknowledgement(tx, written)
    : await writeStaffAnswer(tx, { ...written, userId: reply.authorUserId });
  await tx
    .update(conversationReplies)
    .set({ status: "sent", externalId: answer.id, sentAt: args.now, error: null })
    .where(eq(conversationReplies.id, reply.id));
  if (!reply.automatic)
    await recordConversationResponse(tx, {
      conversationId: reply.conversationId,
      userId: reply.authorUserId,
      at: args.now,
    });
  return answer;
}

/** Sends one queued reply through its connector; returns its final status. */
export async function sendQueuedReply(
  ctx: AppContext,
  deps: { connectors: ConnectorRegistry },
  replyId: string,
): Promise<"sent" | "failed" | "not_queued"> {
  const claimed = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ reply: conversationReplies, conversation: conversations, account: channelAccounts })
      .from(conversationReplies)
      .innerJoin(conversations, eq(conversations.id, conversationReplies.conversationId))
      .innerJoin(channelAccounts, eq(channelAccounts.id, conversations.channelAccountId))
      .where(and(eq(conversationReplies.id, replyId), eq(conversationReplies.status, "queued")))
      .for("update", { of: conversationReplies, skipLocked: true });
    if (!row) return null;
    if (row.account.network === "website") {
      await deliverWebsiteReply(tx, { reply: row.reply, now: ctx.clock(), publicUrl: ctx.publicUrl });
      return { ...row, done: true };
    }
    await tx
      .update(conversationReplies)
      .set({ status: "sending", sentAt: ctx.clock() })
      .where(eq(conversationReplies.id, replyId));
    return { ...row, done: false };
  });
  if (!claimed) return "not_queued";
  if (claimed.done) return "sent";
  const { reply, conversation, account } = claimed;
  try {
    const connector = deps.connectors.get(account.network);
    if (!connector?.reply) throw new ConnectorError("permanent", `the ${account.network} channel cannot send replies`);
    const item = await connector.reply(await connectorAccountOf(ctx.db, ctx, account), {
      idempotencyKey: reply.id,
      orgId: account.orgId,
      threadExternalId: conversation.threadKey,
      inReplyToExternalId: reply.inReplyToExternalId,
      text: reply.text,
      toHandle: conversation.citizenHandle,
      citizenLastWroteAt: conversation.lastMessageAt,
      ...(reply.networkTemplate ? { template: reply.networkTemplate } : {}),
      media: outgoingMediaOf(ctx, await replyMediaRows(ctx.db, reply.id)),
    });
    const sentAt = ctx.clock();
    await ctx.db.transaction(async (tx) => {
      await tx
        .update(conversationReplies)
        .set({ status: "sent", externalId: item.externalId, sentAt, error: null })
        .where(eq(conversationReplies.id, reply.id));
      if (reply.automatic)
        await notifyConversationsChanged(tx, { orgId: reply.orgId, conversationIds: [conversation.id] });
      else
        await recordConversationResponse(tx, {
          conversationId: conversation.id,
          userId: reply.authorUserId,
          at: sentAt,
        });
    });
    return "sent";
  } catch (error) {
    const message = error instanceof ConnectorError ? `${error.kind}: ${error.message}` : "unexpected error";
    if (
      error instanceof ConnectorError &&
      error.kind === "auth_expired" &&
      (deps.connectors.get(account.network)?.capabilities.connect.length ?? 0) > 0
    ) {
      await recordCredentialsRefused(ctx, { channelAccountId: account.id, failure: error });
    }
    ctx.log.warn({ replyId: reply.id, conversationId: conversation.id, err: error }, "reply not sent");
    await ctx.db.transaction(async (tx) => {
      await tx
        .update(conversationReplies)
        .set({ status: "failed", error: message, sentAt: null })
        .where(eq(conversationReplies.id, reply.id));
      await notifyConversationsChanged(tx, { orgId: reply.orgId, conversationIds: [conversation.id] });
    });
    return "failed";
  }
}

/**
 * The worker's round: sends queued replies (automatic acknowledgements, retries), and fails replies
 * whose send was interrupted long ago — the channel may have them, so a person decides about a retry.
 */
export async function sendQueuedReplies(
  ctx: AppContext,
  deps: { connectors: ConnectorRegistry },
): Promise<{ sent: number; failed: number }> {
  const stuckBefore = new Date(ctx.clock().getTime() - 10 * 60_000);
  await ctx.db
    .update(conversationReplies)
    .set({ status: "failed", error: "interrupted: the send did not finish; check the channel before sending again" })
    .where(and(eq(conversationReplies.status, "sending"), lt(conversationReplies.sentAt, stuckBefore)));
  const queued = await ctx.db
    .select({ id: conversationReplies.id })
    .from(conversationReplies)
    .where(eq(conversationReplies.status, "queued"))
    .orderBy(conversationReplies.createdAt)
    .limit(100);
  let sent = 0;
  let failed = 0;
  for (const { id } of queued) {
    const status = await sendQueuedReply(ctx, deps, id);
    if (status === "sent") sent++;
    if (status === "failed") failed++;
  }
  return { sent, failed };
}
