// Staff answer a citizen from the inbox: the reply passes the guideline in force (as posts do), goes
// out through the channel (the website channel answers in this transaction; other networks through
// their connector right after it commits), and the conversation records who answered and when.
import { and, desc, eq, ne } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.js";
import { activeGuideline } from "../../db/queries/guidelines.js";
import {
  channelAccounts,
  conversations,
  conversationReplies,
  conversationReplyMedia,
  inboundMessages,
} from "../../db/schema/index.js";
import type { ConnectorRegistry } from "../../domain/connector.js";
import { answerWindowOf } from "../../domain/answerWindow.js";
import { AppError } from "../../domain/errors.js";
import { checkPost } from "../../domain/guidelineChecks.js";
import { type EmulatedNetwork, type Network, effectiveLimits, profileOf } from "../../domain/networks.js";
import { appendAuditEvent } from "../audit/auditTrail.js";
import type { OrgActor } from "../authorization.js";
import type { AppContext } from "../context.js";
import { type ConversationRow, loadConversation } from "./conversationAccess.js";
import { deliverWebsiteReply, sendQueuedReply } from "./deliverReply.js";
import { notifyConversationsChanged } from "./inboxEvents.js";
import { inboxSettingsOf } from "./intakeRules.js";
import { replyNeedsApproval } from "../../domain/replyApproval.js";
import { ZReply } from "../../contract/inboxSchemas.js";
import { chosenMessageTemplate } from "./message-templates.js";
import { loadMedia } from "../posts/postRecords.js";
import { requireUsableMedia } from "../posts/postAccess.js";
import { replyMediaRulesOf } from "./replyMedia.js";
import { recordArticleUses } from "../knowledge/recordArticleUses.js";
import { rememberAnswer } from "../knowledge/rememberAnswer.js";

export async function replyToConversation(
  ctx: AppContext,
  deps: { connectors: ConnectorRegistry },
  options: { actor: OrgActor; orgId: string; conversationId: string; input: unknown },
) {
  const input = ZReply.parse(options.input);
  // A network template (WhatsApp outside the window) is looked up first, at the network: its filled body is the text.
  const chosen = input.template
    ? await chosenMessageTemplate(ctx, deps, { ...options, template: input.template })
    : null;
  const text = chosen?.text ?? input.text;
  const now = ctx.clock();
  const prepared = await ctx.db.transaction(async (tx) => {
    const conversation = await loadConversation(ctx, tx, { ...options, action: "inbox.reply", forUpdate: true });
    const [account] = await tx
      .select()
      .from(channelAccounts)
      .where(eq(channelAccounts.id, conversation.channelAccountId));
    if (!account) throw new AppError("NOT_FOUND");
    const target = await messageAnswered(tx, conversation, input.inReplyToMessageId);
    // A free answer the network would refuse (24 hours after the citizen last wrote) is refused here, text kept;
    // an approved template is what the network allows then.
    const window = answerWindowOf({
      network: account.network,
      direct: target.kind === "direct",
      citizenLastWroteAt: conversation.lastMessageAt,
      now,
    });
    if (window && !window.open && !chosen)
      throw new AppError("ANSWER_WINDOW_CLOSED", { details: { closedAt: window.closesAt.toISOString() } });
    const media = await replyMedia(ctx, tx, deps, { ...options, account, ids: input.mediaIds, template: !!chosen });
    const guideline = await activeGuideline(tx, options.orgId);
    // An answer is a comment or a message: a text alone is fine also where a post needs a picture (Instagram).
    const profile = {
      ...profileOf(account.network as Network, account.emulates as EmulatedNetwork | null, account.settings),
      mediaRequired: false,
    };
    const check = checkPost({
      rules: guideline?.rules ?? null,
      variants: [
        {
          channelAccountId: account.id,
          profile,
          limits: effectiveLimits(profile, account.limits),
          postingWindows: [],
          text,
          media,
        },
      ],
      publishAt: now,
    });
    if (check.blockers > 0) throw new AppError("GUIDELINE_VIOLATION", { details: { findings: check.findings } });
    const settings = await inboxSettingsOf(tx, options.orgId);
    const citizenTexts = (
      await tx
        .select({ text: inboundMessages.text })
        .from(inboundMessages)
        .where(eq(inboundMessages.conversationId, conversation.id))
        .limit(50)
    ).map((m) => m.text);
    const needsApproval = replyNeedsApproval({
      mode: settings.replyApproval,
      keywords: settings.replyApprovalKeywords,
      replyText: text,
      citizenTexts,
    });
    const [reply] = await tx
      .insert(conversationReplies)
      .values({
        orgId: options.orgId,
        conversationId: conversation.id,
        inReplyToExternalId: target.externalId,
        text,
        templateId: input.templateId,
        networkTemplate: chosen?.template ?? null,
        authorUserId: options.actor.userId,
        status: needsApproval ? "in_review" : "queued",
        createdAt: now,
      })
      .returning();
    if (!reply) throw new Error("reply insert returned nothing");
    if (media.length > 0)
      await tx
        .insert(conversationReplyMedia)
        .values(media.map((m, position) => ({ replyId: reply.id, mediaId: m.id, position })));
    const articleIds = await recordArticleUses(tx, {
      orgId: options.orgId,
      replyId: reply.id,
      articleIds: input.articleIds,
      templateId: input.templateId,
      now,
    });
    // A free answer is remembered for suggestions; a network's message template is no answer to learn from.
    if (!chosen)
      await rememberAnswer(tx, {
        orgId: options.orgId,
        conversationId: conversation.id,
        replyId: reply.id,
        questionUpTo: target.receivedAt,
        now,
      });
    await appendAuditEvent(tx, {
      orgId: options.orgId,
      actor: options.actor,
      action: "conversation.replied",
      target: { type: "conversation", id: conversation.id },
      data: {
        replyId: reply.id,
        channelAccountId: account.id,
        templateId: input.templateId,
        ...(media.length > 0 ? { mediaIds: media.map((m) => m.id) } : {}),
        ...(articleIds.length > 0 ? { articleIds } : {}),
        ...(chosen ? { networkTemplate: { name: chosen.template.name, language: chosen.template.language } } : {}),
        warnings: check.warnings,
        needsApproval,
      },
      occurredAt: now,
    });
    // Who answers an unassigned conversation takes it on, as in a shared inbox: colleagues see it is taken.
    const takenOn = !conversation.assigneeUserId && options.actor.userId !== null;
    if (takenOn) await takeOn(tx, { ...options, conversationId: conversation.id, now });
    if (needsApproval || takenOn)
      await notifyConversationsChanged(tx, { orgId: options.orgId, conversationIds: [conversation.id] });
    if (needsApproval) {
      return { reply, sent: false, inReview: true };
    }
    if (account.network === "website") {
      await deliverWebsiteReply(tx, { reply, now, publicUrl: ctx.publicUrl });
      return { reply, sent: true, inReview: false };
    }
    return { reply, sent: false, inReview: false };
  });
  if (prepared.inReview) return { id: prepared.reply.id, status: "in_review" as const };
  if (prepared.sent) return { id: prepared.reply.id, status: "sent" as const };
  const status = await sendQueuedReply(ctx, deps, prepared.reply.id);
  return { id: prepared.reply.id, status: status === "not_queued" ? ("queued" as const) : status };
}

/** Sends a failed reply again (after the channel was checked), as the person who wrote it or a colleague. */
export async function retryReply(
  ctx: AppContext,
  deps: { connectors: ConnectorRegistry },
  options: { actor: OrgActor; orgId: string; conversationId: string; replyId: string },
) {
  const now = ctx.clock();
  await ctx.db.transaction(async (tx) => {
    await loadConversation(ctx, tx, { ...options, action: "inbox.reply" });
    const [reply] = await tx
      .update(conversationReplies)
      .set({ status: "queued", error: null })
      .where(
        and(
          eq(conversationReplies.id, options.replyId),
          eq(conversationReplies.conversationId, options.conversationId),
          eq(conversationReplies.status, "failed"),
        ),
      )
      .returning({ id: conversationReplies.id });
    if (!reply) throw new AppError("INVALID_TRANSITION", { details: { reason: "not_failed" } });
    await appendAuditEvent(tx, {
      orgId: options.orgId,
      actor: options.actor,
      action: "conversation.reply_retried",
      target: { type: "conversation", id: options.conversationId },
      data: { replyId: reply.id },
      occurredAt: now,
    });
  });
  const status = await sendQueuedReply(ctx, deps, options.replyId);
  return { id: options.replyId, status: status === "not_queued" ? ("queued" as const) : status };
}

/**
 * The library files to send with the answer: the organisation's, usable by the person (their departments' or the
 * whole organisation's), on a channel whose connector sends files with answers, and not beside a network template.
 * Their count, videos and alternative texts are then checked with the text, by the guideline check.
 */
async function replyMedia(
  ctx: AppContext,
  tx: Db | Tx,
  deps: { connectors: ConnectorRegistry },
  args: {
    actor: OrgActor;
    orgId: string;
    account: typeof channelAccounts.$inferSelect;
    ids: readonly string[];
    template: boolean;
  },
) {
  if (args.ids.length === 0) return [];
  const rules = replyMediaRulesOf(deps.connectors, args.account);
  if (!rules || args.template)
    throw new AppError("CHANNEL_UNSUPPORTED", {
      details: { network: args.account.network, action: args.template ? "template_media" : "reply_media" },
    });
  const media = await loadMedia(tx, { orgId: args.orgId, ids: args.ids });
  requireUsableMedia(ctx, args.actor, { orgId: args.orgId, media });
  const total = media.reduce((sum, m) => sum + m.byteSize, 0);
  if (rules.maxTotalBytes !== null && total > rules.maxTotalBytes)
    throw new AppError("PAYLOAD_TOO_LARGE", {
      details: { reason: "reply_media_too_large", limitMb: Math.floor(rules.maxTotalBytes / (1024 * 1024)) },
    });
  return media;
}

async function messageAnswered(tx: Db | Tx, conversation: ConversationRow, messageId: string | undefined) {
  const [message] = await tx
    .select({
      externalId: inboundMessages.externalId,
      kind: inboundMessages.kind,
      receivedAt: inboundMessages.receivedAt,
    })
    .from(inboundMessages)
    .where(
      and(
        eq(inboundMessages.conversationId, conversation.id),
        ne(inboundMessages.visibility, "deleted"),
        messageId ? eq(inboundMessages.id, messageId) : undefined,
      ),
    )
    .orderBy(desc(inboundMessages.receivedAt))
    .limit(1);
  if (!message) throw new AppError("INVALID_TRANSITION", { details: { reason: "nothing_to_answer" } });
  return message;
}

/** Assigns a conversation nobody had to the person answering it, in the audit trail as their own assignment. */
async function takeOn(tx: Tx, options: { actor: OrgActor; orgId: string; conversationId: string; now: Date }) {
  const userId = options.actor.userId;
  if (!userId) return;
  await tx
    .update(conversations)
    .set({ assigneeUserId: userId, routedByRuleId: null, updatedAt: options.now })
    .where(eq(conversations.id, options.conversationId));
  await appendAuditEvent(tx, {
    orgId: options.orgId,
    actor: options.actor,
    action: "conversation.assigned",
    target: { type: "conversation", id: options.conversationId },
    data: { assigneeUserId: userId, byReply: true },
    occurredAt: options.now,
  });
}
