// The administration answered: the conversation is answered, stops waiting and leaves the top of the
// inbox; the first answer records who sent it and the business time it took.
import { eq } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.js";
import { conversations, organisations } from "../../db/schema/index.js";
import { nextConversationStatus } from "../../domain/conversationLifecycle.js";
import { businessMsBetween, calendarOf } from "../../domain/slaClock.js";
import { notifyConversationsChanged } from "./inboxEvents.js";

export async function recordConversationResponse(
  tx: Db | Tx,
  args: { conversationId: string; userId: string | null; at: Date; askedBack?: boolean },
): Promise<void> {
  const [row] = await tx
    .select({
      conversation: conversations,
      org: {
        timeZone: organisations.timeZone,
        state: organisations.state,
        officeSchedule: organisations.officeSchedule,
      },
    })
    .from(conversations)
    .innerJoin(organisations, eq(organisations.id, conversations.orgId))
    .where(eq(conversations.id, args.conversationId))
    .for("update", { of: conversations });
  if (!row) return;
  const { conversation } = row;
  const status =
    nextConversationStatus(conversation.status, args.askedBack ? "staff_asked_back" : "staff_answered") ??
    conversation.status;
  const first = conversation.firstResponseAt === null;
  await tx
    .update(conversations)
    .set({
      status,
      firstResponseAt: first ? args.at : conversation.firstResponseAt,
      firstResponderUserId: first ? args.userId : conversation.firstResponderUserId,
      firstResponseBusinessMs: first
        ? businessMsBetween(calendarOf(row.org), conversation.firstMessageAt, args.at)
        : conversation.firstResponseBusinessMs,
      lastResponseAt: args.at,
      waitingSince: null,
      responseDueAt: null,
      priority: 0,
      escalationLevel: 0,
      dueSoonRemindedAt: null,
      updatedAt: args.at,
    })
    .where(eq(conversations.id, conversation.id));
  await notifyConversationsChanged(tx, { orgId: conversation.orgId, conversationIds: [conversation.id] });
}
