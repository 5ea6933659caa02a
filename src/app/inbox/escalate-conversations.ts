// The worker's escalation round (every minute): conversations waiting past their response-time target
// (or asked again) move up the inbox and their people are told — step 1 the assignee and the deputies
// on duty, step 2 (overdue by the target's length again) the head of the department. Idempotent: each
// step happens once per waiting period; several workers skip each other's locked rows.
import { and, eq, inArray, isNotNull, lt, lte, or, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.js";
import {
  channelAccounts,
  conversations,
  memberships,
  membershipDepartments,
  userNotifications,
} from "../../db/schema/index.js";
import { escalationRecipients, isAbsent, onDuty } from "../../domain/coverage.js";
import { conversationPriority, escalationLevel, targetFor, viewOfDue } from "../../domain/responseTargets.js";
import { appendAuditEvents, unlessChainDamaged } from "../audit/auditTrail.js";
import type { AppContext, Principal } from "../context.js";
import { notifyConversationsChanged } from "./inboxEvents.js";
import { loadCoverage } from "./coverage-plan.js";
import { loadIntakeRules } from "./intakeRules.js";

const SYSTEM: Principal = { userId: null, label: "system" };
const BATCH = 500;

/** `orgId` limits the round to one organisation (tests, operator tools); the worker runs it for all. */
export async function escalateConversations(
  ctx: AppContext,
  options: { orgId?: string } = {},
): Promise<{ escalated: number }> {
  const now = ctx.clock();
  const escalated = await ctx.db.transaction(async (tx) => {
    const c = conversations;
    const rows = await tx
      .select({ conversation: c, accountableUserId: channelAccounts.accountableUserId })
      .from(c)
      .innerJoin(channelAccounts, eq(channelAccounts.id, c.channelAccountId))
      .where(
        and(
          options.orgId ? eq(c.orgId, options.orgId) : undefined,
          inArray(c.status, ["new", "open"]),
          isNotNull(c.waitingSince),
          lt(c.escalationLevel, 2),
          or(lte(c.responseDueAt, now), and(eq(c.askedAgain, true), eq(c.escalationLevel, 0))),
        ),
      )
      .orderBy(c.responseDueAt)
      .limit(BATCH)
      .for("update", { of: c, skipLocked: true });
    const byOrg = new Map<string, typeof rows>();
    for (const row of rows) byOrg.set(row.conversation.orgId, [...(byOrg.get(row.conversation.orgId) ?? []), row]);
    let count = 0;
    // A savepoint per organisation: one whose audit chain is damaged holds back only its own escalations.
    for (const [orgId, orgRows] of byOrg)
      count +=
        (await unlessChainDamaged(ctx.log, { orgId }, () =>
          tx.transaction((part) => escalateInOrg(part, { orgId, rows: orgRows, now })),
        )) ?? 0;
    return count;
  });
  if (escalated > 0) ctx.log.info({ escalated }, "conversations escalated");
  return { escalated };
}

async function escalateInOrg(
  tx: Db | Tx,
  args: {
    orgId: string;
    rows: { conversation: typeof conversations.$inferSelect; accountableUserId: string | null }[];
    now: Date;
  },
): Promise<number> {
  const { now, orgId } = args;
  const rules = await loadIntakeRules(tx, orgId);
  const timeZone = rules.timeZone;
  const { plan, away } = await loadCoverage(tx, { orgIds: [orgId], now });
  const heads = await tx
    .select({ userId: memberships.userId, departmentId: membershipDepartments.departmentId })
    .from(memberships)
    .innerJoin(membershipDepartments, eq(membershipDepartments.membershipId, memberships.id))
    .where(
      and(
        eq(memberships.orgId, orgId),
        sql`'department_head' = any(${memberships.roles})`,
        sql`${memberships.disabledAt} is null`,
      ),
    );

  const changed: { id: string; level: 1 | 2; recipients: string[] }[] = [];
  for (const { conversation: c, accountableUserId } of args.rows) {
    const targetMs =
      targetFor(rules.targets, { channelAccountId: c.channelAccountId, intent: c.intent }).firstResponseMinutes *
      60_000;
    const step = c.responseDueAt
      ? escalationLevel(
          viewOfDue({ calendar: rules.calendar, dueAt: c.responseDueAt, targetMs, doneAt: null, now }),
          targetMs,
        )
      : "none";
    const overdue = step !== "none";
    // A question asked again while unanswered goes to step 1 even before its due time.
    const level: 0 | 1 | 2 = step === "department_head" ? 2 : overdue || c.askedAgain ? 1 : 0;
    if (level <= c.escalationLevel || level === 0) continue;
    const recipients = escalationRecipients({
      level,
      assigneeUserId: c.assigneeUserId,
      assigneeAbsent: c.assigneeUserId ? isAbsent(away, c.assigneeUserId, now, timeZone) : false,
      duty: onDuty({ plan, absences: away, channelAccountId: c.channelAccountId, at: now, timeZone }),
      departmentHeads: heads
        .filter((h) => h.departmentId === c.departmentId && !isAbsent(away, h.userId, now, timeZone))
        .map((h) => h.userId),
      accountableUserId,
    });
    await tx
      .update(conversations)
      .set({
        escalationLevel: level,
        priority: conversationPriority({ intent: c.intent, overdue, askedAgain: c.askedAgain, waiting: true }),
        updatedAt: now,
      })
      .where(eq(conversations.id, c.id));
    changed.push({ id: c.id, level, recipients });
  }
  if (changed.length === 0) return 0;
  const notifications = changed.flatMap((x) =>
    x.recipients.map((userId) => ({
      orgId,
      userId,
      kind: x.level === 1 ? ("reminder" as const) : ("escalation" as const),
      conversationId: x.id,
      actorLabel: SYSTEM.label,
      createdAt: now,
    })),
  );
  if (notifications.length) await tx.insert(userNotifications).values(notifications);
  await appendAuditEvents(
    tx,
    changed.map((x) => ({
      orgId,
      actor: SYSTEM,
      action: "conversation.escalated",
      target: { type: "conversation", id: x.id },
      data: { level: x.level, notified: x.recipients },
      occurredAt: now,
    })),
  );
  await notifyConversationsChanged(tx, { orgId, conversationIds: changed.map((x) => x.id) });
  return changed.length;
}
