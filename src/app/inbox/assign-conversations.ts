// Hands conversations to a department and/or a person, one or many at once (bulk action). The new
// assignee is notified; each change goes into the audit trail; open inboxes update live.
import { eq } from "drizzle-orm";
import { conversations, userNotifications } from "../../db/schema/index.js";
import { appendAuditEvents } from "../audit/auditTrail.js";
import type { OrgActor } from "../authorization.js";
import type { AppContext } from "../context.js";
import { checkOrgRefs } from "../orgRefs.js";
import { loadConversation } from "./conversationAccess.js";
import { notifyConversationsChanged } from "./inboxEvents.js";
import { ZAssignment } from "../../contract/inboxSchemas.js";

export async function assignConversations(
  ctx: AppContext,
  options: { actor: OrgActor; orgId: string; input: unknown },
) {
  const input = ZAssignment.parse(options.input);
  const now = ctx.clock();
  const ids = [...new Set(input.conversationIds)].sort();
  return ctx.db.transaction(async (tx) => {
    await checkOrgRefs(tx, {
      orgId: options.orgId,
      departmentId: input.departmentId,
      assigneeUserId: input.assigneeUserId,
    });
    const changed: string[] = [];
    for (const conversationId of ids) {
      const conversation = await loadConversation(ctx, tx, {
        actor: options.actor,
        orgId: options.orgId,
        conversationId,
        action: "inbox.reply",
        forUpdate: true,
      });
      const departmentId = input.departmentId === undefined ? conversation.departmentId : input.departmentId;
      const assigneeUserId = input.assigneeUserId === undefined ? conversation.assigneeUserId : input.assigneeUserId;
      if (departmentId === conversation.departmentId && assigneeUserId === conversation.assigneeUserId) continue;
      changed.push(conversationId);
      if (assigneeUserId && assigneeUserId !== conversation.assigneeUserId && assigneeUserId !== options.actor.userId) {
        await tx.insert(userNotifications).values({
          orgId: options.orgId,
          userId: assigneeUserId,
          kind: "assigned",
          conversationId,
          actorLabel: options.actor.label,
          createdAt: now,
        });
      }
      await tx
        .update(conversations)
        .set({ departmentId, assigneeUserId, routedByRuleId: null, updatedAt: now })
        .where(eq(conversations.id, conversationId));
    }
    if (changed.length === 0) return { changed: 0 };
    await appendAuditEvents(
      tx,
      changed.map((id) => ({
        orgId: options.orgId,
        actor: options.actor,
        action: "conversation.assigned",
        target: { type: "conversation", id },
        data: { departmentId: input.departmentId, assigneeUserId: input.assigneeUserId },
        occurredAt: now,
      })),
    );
    await notifyConversationsChanged(tx, { orgId: options.orgId, conversationIds: changed });
    return { changed: changed.length };
  });
}
