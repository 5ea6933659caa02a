// The start page's conversations waiting for an answer: of one assignee, or all within the person's scope (the
// inbox's rule, app/scope.ts), counted (all that wait, the overdue and the due soon among them) and the overdue
// and due soon listed, from the partial inbox index. The inbox's filters "waiting", "overdue" and "dueSoon"
// (list-conversations.ts) select the same conversations, so each count links to its list.
import { and, asc, eq, inArray, isNotNull, lte, sql } from "drizzle-orm";
import { channelAccounts, conversations, departments } from "../../db/schema/index.js";
import { answerDueState, dueSoonUntil } from "../../domain/responseTargets.js";
import type { OrgActor } from "../authorization.js";
import type { AppContext } from "../context.js";
import { visibleConversations } from "../inbox/conversationAccess.js";

/** Active conversations waiting for an answer (a due time is set exactly while one waits), within reach. */
function waitingWithin(args: { actor: OrgActor; orgId: string; assigneeUserId?: string }) {
  const c = conversations;
  return and(
    eq(c.orgId, args.orgId),
    inArray(c.status, ["new", "open"]),
    isNotNull(c.responseDueAt),
    visibleConversations(args.actor),
    args.assigneeUserId ? eq(c.assigneeUserId, args.assigneeUserId) : undefined,
  );
}

function dueWithin(args: { actor: OrgActor; orgId: string; now: Date; assigneeUserId?: string }) {
  return and(waitingWithin(args), lte(conversations.responseDueAt, dueSoonUntil(args.now)));
}

/** Overdue conversations within the person's reach (the navigation's count). */
export async function countOverdue(ctx: AppContext, args: { actor: OrgActor; orgId: string; now: Date }) {
  const c = conversations;
  const [row] = await ctx.db
    .select({ overdue: sql<number>`count(*)::int` })
    .from(c)
    .where(and(dueWithin(args), lte(c.responseDueAt, args.now)));
  return row?.overdue ?? 0;
}

/** Counts (waiting, overdue, due soon) and the most pressing `limit` conversations: the most overdue first, then by due time. */
export async function dueConversations(
  ctx: AppContext,
  args: { actor: OrgActor; orgId: string; now: Date; assigneeUserId?: string; limit: number },
) {
  const c = conversations;
  const where = dueWithin(args);
  const now = args.now.toISOString();
  const soon = dueSoonUntil(args.now).toISOString();
  const [[counts], rows] = await Promise.all([
    ctx.db
      .select({
        waiting: sql<number>`count(*)::int`,
        overdue: sql<number>`(count(*) filter (where ${c.responseDueAt} <= ${now}::timestamptz))::int`,
        dueSoon: sql<number>`(count(*) filter (where ${c.responseDueAt} > ${now}::timestamptz and ${c.responseDueAt} <= ${soon}::timestamptz))::int`,
      })
      .from(c)
      .where(waitingWithin(args)),
    ctx.db
      .select({
        id: c.id,
        citizenName: c.citizenName,
        responseDueAt: c.responseDueAt,
        channelName: channelAccounts.name,
        network: channelAccounts.network,
        departmentName: departments.name,
      })
      .from(c)
      .innerJoin(channelAccounts, eq(channelAccounts.id, c.channelAccountId))
      .leftJoin(departments, eq(departments.id, c.departmentId))
      .where(where)
      .orderBy(asc(c.responseDueAt), asc(c.id))
      .limit(args.limit),
  ]);
  return {
    waiting: counts?.waiting ?? 0,
    overdue: counts?.overdue ?? 0,
    dueSoon: counts?.dueSoon ?? 0,
    items: rows.flatMap(({ responseDueAt, ...row }) =>
      responseDueAt ? [{ ...row, responseDueAt, overdue: answerDueState(responseDueAt, args.now) === "overdue" }] : [],
    ),
  };
}
