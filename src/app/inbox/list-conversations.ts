// The inbox list: conversations the person may see, filtered (status, channel, department, assignee, intent,
// waiting for an answer, overdue, due soon, sentiment, moderation flag, asked again) and in the order that puts
// what needs an answer first: overdue questions on top, then by due time. Served from the partial inbox index.
import { type SQL, and, asc, desc, eq, gt, ilike, inArray, isNotNull, isNull, lte, lt, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { channelAccounts, conversations, departments, inboundMessages, users } from "../../db/schema/index.js";
import { inOrganisation } from "../../domain/policy.js";
import { type OrgActor, requireAllowed } from "../authorization.js";
import type { AppContext } from "../context.js";
import { visibleConversations } from "./conversationAccess.js";
import { answerDueState, dueSoonUntil } from "../../domain/responseTargets.js";
import { ZConversationFilter, type TConversationFilter } from "../../contract/inboxSchemas.js";
import { excerpt } from "../../text/excerpt.js";

export function filterConditions(
  filter: TConversationFilter,
  args: { actor: OrgActor; orgId: string; now: Date },
): SQL[] {
  const c = conversations;
  const conditions: (SQL | undefined)[] = [
    eq(c.orgId, args.orgId),
    visibleConversations(args.actor),
    filter.status === "active"
      ? inArray(c.status, ["new", "open"])
      : filter.status === "all"
        ? undefined
        : eq(c.status, filter.status),
    filter.channelAccountId ? eq(c.channelAccountId, filter.channelAccountId) : undefined,
    filter.departmentId === "none"
      ? isNull(c.departmentId)
      : filter.departmentId
        ? eq(c.departmentId, filter.departmentId)
        : undefined,
    filter.assignee === "none"
      ? isNull(c.assigneeUserId)
      : filter.assignee === "me"
        ? eq(c.assigneeUserId, args.actor.userId ?? "")
        : filter.assignee
          ? eq(c.assigneeUserId, filter.assignee)
          : undefined,
    filter.intent ? eq(c.intent, filter.intent) : undefined,
    filter.waiting === true
      ? isNotNull(c.responseDueAt)
      : filter.waiting === false
        ? isNull(c.responseDueAt)
        : undefined,
    filter.overdue === true
      ? lte(c.responseDueAt, args.now)
      : filter.overdue === false
        ? sql`(${c.responseDueAt} is null or ${c.responseDueAt} > ${args.now.toISOString()}::timestamptz)`
        : undefined,
    filter.dueSoon === undefined ? undefined : dueSoonCondition(filter.dueSoon, args.now),
    filter.sentiment === "negative"
      ? lt(c.sentiment, -0.2)
      : filter.sentiment === "positive"
        ? gt(c.sentiment, 0.2)
        : filter.sentiment === "neutral"
          ? sql`${c.sentiment} between -0.2 and 0.2`
          : undefined,
    filter.flagged !== undefined ? eq(c.flagged, filter.flagged) : undefined,
    filter.askedAgain !== undefined ? eq(c.askedAgain, filter.askedAgain) : undefined,
    filter.citizen ? ilike(c.citizenName, `%${filter.citizen.replace(/[%_\\]/g, "\\$&")}%`) : undefined,
  ];
  return conditions.filter((x): x is SQL => x !== undefined);
}

/** Due soon as answerDueState says it: after now and at most until dueSoonUntil(now); false: every other one. */
function dueSoonCondition(dueSoon: boolean, now: Date): SQL {
  const c = conversations;
  const soon = and(gt(c.responseDueAt, now), lte(c.responseDueAt, dueSoonUntil(now))) ?? sql`false`;
  return dueSoon ? soon : sql`not coalesce(${soon}, false)`;
}

export async function listConversations(ctx: AppContext, options: { actor: OrgActor; orgId: string; filter: unknown }) {
  const filter = ZConversationFilter.parse(options.filter);
  requireAllowed(ctx, options.actor, "inbox.view", inOrganisation(options.orgId));
  const now = ctx.clock();
  const c = conversations;
  const assignee = alias(users, "assignee");
  // The working view sorts by urgency (the partial inbox index); closed and answered ones by recency.
  const order =
    filter.status === "active"
      ? [sql`${c.priority} desc nulls last`, sql`${c.responseDueAt} asc nulls last`, asc(c.id)]
      : [desc(c.lastMessageAt), desc(c.id)];
  const rows = await ctx.db
    .select({
      conversation: c,
      channelName: channelAccounts.name,
      network: channelAccounts.network,
      departmentName: departments.name,
      assigneeName: assignee.name,
      lastText: sql<
        string | null
      >`(select m.text from ${inboundMessages} m where m.conversation_id = ${c.id} order by m.received_at desc limit 1)`,
    })
    .from(c)
    .innerJoin(channelAccounts, eq(channelAccounts.id, c.channelAccountId))
    .leftJoin(departments, eq(departments.id, c.departmentId))
    .leftJoin(assignee, eq(assignee.id, c.assigneeUserId))
    .where(and(...filterConditions(filter, { actor: options.actor, orgId: options.orgId, now })))
    .orderBy(...order)
    .limit(filter.limit + 1)
    .offset(filter.offset);
  return {
    conversations: rows.slice(0, filter.limit).map((r) => ({
      ...presentConversation(r.conversation, now),
      channelName: r.channelName,
      network: r.network,
      departmentName: r.departmentName,
      assigneeName: r.assigneeName,
      preview: excerpt(r.lastText ?? "", 200),
    })),
    hasMore: rows.length > filter.limit,
    now: now.toISOString(),
  };
}

export function presentConversation(c: typeof conversations.$inferSelect, now: Date) {
  return {
    id: c.id,
    channelAccountId: c.channelAccountId,
    threadKey: c.threadKey,
    citizenHandle: c.citizenHandle,
    citizenName: c.citizenName,
    status: c.status,
    departmentId: c.departmentId,
    assigneeUserId: c.assigneeUserId,
    intent: c.intent,
    sentiment: c.sentiment,
    flagged: c.flagged,
    askedAgain: c.askedAgain,
    priority: c.priority,
    overdue: answerDueState(c.responseDueAt, now) === "overdue",
    /** Due within the next half hour. */
    dueSoon: answerDueState(c.responseDueAt, now) === "due_soon",
    escalationLevel: c.escalationLevel,
    waitingSince: c.waitingSince?.toISOString() ?? null,
    responseDueAt: c.responseDueAt?.toISOString() ?? null,
    resolutionDueAt: c.resolutionDueAt?.toISOString() ?? null,
    firstMessageAt: c.firstMessageAt.toISOString(),
    lastMessageAt: c.lastMessageAt.toISOString(),
    firstResponseAt: c.firstResponseAt?.toISOString() ?? null,
    firstResponseBusinessMs: c.firstResponseBusinessMs,
    lastResponseAt: c.lastResponseAt?.toISOString() ?? null,
    closedAt: c.closedAt?.toISOString() ?? null,
  };
}
