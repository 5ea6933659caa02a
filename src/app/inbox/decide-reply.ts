// Freigabe of a reply that needed approval: someone with the right to approve (never its author)
// releases it — it goes out at once — or returns it with a comment for the author to rework.
import { and, eq } from "drizzle-orm";
import { channelAccounts, conversationReplies } from "../../db/schema/index.js";
import { AppError } from "../../domain/errors.js";
import type { ConnectorRegistry } from "../../domain/connector.js";
import { appendAuditEvent } from "../audit/auditTrail.js";
import { type OrgActor, requireAllowed } from "../authorization.js";
import type { AppContext } from "../context.js";
import { conversationResource, loadConversation } from "./conversationAccess.js";
import { deliverWebsiteReply, sendQueuedReply } from "./deliverReply.js";
import { notifyConversationsChanged } from "./inboxEvents.js";
import { ZReplyDecision } from "../../contract/inboxSchemas.js";

export async function decideReply(
  ctx: AppContext,
  deps: { connectors: ConnectorRegistry },
  options: { actor: OrgActor; orgId: string; conversationId: string; replyId: string; input: unknown },
) {
  const input = ZReplyDecision.parse(options.input);
  const now = ctx.clock();
  const outcome = await ctx.db.transaction(async (tx) => {
    const conversation = await loadConversation(ctx, tx, { ...options, action: "inbox.view", forUpdate: true });
    requireAllowed(ctx, options.actor, "post.approve", conversationResource(conversation));
    const [reply] = await tx
      .select()
      .from(conversationReplies)
      .where(and(eq(conversationReplies.id, options.replyId), eq(conversationReplies.conversationId, conversation.id)))
      .for("update");
    if (!reply) throw new AppError("NOT_FOUND");
    if (reply.status !== "in_review") throw new AppError("INVALID_TRANSITION", { details: { status: reply.status } });
    if (reply.authorUserId === options.actor.userId)
      throw new AppError("NOT_ALLOWED", { details: { reason: "own_reply" } });
    const reviewed = {
      reviewerUserId: options.actor.userId,
      reviewedAt: now,
      reviewComment: input.decision === "returned" ? input.comment : null,
    };
    await appendAuditEvent(tx, {
      orgId: options.orgId,
      actor: options.actor,
      action: `conversation.reply_${input.decision}`,
      target: { type: "conversation", id: conversation.id },
      data: { replyId: reply.id },
      occurredAt: now,
    });
    if (input.decision === "returned") {
      await tx
        .update(conversationReplies)
        .set({ status: "returned", ...reviewed })
        .where(eq(conversationReplies.id, reply.id));
      await notifyConversationsChanged(tx, { orgId: options.orgId, conversationIds: [conversation.id] });
      return "returned" as const;
    }
    const [queued] = await tx
      .update(conversationReplies)
      .set({ status: "queued", ...reviewed })
      .where(eq(conversationReplies.id, reply.id))
      .returning();
    const [account] = await tx
      .select({ network: channelAccounts.network })
      .from(channelAccounts)
      .where(eq(channelAccounts.id, conversation.channelAccountId));
    if (queued && account?.network === "website") {
      await deliverWebsiteReply(tx, { reply: queued, now, publicUrl: ctx.publicUrl });
      return "sent" as const;
    }
    return "queued" as const;
  });
  if (outcome !== "queued") return { id: options.replyId, status: outcome };
  const status = await sendQueuedReply(ctx, deps, options.replyId);
  return { id: options.replyId, status: status === "not_queued" ? ("queued" as const) : status };
}
