// The worker's reminder round (every minute): an answer due within the next half hour is brought to the
// attention of one person — the assignee, else who is on duty for the channel account — once per
// waiting period, before it becomes overdue and escalates.
import { and, eq, gt, inArray, isNotNull, isNull, lte } from "drizzle-orm";
import { channelAccounts, conversations, organisations, userNotifications } from "../../db/schema/index.js";
import { dueSoonRecipients, isAbsent, onDuty } from "../../domain/coverage.js";
import { DUE_SOON_MS } from "../../domain/responseTargets.js";
import type { AppContext } from "../context.js";
import { loadCoverage } from "./coverage-plan.js";
import { notifyConversationsChanged } from "./inboxEvents.js";

/** `orgId` limits the round to one organisation (tests, operator tools); the worker runs it for all. */
export async function remindDueSoon(ctx: AppContext, options: { orgId?: string } = {}): Promise<{ reminded: number }> {
  const now = ctx.clock();
  const reminded = await ctx.db.transaction(async (tx) => {
    const c = conversations;
    const rows = await tx
      .select({
        conversation: c,
        accountableUserId: channelAccounts.accountableUserId,
        timeZone: organisations.timeZone,
      })
      .from(c)
      .innerJoin(channelAccounts, eq(channelAccounts.id, c.channelAccountId))
      .innerJoin(organisations, eq(organisations.id, c.orgId))
      .where(
        and(
          options.orgId ? eq(c.orgId, options.orgId) : undefined,
          inArray(c.status, ["new", "open"]),
          isNotNull(c.waitingSince),
          isNull(c.dueSoonRemindedAt),
          gt(c.responseDueAt, now),
          lte(c.responseDueAt, new Date(now.getTime() + DUE_SOON_MS)),
        ),
      )
      .limit(500)
      .for("update", { of: c, skipLocked: true });
    if (rows.length === 0) return 0;
    const orgIds = [...new Set(rows.map((r) => r.conversation.orgId))];
    const { plan, away } = await loadCoverage(tx, { orgIds, now });
    const notifications = rows.flatMap(({ conversation: conv, accountableUserId, timeZone }) =>
      dueSoonRecipients({
        assigneeUserId: conv.assigneeUserId,
        assigneeAbsent: conv.assigneeUserId ? isAbsent(away, conv.assigneeUserId, now, timeZone) : false,
        duty: onDuty({ plan, absences: away, channelAccountId: conv.channelAccountId, at: now, timeZone }),
        accountableUserId,
      }).map((userId) => ({
        orgId: conv.orgId,
        userId,
        kind: "due_soon" as const,
        conversationId: conv.id,
        actorLabel: "system",
        createdAt: now,
      })),
    );
    if (notifications.length) await tx.insert(userNotifications).values(notifications);
    await tx
      .update(conversations)
      .set({ dueSoonRemindedAt: now })
      .where(
        inArray(
          conversations.id,
          rows.map((r) => r.conversation.id),
        ),
      );
    for (const orgId of orgIds) {
      await notifyConversationsChanged(tx, {
        orgId,
        conversationIds: rows.filter((r) => r.conversation.orgId === orgId).map((r) => r.conversation.id),
      });
    }
    return rows.length;
  });
  if (reminded > 0) ctx.log.info({ reminded }, "answers due soon: reminders sent");
  return { reminded };
}
