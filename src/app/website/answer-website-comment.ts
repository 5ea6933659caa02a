// Staff answer a citizen's comment on the website channel: the answer appears in the thread under the
// organisation's label ("Antwort der Stadtverwaltung"), and a citizen who confirmed an address is told.
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db, Tx } from "../../db/client.js";
import { conversationReplies, inboundMessages, organisations, websiteComments } from "../../db/schema/index.js";
import { AppError } from "../../domain/errors.js";
import { duplicateKey } from "../../text/citizenText.js";
import { appendAuditEvent } from "../audit/auditTrail.js";
import { type OrgActor, requireAllowed } from "../authorization.js";
import type { AppContext } from "../context.js";
import { digestToken } from "../security/tokens.js";
import { recordStaffResponse } from "../inbox/recordResponse.js";
import { queueAnswerNotice } from "./commentEmails.js";
import { loadCommentForStaff, updateInboundCopy } from "./commentRecords.js";
import { websiteSettingsOf } from "./publicOrg.js";

export const ZAnswer = z.object({ text: z.string().trim().min(1).max(5000) });

export async function answerWebsiteComment(ctx: AppContext, options: { actor: OrgActor; orgId: string; commentId: string; input: unknown }) {
  const input = ZAnswer.parse(options.input);
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const { account } = await loadCommentForStaff(tx, options);
    requireAllowed(ctx, options.actor, "inbox.reply", { orgId: options.orgId, departmentId: account.departmentId, channelAccountId: account.id });
    // The answer also goes into the conversation's timeline in the inbox, as a sent reply with the same id.
    const answerId = randomUUID();
    const answer = await writeStaffAnswer(tx, { orgId: options.orgId, commentId: options.commentId, text: input.text, userId: options.actor.userId, now, publicUrl: ctx.publicUrl, answerId });
    const [copy] = await tx
      .select({ conversationId: inboundMessages.conversationId })
      .from(inboundMessages)
      .where(and(eq(inboundMessages.channelAccountId, account.id), eq(inboundMessages.externalId, options.commentId)));
    if (copy?.conversationId) {
      await tx.insert(conversationReplies).values({
        id: answerId,
        orgId: options.orgId,
        conversationId: copy.conversationId,
        inReplyToExternalId: options.commentId,
        text: input.text,
        authorUserId: options.actor.userId,
        status: "sent",
        externalId: answer.id,
        createdAt: now,
        sentAt: now,
      });
    }
    await recordStaffResponse(tx, { channelAccountId: account.id, externalId: options.commentId, userId: options.actor.userId, at: now });
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

/**
 * Writes the administration's answer under a citizen comment (the website channel's reply): under the
 * organisation's label, publishing a held comment, and telling a citizen with a confirmed address.
 * `answerId` makes it idempotent when the inbox sends it.
 */
export async function writeStaffAnswer(
  tx: Db | Tx,
  args: { orgId: string; commentId: string; text: string; userId: string | null; now: Date; publicUrl: string; answerId?: string },
): Promise<{ id: string; entryId: string }> {
  const { comment, entry, account } = await loadCommentForStaff(tx, args);
  if (comment.status === "deleted" || comment.authorKind !== "citizen") throw new AppError("INVALID_TRANSITION", { details: { status: comment.status } });
  const settings = await websiteSettingsOf(tx, args.orgId);
  const [answer] = await tx
    .insert(websiteComments)
    .values({
      ...(args.answerId ? { id: args.answerId } : {}),
      orgId: args.orgId,
      entryId: entry.id,
      parentId: comment.parentId ?? comment.id,
      authorKind: "staff",
      displayName: settings.answerLabel,
      staffUserId: args.userId,
      text: args.text,
      status: "visible",
      contentHash: digestToken(duplicateKey(args.text)),
      createdAt: args.now,
    })
    .returning({ id: websiteComments.id });
  if (!answer) throw new Error("answer insert returned nothing");
  // Answering a held comment publishes it: an answer to an invisible question would make no sense.
  if (comment.status === "held") {
    await tx.update(websiteComments).set({ status: "visible" }).where(eq(websiteComments.id, comment.id));
    await updateInboundCopy(tx, { channelAccountId: account.id, commentId: comment.id, set: { visibility: "visible" } });
  }
  if (comment.email && comment.emailConfirmedAt) {
    const [org] = await tx.select({ id: organisations.id, slug: organisations.slug, name: organisations.name }).from(organisations).where(eq(organisations.id, args.orgId));
    if (org) await queueAnswerNotice(tx, { org, to: comment.email, postUrl: `${args.publicUrl}/p/${org.slug}/beitrag/${entry.id}#kommentar-${answer.id}`, now: args.now });
  }
  return { id: answer.id, entryId: entry.id };
}
