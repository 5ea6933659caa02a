// The Antwortzeiten report's "Offene und überfällige Anfragen": what waited for an answer at the end of each step
// of the period, and how much of it was overdue, from the daily changes in waiting_daily_rollups — all days
// before the period in one sum, then per step — within the viewer's scope and the filters; the running step
// shows the present, counted on the conversations. With a campaign or post filter only the present (waits are
// not kept per post): what the chosen conversations wait for now, as read with them (responseByPost.ts).
import { and, eq, lte, sql } from "drizzle-orm";
import { conversations, waitingDailyRollups as w } from "../../db/schema/index.js";
import { stepStart, stepsOf } from "../../domain/reports/reportPeriod.js";
import { type WaitingCounts, waitingSeriesOf } from "../../domain/reports/waitingSeries.js";
import { localDate } from "../../domain/zonedTime.js";
import type { OrgActor } from "../authorization.js";
import type { AppContext } from "../context.js";
import { waitingVisibleTo } from "../inbox/conversationAccess.js";
import type { ChosenConversation } from "./responseByPost.js";
import type { ReportScope } from "./reportScope.js";

/**
 * The series of the period, and what waits right now (the running step's value); among the `chosen` conversations
 * of a campaign or post only the present (series null).
 */
export async function waitingSeries(
  ctx: AppContext,
  scope: ReportScope,
  actor: OrgActor,
  chosen: readonly ChosenConversation[] | null,
) {
  if (chosen) {
    const waiting = chosen.filter((c) => c.waiting);
    return { now: { waiting: waiting.length, overdue: waiting.filter((c) => c.overdue).length }, series: null };
  }
  const [rows, now] = await Promise.all([waitingChanges(ctx, scope), waitingNow(ctx, scope, actor)]);
  const { period } = scope;
  const steps = stepsOf(period);
  const today = localDate(ctx.clock(), scope.timeZone);
  const series = waitingSeriesOf({
    steps,
    before: rows.find((r) => r.start === null) ?? { waiting: 0, overdue: 0 },
    changes: new Map(rows.flatMap((r) => (r.start === null ? [] : [[r.start, r]]))),
    running: period.from <= today && today <= period.to ? { start: stepStart(today, period.step), now } : null,
  });
  return { now, series };
}

/** The changes of all days before the period (start null) and of each of its steps. */
async function waitingChanges(ctx: AppContext, scope: ReportScope) {
  const { period } = scope;
  const step = period.step === "week" ? sql`date_trunc('week', ${w.day})::date` : sql`${w.day}`;
  const start = sql<string | null>`case when ${w.day} < ${period.from} then null else (${step})::text end`;
  return (
    ctx.db
      .select({ start, waiting: sql<number>`sum(${w.waiting})::int`, overdue: sql<number>`sum(${w.overdue})::int` })
      .from(w)
      .where(and(scope.within(w), lte(w.day, period.to)))
      // By position: the same expression written twice would carry other parameter numbers.
      .groupBy(sql`1`)
  );
}

/** What waits for an answer right now among the conversations the viewer may see, and how much of it is overdue. */
async function waitingNow(ctx: AppContext, scope: ReportScope, actor: OrgActor): Promise<WaitingCounts> {
  const now = ctx.clock().toISOString();
  const [row] = await ctx.db
    .select({
      waiting: sql<number>`count(*)::int`,
      overdue: sql<number>`(count(*) filter (where ${conversations.responseDueAt} <= ${now}::timestamptz))::int`,
    })
    .from(conversations)
    .where(and(eq(conversations.orgId, scope.orgId), waitingVisibleTo(actor), scope.within(conversations)));
  return { waiting: row?.waiting ?? 0, overdue: row?.overdue ?? 0 };
}
