// An internal note on a conversation, never sent to the citizen. Mentioned colleagues (any member of
// the organisation, also in other departments) are notified.
import { conversationNotes, userNotifications } from "../../db/schema/index.js";
import { appendAuditEvent } from "../audit/auditTrail.js";
import type { OrgActor } from "../authorization.js";
import type { AppContext } from "../context.js";
import { checkMentionedMembers } from "../orgRefs.js";
import { loadConversation } from "./conversationAccess.js";
import { notifyConversationsChanged } from "./inboxEvents.js";
import { ZNote } from "../../contract/inboxSchemas.js";

export async function addConversationNote(
  ctx: AppContext,
  options: { actor: OrgActor; orgId: string; conversationId: string; input: unknown },
) {
  const input = ZNote.parse(options.input);
  const now = ctx.clock();
  const mentioned = [...new Set(input.mentionedUserIds)];
  return ctx.db.transaction(async (tx) => {
    const conversation = await loadConversation(ctx, tx, { ...options, action: "inbox.view" });
    await checkMentionedMembers(tx, { orgId: options.orgId, userIds: mentioned });
    const [note] = await tx
      .insert(conversationNotes)
      .values({
        orgId: options.orgId,
        conversationId: conversation.id,
        authorUserId: options.actor.userId,
        text: input.text,
        mentionedUserIds: mentioned,
        createdAt: now,
      })
      .returning({ id: conversationNotes.id });
    if (!note) throw new Error("note insert returned nothing");
    const others = mentioned.filter((id) => id !== options.actor.userId);
    if (others.length) {
      await tx.insert(userNotifications).values(
        others.map((userId) => ({
          orgId: options.orgId,
          userId,
          kind: "mention" as const,
          conversationId: conversation.id,
          actorLabel: options.actor.label,
          createdAt: now,
        })),
      );
    }
    await appendAuditEvent(tx, {
      orgId: options.orgId,
      actor: options.actor,
      action: "conversation.note_added",
      target: { type: "conversation", id: conversation.id },
      data: { noteId: note.id, mentioned },
      occurredAt: now,
    });
    await notifyConversationsChanged(tx, { orgId: options.orgId, conversationIds: [conversation.id] });
    return { id: note.id };
  });
}
