// Collision detection: a person opening or answering a conversation announces it, so others who have
// it open see "Anna schreibt gerade" live. Nothing is stored; opening also moves "new" to "open".
import { eq } from "drizzle-orm";
import { conversations, users } from "../../db/schema/index.js";
import { nextConversationStatus } from "../../domain/conversationLifecycle.js";
import type { OrgActor } from "../authorization.js";
import type { AppContext } from "../context.js";
import { loadConversation } from "./conversationAccess.js";
import { notifyConversationsChanged, notifyPresence } from "./inboxEvents.js";
import { ZPresence } from "../../contract/inboxSchemas.js";

export async function announcePresence(
  ctx: AppContext,
  options: { actor: OrgActor; orgId: string; conversationId: string; input: unknown },
) {
  const input = ZPresence.parse(options.input);
  const userId = options.actor.userId;
  if (!userId) return { ok: true };
  await ctx.db.transaction(async (tx) => {
    const conversation = await loadConversation(ctx, tx, {
      ...options,
      action: "inbox.view",
      forUpdate: input.state === "viewing",
    });
    const [me] = await tx.select({ name: users.name }).from(users).where(eq(users.id, userId));
    if (input.state === "viewing" && nextConversationStatus(conversation.status, "staff_viewed")) {
      await tx
        .update(conversations)
        .set({ status: "open", updatedAt: ctx.clock() })
        .where(eq(conversations.id, conversation.id));
      await notifyConversationsChanged(tx, { orgId: options.orgId, conversationIds: [conversation.id] });
    }
    await notifyPresence(tx, {
      kind: "presence",
      orgId: options.orgId,
      conversationId: conversation.id,
      userId,
      name: me?.name ?? options.actor.label,
      state: input.state,
    });
  });
  return { ok: true };
}
