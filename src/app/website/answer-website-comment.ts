// Staff answer a citizen's comment from the moderation list: the answer appears in the thread under the
// organisation's label ("Antwort der Stadtverwaltung"), and a citizen who confirmed an address is told.
// It takes the inbox's reply path, so the conversation's timeline and response times record it too.
import { and, eq } from "drizzle-orm";
import { conversationReplies, inboundMessages } from "../../db/schema/index.js";
import { appendAuditEvent } from "../audit/auditTrail.js";
import { type OrgActor, requireAllowed } from "../authorization.js";
import type { AppContext } from "../context.js";
import { deliverWebsiteReply } from "../inbox/deliverReply.js";
import { commentResource, loadCommentForStaff } from "./commentRecords.js";
import { writeStaffAnswer } from "./writeStaffAnswer.js";
import { ZAnswer } from "../../contract/website.js";

export async function answerWebsiteComment(
  ctx: AppContext,
  options: { actor: OrgActor; orgId: string; commentId: string; input: unknown },
) {
  const input = ZAnswer.parse(options.input);
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const row = await loadCommentForStaff(tx, options);
    const { account } = row;
    requireAllowed(ctx, options.actor, "inbox.reply", commentResource(options.orgId, row));
    const [copy] = await tx
      .select({ conversationId: inboundMessages.conversationId })
      .from(inboundMessages)
      .where(and(eq(inboundMessages.channelAccountId, account.id), eq(inboundMessages.externalId, options.commentId)));
    let answer: { id: string; entryId: string };
    if (copy?.conversationId) {
      const [reply] = await tx
        .insert(conversationReplies)
        .values({
          orgId: options.orgId,
          conversationId: copy.conversationId,
          inReplyToExternalId: options.commentId,
          text: input.text,
          authorUserId: options.actor.userId,
          status: "queued",
          createdAt: now,
        })
        .returning();
      if (!reply) throw new Error("reply insert returned nothing");
      answer = await deliverWebsiteReply(tx, { reply, now, publicUrl: ctx.publicUrl });
    } else {
      // A comment from before the inbox existed has no conversation to record the answer in.
      answer = await writeStaffAnswer(tx, {
        orgId: options.orgId,
        commentId: options.commentId,
        text: input.text,
        userId: options.actor.userId,
        now,
        publicUrl: ctx.publicUrl,
      });
    }
    await appendAuditEvent(tx, {
      orgId: options.orgId,
      actor: options.actor,
      action: "website.comment.answered",
      target: { type: "website_comment", id: options.commentId },
      data: { answerId: answer.id, entryId: answer.entryId, channelAccountId: account.id },
      occurredAt: now,
    });
    return { id: answer.id };
  });
}
