// The moderation report's reads from the moderation tables, each on an (organisation, time) index and within
// the viewer's scope: a case belongs to its message's conversation (department) and channel account, an
// alert to its channel account (as in the moderation queue). Only counts, days and instants leave here —
// never a case's text, reason, author or moderator.
import { type SQL, and, eq, gte, inArray, lt, sql } from "drizzle-orm";
import {
  auditEvents,
  channelAccounts,
  conversations,
  evidencePackages,
  inboundMessages,
  moderationAlerts,
  moderationCases,
  moderationDecisions as d,
} from "../../db/schema/index.js";
import type { AppContext } from "../context.js";
import type { ReportScope } from "./reportScope.js";

/** The report's instants: the previous period's start, the current period's start, and the end (exclusive). */
export interface PeriodInstants {
  start: Date;
  middle: Date;
  end: Date;
}

const caseWithin = (scope: ReportScope) =>
  scope.within({
    orgId: moderationCases.orgId,
    channelAccountId: moderationCases.channelAccountId,
    departmentId: conversations.departmentId,
  });

/** Moderators' decisions of both periods per local day, action and clause. */
export async function decisionCounts(ctx: AppContext, scope: ReportScope, at: PeriodInstants) {
  const day = sql<string>`((${d.at} at time zone ${scope.timeZone})::date)::text`;
  return (
    ctx.db
      .select({ day, action: d.action, clause: d.clause, decisions: sql<number>`count(*)::int` })
      .from(d)
      .innerJoin(moderationCases, eq(moderationCases.id, d.caseId))
      .leftJoin(conversations, eq(conversations.id, moderationCases.conversationId))
      .where(
        and(eq(d.orgId, scope.orgId), eq(d.kind, "decision"), gte(d.at, at.start), lt(d.at, at.end), caseWithin(scope)),
      )
      // By position: the time zone is a parameter, so the expression written twice would not be the same one.
      .groupBy(sql`1`, d.action, d.clause)
  );
}

/**
 * The objections of both periods, each with every decision on its case (the one objected to may be older
 * than the period; the one that answered it newer), so the caller can say how each ended.
 */
export async function appealRecords(ctx: AppContext, scope: ReportScope, at: PeriodInstants) {
  const appeals = await ctx.db
    .select({ caseId: d.caseId, at: d.at })
    .from(d)
    .innerJoin(moderationCases, eq(moderationCases.id, d.caseId))
    .leftJoin(conversations, eq(conversations.id, moderationCases.conversationId))
    .where(
      and(eq(d.orgId, scope.orgId), eq(d.kind, "appeal"), gte(d.at, at.start), lt(d.at, at.end), caseWithin(scope)),
    );
  const caseIds = [...new Set(appeals.map((a) => a.caseId))];
  const decisions = caseIds.length
    ? await ctx.db
        .select({ caseId: d.caseId, action: d.action, at: d.at })
        .from(d)
        .where(and(inArray(d.caseId, caseIds), eq(d.kind, "decision")))
    : [];
  return { appeals, decisions };
}

/**
 * Cases whose first decision falls in one of the periods, with when their message arrived (for the time a
 * decision took). A later decision on the same case (after an objection) is not a first one.
 */
export async function firstDecisions(ctx: AppContext, scope: ReportScope, at: PeriodInstants) {
  const earlier = sql`exists (select 1 from ${d} as e where e.case_id = ${d.caseId} and e.kind = 'decision' and e.at < ${d.at})`;
  return ctx.db
    .selectDistinctOn([d.caseId], { caseId: d.caseId, receivedAt: inboundMessages.receivedAt, decidedAt: d.at })
    .from(d)
    .innerJoin(moderationCases, eq(moderationCases.id, d.caseId))
    .innerJoin(inboundMessages, eq(inboundMessages.id, moderationCases.inboundMessageId))
    .leftJoin(conversations, eq(conversations.id, moderationCases.conversationId))
    .where(
      and(
        eq(d.orgId, scope.orgId),
        eq(d.kind, "decision"),
        gte(d.at, at.start),
        lt(d.at, at.end),
        sql`not ${earlier}`,
        caseWithin(scope),
      ),
    )
    .orderBy(d.caseId, d.at);
}

const inPeriods = (column: SQL | typeof moderationCases.openedAt, at: PeriodInstants) => ({
  current: sql<number>`(count(*) filter (where ${column} >= ${at.middle.toISOString()}::timestamptz))::int`,
  previous: sql<number>`(count(*) filter (where ${column} < ${at.middle.toISOString()}::timestamptz))::int`,
});

/** Cases classified as threats, opened in each period. */
export async function threatCounts(ctx: AppContext, scope: ReportScope, at: PeriodInstants) {
  const [row] = await ctx.db
    .select(inPeriods(moderationCases.openedAt, at))
    .from(moderationCases)
    .leftJoin(conversations, eq(conversations.id, moderationCases.conversationId))
    .where(
      and(
        eq(moderationCases.orgId, scope.orgId),
        gte(moderationCases.openedAt, at.start),
        lt(moderationCases.openedAt, at.end),
        eq(moderationCases.threat, true),
        caseWithin(scope),
      ),
    );
  return row ?? { current: 0, previous: 0 };
}

/** Evidence packages secured in each period. */
export async function evidenceCounts(ctx: AppContext, scope: ReportScope, at: PeriodInstants) {
  const [row] = await ctx.db
    .select(inPeriods(sql`${evidencePackages.securedAt}`, at))
    .from(evidencePackages)
    .innerJoin(moderationCases, eq(moderationCases.id, evidencePackages.caseId))
    .leftJoin(conversations, eq(conversations.id, moderationCases.conversationId))
    .where(
      and(
        eq(evidencePackages.orgId, scope.orgId),
        gte(evidencePackages.securedAt, at.start),
        lt(evidencePackages.securedAt, at.end),
        caseWithin(scope),
      ),
    );
  return row ?? { current: 0, previous: 0 };
}

const ALERT_LIST_LIMIT = 100;

/** Shitstorm alerts: how many in each period, and the current period's latest with how each ended. */
export async function alertRecords(ctx: AppContext, scope: ReportScope, at: PeriodInstants) {
  const where = and(
    eq(moderationAlerts.orgId, scope.orgId),
    gte(moderationAlerts.createdAt, at.start),
    lt(moderationAlerts.createdAt, at.end),
    scope.within({
      orgId: moderationAlerts.orgId,
      channelAccountId: moderationAlerts.channelAccountId,
      departmentId: channelAccounts.departmentId,
    }),
  );
  const [counts, latest] = await Promise.all([
    ctx.db
      .select(inPeriods(sql`${moderationAlerts.createdAt}`, at))
      .from(moderationAlerts)
      .innerJoin(channelAccounts, eq(channelAccounts.id, moderationAlerts.channelAccountId))
      .where(where),
    ctx.db
      .select({ alert: moderationAlerts, channelName: channelAccounts.name, network: channelAccounts.network })
      .from(moderationAlerts)
      .innerJoin(channelAccounts, eq(channelAccounts.id, moderationAlerts.channelAccountId))
      .where(and(where, gte(moderationAlerts.createdAt, at.middle)))
      .orderBy(sql`${moderationAlerts.createdAt} desc`)
      .limit(ALERT_LIST_LIMIT),
  ]);
  // How an acknowledged alert ended is in the audit trail (when, and whether pre-moderation went on); read
  // from the alert's creation on, by the trail's (organisation, time) index. Only the instant and the flag.
  const acknowledged = latest.filter((row) => row.alert.status === "acknowledged");
  const oldest = acknowledged.at(-1)?.alert.createdAt;
  const events =
    oldest && acknowledged.length
      ? await ctx.db
          .select({ targetId: auditEvents.targetId, data: auditEvents.data, occurredAt: auditEvents.occurredAt })
          .from(auditEvents)
          .where(
            and(
              eq(auditEvents.orgId, scope.orgId),
              gte(auditEvents.occurredAt, oldest),
              eq(auditEvents.action, "moderation.alert_acknowledged"),
              inArray(
                auditEvents.targetId,
                acknowledged.map((row) => row.alert.id),
              ),
            ),
          )
      : [];
  const endings = new Map(
    events.map((e) => [
      e.targetId,
      { at: e.occurredAt, preModerated: (e.data as { preModerated?: unknown }).preModerated === true },
    ]),
  );
  return { counts: counts[0] ?? { current: 0, previous: 0 }, latest, endings };
}
