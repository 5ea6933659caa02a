// Staff answer a citizen from the inbox: the reply passes the guideline in force (as posts do), goes
// out through the channel (the website channel answers in this transaction; other networks through
// their connector right after it commits), and the conversation records who answered and when.
import { and, desc, eq, ne } from "drizzle-orm";
import { z } from "zod";
import type { Db, Tx } from "../../db/client.js";
import { activeGuideline } from "../../db/queries/guidelines.js";
import { channelAccounts, conversationReplies, inboundMessages } from "../../db/schema/index.js";
import { type ConnectorRegistry, ConnectorError } from "../../domain/connector.js";
import { AppError } from "../../domain/errors.js";
import { checkPost } from "../../domain/guidelineChecks.js";
import { type EmulatedNetwork, type Network, effectiveLimits, profileOf } from "../../domain/networks.js";
import { appendAuditEvent } from "../audit/auditTrail.js";
import type { OrgActor } from "../authorization.js";
import type { AppContext } from "../context.js";
import { writeStaffAnswer } from "../website/answer-website-comment.js";
import { type ConversationRow, loadConversation } from "./conversationAccess.js";
import { recordConversationResponse } from "./recordResponse.js";

export const ZReply = z.object({
  text: z.string().trim().min(1).max(5000),
  /** The template the text started from (for statistics); the text itself is what is sent. */
  templateId: z.uuid().nullable().default(null),
  /** The citizen message answered; default: the latest one. */
  inReplyToMessageId: z.uuid().optional(),
});

export async function replyToConversation(ctx: AppContext, deps: { connectors: ConnectorRegistry }, options: { actor: OrgActor; orgId: string; conversationId: string; input: unknown }) {
  const input = ZReply.parse(options.input);
  const now = ctx.clock();
  const prepared = await ctx.db.transaction(async (tx) => {
    const conversation = await loadConversation(ctx, tx, { ...options, action: "inbox.reply", forUpdate: true });
    const [account] = await tx.select().from(channelAccounts).where(eq(channelAccounts.id, conversation.channelAccountId));
    if (!account) throw new AppError("NOT_FOUND");
    const target = await messageAnswered(tx, conversation, input.inReplyToMessageId);
    const guideline = await activeGuideline(tx, options.orgId);
    const profile = profileOf(account.network as Network, account.emulates as EmulatedNetwork | null);
    const check = checkPost({
      rules: guideline?.rules ?? null,
      variants: [{ channelAccountId: account.id, profile, limits: effectiveLimits(profile, account.limits), postingWindows: [], text: input.text, media: [] }],
      publishAt: now,
    });
    if (check.blockers > 0) throw new AppError("GUIDELINE_VIOLATION", { details: { findings: check.findings } });
    const [reply] = await tx
      .insert(conversationReplies)
      .values({
        orgId: options.orgId,
        conversationId: conversation.id,
        inReplyToExternalId: target.externalId,
        text: input.text,
        templateId: input.templateId,
        authorUserId: options.actor.userId,
        status: "queued",
        createdAt: now,
      })
      .returning();
    if (!reply) throw new Error("reply insert returned nothing");
    await appendAuditEvent(tx, {
      orgId: options.orgId,
      actor: options.actor,
      action: "conversation.replied",
      target: { type: "conversation", id: conversation.id },
      data: { replyId: reply.id, channelAccountId: account.id, templateId: input.templateId, warnings: check.warnings },
      occurredAt: now,
    });
    if (account.network === "website") {
      const answer = await writeStaffAnswer(tx, { orgId: options.orgId, commentId: target.externalId, text: input.text, userId: options.actor.userId, now, publicUrl: ctx.publicUrl, answerId: reply.id });
      await tx.update(conversationReplies).set({ status: "sent", externalId: answer.id, sentAt: now }).where(eq(conversationReplies.id, reply.id));
      await recordConversationResponse(tx, { conversationId: conversation.id, userId: options.actor.userId, at: now });
      return { reply, account, conversation, sent: true };
    }
    return { reply, account, conversation, sent: false };
  });
  if (prepared.sent) return { id: prepared.reply.id, status: "sent" as const, warnings: [] };
  return { id: prepared.reply.id, status: await sendThroughConnector(ctx, deps, prepared) };
}

async function messageAnswered(tx: Db | Tx, conversation: ConversationRow, messageId: string | undefined) {
  const [message] = await tx
    .select({ externalId: inboundMessages.externalId })
    .from(inboundMessages)
    .where(and(eq(inboundMessages.conversationId, conversation.id), ne(inboundMessages.visibility, "deleted"), messageId ? eq(inboundMessages.id, messageId) : undefined))
    .orderBy(desc(inboundMessages.receivedAt))
    .limit(1);
  if (!message) throw new AppError("INVALID_TRANSITION", { details: { reason: "nothing_to_answer" } });
  return message;
}

async function sendThroughConnector(
  ctx: AppContext,
  deps: { connectors: ConnectorRegistry },
  prepared: { reply: typeof conversationReplies.$inferSelect; account: typeof channelAccounts.$inferSelect; conversation: ConversationRow },
): Promise<"sent" | "failed"> {
  const { reply, account, conversation } = prepared;
  const connector = deps.connectors.get(account.network);
  try {
    if (!connector?.reply) throw new ConnectorError("permanent", `the ${account.network} channel cannot send replies`);
    const item = await connector.reply(
      { id: account.id, orgId: account.orgId, settings: account.settings },
      { idempotencyKey: reply.id, orgId: account.orgId, threadExternalId: conversation.threadKey, inReplyToExternalId: reply.inReplyToExternalId, text: reply.text },
    );
    const sentAt = ctx.clock();
    await ctx.db.transaction(async (tx) => {
      await tx.update(conversationReplies).set({ status: "sent", externalId: item.externalId, sentAt }).where(eq(conversationReplies.id, reply.id));
      await recordConversationResponse(tx, { conversationId: conversation.id, userId: reply.authorUserId, at: sentAt });
    });
    return "sent";
  } catch (error) {
    const message = error instanceof ConnectorError ? `${error.kind}: ${error.message}` : "unexpected error";
    ctx.log.warn({ replyId: reply.id, conversationId: conversation.id, err: error }, "reply not sent");
    await ctx.db.update(conversationReplies).set({ status: "failed", error: message }).where(eq(conversationReplies.id, reply.id));
    return "failed";
  }
}
