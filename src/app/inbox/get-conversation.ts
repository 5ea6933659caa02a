// One conversation for the person answering it: the citizen's messages, the replies and internal
// notes in time order, the citizen's other conversations on the channel (data-minimal history), and
// where the response-time target stands in business hours.
import { and, asc, desc, eq, inArray, ne } from "drizzle-orm";
import {
  channelAccounts,
  conversationNotes,
  conversationReplyMedia,
  conversationReplies,
  conversations,
  departments,
  inboundAttachments,
  inboundMessageEdits,
  inboundMessages,
  mediaAssets,
  organisations,
  users,
} from "../../db/schema/index.js";
import { viewOfDue } from "../../domain/responseTargets.js";
import { calendarOf } from "../../domain/slaClock.js";
import type { OrgActor } from "../authorization.js";
import type { AppContext } from "../context.js";
import { loadConversation, visibleConversations } from "./conversationAccess.js";
import { presentConversation } from "./list-conversations.js";
import { type AnswerWindow, answerWindowOf } from "../../domain/answerWindow.js";
import type { ConnectorRegistry } from "../../domain/connector.js";
import { replyMediaRulesOf } from "./replyMedia.js";

export async function getConversation(
  ctx: AppContext,
  deps: { connectors: ConnectorRegistry },
  options: { actor: OrgActor; orgId: string; conversationId: string },
) {
  const conversation = await loadConversation(ctx, ctx.db, { ...options, action: "inbox.view" });
  const now = ctx.clock();
  const [messages, replies, notes, history, [org], [department], [account]] = await Promise.all([
    ctx.db
      .select({
        id: inboundMessages.id,
        externalId: inboundMessages.externalId,
        kind: inboundMessages.kind,
        authorName: inboundMessages.authorName,
        text: inboundMessages.text,
        visibility: inboundMessages.visibility,
        intent: inboundMessages.intent,
        sentiment: inboundMessages.sentiment,
        flagged: inboundMessages.flagged,
        analysis: inboundMessages.analysis,
        media: inboundMessages.media,
        receivedAt: inboundMessages.receivedAt,
        editedAt: inboundMessages.editedAt,
        raw: inboundMessages.raw,
      })
      .from(inboundMessages)
      .where(eq(inboundMessages.conversationId, conversation.id))
      .orderBy(asc(inboundMessages.receivedAt))
      .limit(500),
    ctx.db
      .select({ reply: conversationReplies, authorName: users.name })
      .from(conversationReplies)
      .leftJoin(users, eq(users.id, conversationReplies.authorUserId))
      .where(eq(conversationReplies.conversationId, conversation.id))
      .orderBy(asc(conversationReplies.createdAt)),
    ctx.db
      .select({ note: conversationNotes, authorName: users.name })
      .from(conversationNotes)
      .leftJoin(users, eq(users.id, conversationNotes.authorUserId))
      .where(eq(conversationNotes.conversationId, conversation.id))
      .orderBy(asc(conversationNotes.createdAt)),
    ctx.db
      .select({
        id: conversations.id,
        status: conversations.status,
        threadKey: conversations.threadKey,
        lastMessageAt: conversations.lastMessageAt,
        intent: conversations.intent,
      })
      .from(conversations)
      .where(
        and(
          eq(conversations.channelAccountId, conversation.channelAccountId),
          eq(conversations.citizenHandle, conversation.citizenHandle),
          ne(conversations.id, conversation.id),
          visibleConversations(options.actor),
        ),
      )
      .orderBy(desc(conversations.lastMessageAt))
      .limit(20),
    ctx.db
      .select({
        timeZone: organisations.timeZone,
        state: organisations.state,
        officeSchedule: organisations.officeSchedule,
      })
      .from(organisations)
      .where(eq(organisations.id, options.orgId)),
    conversation.departmentId
      ? ctx.db.select({ name: departments.name }).from(departments).where(eq(departments.id, conversation.departmentId))
      : Promise.resolve([]),
    accountOf(ctx, conversation.channelAccountId),
  ]);
  const sentMedia = await replyMediaOf(
    ctx,
    replies.map((r) => r.reply.id),
  );
  // Earlier versions of messages the citizen edited on the network, oldest first.
  const edited = messages.filter((m) => m.editedAt).map((m) => m.id);
  const versions = edited.length
    ? await ctx.db
        .select({
          messageId: inboundMessageEdits.inboundMessageId,
          text: inboundMessageEdits.previousText,
          replacedAt: inboundMessageEdits.replacedAt,
        })
        .from(inboundMessageEdits)
        .where(inArray(inboundMessageEdits.inboundMessageId, edited))
        .orderBy(asc(inboundMessageEdits.replacedAt))
    : [];
  const versionsOf = (id: string) =>
    versions.filter((v) => v.messageId === id).map((v) => ({ text: v.text, replacedAt: v.replacedAt.toISOString() }));
  const files = await attachmentsOf(
    ctx,
    messages.map((m) => m.id),
  );
  const filesOf = (id: string) => files.filter((f) => f.messageId === id).map(({ messageId: _, ...f }) => f);
  const due = conversation.responseDueAt;
  // targetMs only decides "due soon", which the view does not show here.
  const remainingBusinessMs =
    org && due
      ? viewOfDue({ calendar: calendarOf(org), dueAt: due, targetMs: 0, doneAt: null, now }).remainingMs
      : null;
  return {
    conversation: {
      ...presentConversation(conversation, now),
      channelName: conversation.channelName,
      network: conversation.network,
      departmentName: department?.name ?? null,
      remainingBusinessMs,
      answerWindow: presentWindow(
        answerWindowOf({
          network: conversation.network,
          direct: messages.at(-1)?.kind === "direct",
          citizenLastWroteAt: conversation.lastMessageAt,
          now,
        }),
      ),
      replyMedia: account ? replyMediaRulesOf(deps.connectors, account) : null,
    },
    messages: messages.map(({ raw, ...m }) => ({
      ...m,
      receivedAt: m.receivedAt.toISOString(),
      editedAt: m.editedAt?.toISOString() ?? null,
      earlierVersions: m.editedAt ? versionsOf(m.id) : [],
      attachments: filesOf(m.id),
      attachmentsNotKept: Array.isArray(raw.attachments)
        ? raw.attachments.filter((a: unknown) => (a as { stored?: unknown })?.stored === false).length
        : 0,
      // Where the message can be opened on its network (not the raw payload: that stays for evidence).
      url: typeof raw.url === "string" && /^https?:\/\//.test(raw.url) ? raw.url : null,
    })),
    replies: presentReplies(replies, sentMedia),
    notes: notes.map(({ note, authorName }) => ({
      id: note.id,
      text: note.text,
      authorName,
      mentionedUserIds: note.mentionedUserIds,
      createdAt: note.createdAt.toISOString(),
    })),
    history: history.map((h) => ({ ...h, lastMessageAt: h.lastMessageAt.toISOString() })),
  };
}

const presentWindow = (window: AnswerWindow | null) =>
  window ? { closesAt: window.closesAt.toISOString(), open: window.open } : null;

/** The files citizens sent with these messages (not their content: that is a download of its own). */
async function attachmentsOf(ctx: AppContext, messageIds: string[]) {
  if (messageIds.length === 0) return [];
  return ctx.db
    .select({
      id: inboundAttachments.id,
      messageId: inboundAttachments.inboundMessageId,
      fileName: inboundAttachments.fileName,
      mimeType: inboundAttachments.mimeType,
      byteSize: inboundAttachments.byteSize,
    })
    .from(inboundAttachments)
    .where(inArray(inboundAttachments.inboundMessageId, messageIds))
    .orderBy(asc(inboundAttachments.position));
}

/** The library files the answers carried, in each answer's order (the file itself is the library's). */
async function replyMediaOf(ctx: AppContext, replyIds: string[]) {
  if (replyIds.length === 0) return [];
  return ctx.db
    .select({
      replyId: conversationReplyMedia.replyId,
      id: mediaAssets.id,
      kind: mediaAssets.kind,
      fileName: mediaAssets.fileName,
      altText: mediaAssets.altText,
    })
    .from(conversationReplyMedia)
    .innerJoin(mediaAssets, eq(mediaAssets.id, conversationReplyMedia.mediaId))
    .where(inArray(conversationReplyMedia.replyId, replyIds))
    .orderBy(asc(conversationReplyMedia.position));
}

type ReplyWithAuthor = { reply: typeof conversationReplies.$inferSelect; authorName: string | null };

function presentReplies(replies: ReplyWithAuthor[], sentMedia: Awaited<ReturnType<typeof replyMediaOf>>) {
  return replies.map(({ reply, authorName }) => ({
    id: reply.id,
    text: reply.text,
    status: reply.status,
    error: reply.error,
    automatic: reply.automatic,
    authorName: reply.automatic ? null : authorName,
    authorUserId: reply.authorUserId,
    reviewComment: reply.reviewComment,
    inReplyToExternalId: reply.inReplyToExternalId,
    createdAt: reply.createdAt.toISOString(),
    sentAt: reply.sentAt?.toISOString() ?? null,
    deliveryStatus: reply.deliveryStatus ?? null,
    deliveryStatusAt: reply.deliveryStatusAt?.toISOString() ?? null,
    media: sentMedia.filter((m) => m.replyId === reply.id).map(({ replyId: _, ...m }) => m),
  }));
}

/** The channel account's network and limits (what files an answer may carry there). */
function accountOf(ctx: AppContext, channelAccountId: string) {
  return ctx.db
    .select({
      network: channelAccounts.network,
      emulates: channelAccounts.emulates,
      settings: channelAccounts.settings,
      limits: channelAccounts.limits,
    })
    .from(channelAccounts)
    .where(eq(channelAccounts.id, channelAccountId));
}
