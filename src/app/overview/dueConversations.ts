// The start page's conversations waiting for an answer that are overdue or due soon: of one assignee, or all within
// the person's scope (the inbox's rule, app/scope.ts), counted and listed from the partial inbox index.
import { and, asc, eq, inArray, lte, sql } from "drizzle-orm";
import { channelAccounts, conversations, departments } from "../../db/schema/index.js";
import { answerDueState, dueSoonUntil } from "../../domain/responseTargets.js";
import type { OrgActor } from "../authorization.js";
import type { AppContext } from "../context.js";
import { visibleConversations } from "../inbox/conversationAccess.js";

function dueWithin(args: { actor: OrgActor; orgId: string; now: Date; assigneeUserId?: string }) {
  const c = conversations;
  return and(
    eq(c.orgId, args.orgId),
    inArray(c.status, ["new", "open"]),
    lte(c.responseDueAt, dueSoonUntil(args.now)),
    visibleConversations(args.actor),
    args.assigneeUserId ? eq(c.assigneeUserId, args.assigneeUserId) : undefined,
  );
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

/** Counts and the most pressing `limit` conversations: the most overdue first, then by due time. */
export async function dueConversations(
  ctx: AppContext,
  args: { actor: OrgActor; orgId: string; now: Date; assigneeUserId?: string; limit: number },
) {
  const c = conversations;
  const where = dueWithin(args);
  const now = args.now.toISOString();
  const [[counts], rows] = await Promise.all([
    ctx.db
      .select({
        overdue: sql<number>`(count(*) filter (where ${c.responseDueAt} <= ${now}::timestamptz))::int`,
        dueSoon: sql<number>`(count(*) filter (where ${c.responseDueAt} > ${now}::timestamptz))::int`,
      })
      .from(c)
      .where(where),
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
    overdue: counts?.overdue ?? 0,
    dueSoon: counts?.dueSoon ?? 0,
    items: rows.flatMap(({ responseDueAt, ...row }) =>
      responseDueAt ? [{ ...row, responseDueAt, overdue: answerDueState(responseDueAt, args.now) === "overdue" }] : [],
    ),
  };
}
