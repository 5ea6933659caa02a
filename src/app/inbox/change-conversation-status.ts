// Closes, reopens or sets conversations to "waiting for the citizen", one or many (bulk action). A
// closed conversation stops waiting and leaves the working view; a new citizen message reopens it. A closing
// records who closed it and the business time since the first citizen message (the Antwortzeiten report's
// resolution time).
import { eq } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.js";
import { conversations, organisations } from "../../db/schema/index.js";
import { type ConversationEvent, nextConversationStatus } from "../../domain/conversationLifecycle.js";
import { AppError } from "../../domain/errors.js";
import { type TBusinessCalendar, businessMsBetween, calendarOf } from "../../domain/slaClock.js";
import { appendAuditEvents } from "../audit/auditTrail.js";
import type { OrgActor } from "../authorization.js";
import type { AppContext } from "../context.js";
import { loadConversation } from "./conversationAccess.js";
import { notifyConversationsChanged } from "./inboxEvents.js";
import { ZStatusChange } from "../../contract/inboxSchemas.js";

export async function changeConversationStatus(
  ctx: AppContext,
  options: { actor: OrgActor; orgId: string; input: unknown },
) {
  const input = ZStatusChange.parse(options.input);
  const now = ctx.clock();
  const ids = [...new Set(input.conversationIds)].sort();
  return ctx.db.transaction(async (tx) => {
    const changed: { id: string; from: string; to: string }[] = [];
    const calendar = await calendarIn(tx, options.orgId);
    for (const conversationId of ids) {
      const action = input.event === "staff_viewed" ? "inbox.view" : "inbox.reply";
      const conversation = await loadConversation(ctx, tx, {
        actor: options.actor,
        orgId: options.orgId,
        conversationId,
        action,
        forUpdate: true,
      });
      const to = nextConversationStatus(conversation.status, input.event as ConversationEvent);
      if (!to) {
        // Marking as seen is idempotent; closing a closed one in a bulk action is skipped, alone it is an error.
        if (input.event === "staff_viewed" || ids.length > 1) continue;
        throw new AppError("INVALID_TRANSITION", { details: { status: conversation.status, event: input.event } });
      }
      const set =
        input.event === "closed"
          ? {
              status: to,
              closedAt: now,
              closedByUserId: options.actor.userId,
              resolutionBusinessMs: businessMsBetween(calendar, conversation.firstMessageAt, now),
              waitingSince: null,
              responseDueAt: null,
              priority: 0,
              escalationLevel: 0,
              dueSoonRemindedAt: null,
              updatedAt: now,
            }
          : { status: to, closedAt: null, closedByUserId: null, resolutionBusinessMs: null, updatedAt: now };
      await tx.update(conversations).set(set).where(eq(conversations.id, conversationId));
      changed.push({ id: conversationId, from: conversation.status, to });
    }
    if (changed.length === 0) return { changed: 0 };
    if (input.event !== "staff_viewed") {
      await appendAuditEvents(
        tx,
        changed.map((c) => ({
          orgId: options.orgId,
          actor: options.actor,
          action: `conversation.${input.event}`,
          target: { type: "conversation", id: c.id },
          data: { from: c.from, to: c.to },
          occurredAt: now,
        })),
      );
    }
    await notifyConversationsChanged(tx, { orgId: options.orgId, conversationIds: changed.map((c) => c.id) });
    return { changed: changed.length };
  });
}

async function calendarIn(tx: Db | Tx, orgId: string): Promise<TBusinessCalendar> {
  const [org] = await tx
    .select({
      timeZone: organisations.timeZone,
      state: organisations.state,
      officeSchedule: organisations.officeSchedule,
    })
    .from(organisations)
    .where(eq(organisations.id, orgId));
  if (!org) throw new AppError("NOT_FOUND");
  return calendarOf(org);
}
