// Moderation (Berichte): held, hidden, deleted and flagged messages over time (read from
// message_daily_rollups, never from the messages), the moderators' decisions by Netiquette clause and action,
// objections and how they ended, threats, evidence packages and shitstorm alerts (moderationReportRecords.ts),
// and the median business time from a message to its first decision — the period against the one before.
//
// Who may read it: reports.view, like every report, and no moderation right besides. The report holds counts
// only — no case's text, reason, author or moderator — the kind of figures the public transparency page
// shows to anyone (get-transparency-figures.ts), so asking for moderation.view too would keep the analyst
// (the role made for reading reports) from it without protecting anyone. Moderation details stay behind
// moderation.view in the queue. The scope is the policy's as everywhere: a department- or channel-limited
// viewer counts only the cases and alerts of their departments and channel accounts (reportScope.ts), and an
// alert under one post names that post only to a viewer who may see it (alertPosts.ts).
import { eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { ZModerationFigures, ZModerationReport } from "../../contract/moderationReport.js";
import { messageDailyRollups as r, organisations } from "../../db/schema/index.js";
import { MODERATION_ACTIONS, type TModerationAction } from "../../domain/moderation/decisions.js";
import { addDays, stepStart, stepsOf } from "../../domain/reports/reportPeriod.js";
import { type DecisionRecord, appealOutcome } from "../../domain/reports/transparency.js";
import { businessMsBetween, calendarOf } from "../../domain/slaClock.js";
import { epochOfWallClock } from "../../domain/zonedTime.js";
import type { OrgActor } from "../authorization.js";
import type { AppContext } from "../context.js";
import { netiquetteInForce } from "../website/publicOrg.js";
import {
  type PeriodInstants,
  alertRecords,
  appealRecords,
  decisionCounts,
  evidenceCounts,
  firstDecisions,
  threatCounts,
} from "./moderationReportRecords.js";
import { alertPosts } from "./alertPosts.js";
import { openReportScope } from "./reportScope.js";

type Figures = z.output<typeof ZModerationFigures>;
type Report = z.input<typeof ZModerationReport>;

const emptyFigures = (): Figures => ({
  held: 0,
  hidden: 0,
  deleted: 0,
  flagged: 0,
  decisions: 0,
  appeals: 0,
  appealsUpheld: 0,
  appealsOverturned: 0,
  appealsPending: 0,
  threats: 0,
  evidencePackages: 0,
  alerts: 0,
  firstDecisions: 0,
  medianDecisionMs: null,
});

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

const isAction = (value: string | null): value is TModerationAction =>
  (MODERATION_ACTIONS as readonly (string | null)[]).includes(value);

export async function getModerationReport(
  ctx: AppContext,
  options: { actor: OrgActor; orgId: string; query: unknown },
): Promise<Report> {
  const scope = await openReportScope(ctx, options);
  const { period, timeZone } = scope;
  const midnight = (day: string) => new Date(epochOfWallClock(day, "00:00", timeZone));
  const at: PeriodInstants = {
    start: midnight(period.previousFrom),
    middle: midnight(period.from),
    end: midnight(addDays(period.to, 1)),
  };
  const [rollups, decisions, appeals, first, threats, evidence, alerts, netiquette, org] = await Promise.all([
    ctx.db
      .select({
        day: r.day,
        held: sql<number>`sum(${r.held})::int`,
        hidden: sql<number>`sum(${r.hidden})::int`,
        deleted: sql<number>`sum(${r.deleted})::int`,
        flagged: sql<number>`sum(${r.flagged})::int`,
      })
      .from(r)
      .where(scope.where(r))
      .groupBy(r.day),
    decisionCounts(ctx, scope, at),
    appealRecords(ctx, scope, at),
    firstDecisions(ctx, scope, at),
    threatCounts(ctx, scope, at),
    evidenceCounts(ctx, scope, at),
    alertRecords(ctx, scope, at),
    netiquetteInForce(ctx.db, options.orgId),
    ctx.db
      .select({ timeZone: organisations.timeZone, state: organisations.state, schedule: organisations.officeSchedule })
      .from(organisations)
      .where(eq(organisations.id, options.orgId)),
  ]);
  const totals = emptyFigures();
  const previous = emptyFigures();
  const firstStep = stepStart(period.from, period.step);
  const steps = new Map(
    stepsOf(period).map((start) => [start, { start, held: 0, hidden: 0, deleted: 0, flagged: 0, decisions: 0 }]),
  );
  // A week that straddles the period's start shows only the period's own days.
  const stepOf = (day: string) => (day >= period.from ? steps.get(stepStart(day, period.step)) : undefined);
  for (const row of rollups) {
    const figures = row.day >= period.from ? totals : previous;
    const step = stepOf(row.day);
    for (const field of ["held", "hidden", "deleted", "flagged"] as const) {
      figures[field] += row[field];
      if (step) step[field] += row[field];
    }
  }
  const byClause = new Map<number | null, { current: number; previous: number }>();
  const byAction = new Map<TModerationAction, { current: number; previous: number }>();
  for (const row of decisions) {
    const current = row.day >= period.from;
    (current ? totals : previous).decisions += row.decisions;
    const step = stepOf(row.day);
    if (step) step.decisions += row.decisions;
    const clause = byClause.get(row.clause) ?? { current: 0, previous: 0 };
    clause[current ? "current" : "previous"] += row.decisions;
    byClause.set(row.clause, clause);
    if (!isAction(row.action)) continue;
    const action = byAction.get(row.action) ?? { current: 0, previous: 0 };
    action[current ? "current" : "previous"] += row.decisions;
    byAction.set(row.action, action);
  }
  countAppeals(appeals, at, { totals, previous });
  const [calendarRow] = org;
  if (calendarRow) {
    const calendar = calendarOf({ ...calendarRow, officeSchedule: calendarRow.schedule });
    const took = { current: [] as number[], previous: [] as number[] };
    for (const f of first) {
      took[f.decidedAt >= at.middle ? "current" : "previous"].push(
        businessMsBetween(calendar, f.receivedAt, f.decidedAt),
      );
    }
    Object.assign(totals, { firstDecisions: took.current.length, medianDecisionMs: median(took.current) });
    Object.assign(previous, { firstDecisions: took.previous.length, medianDecisionMs: median(took.previous) });
  }
  Object.assign(totals, {
    threats: threats.current,
    evidencePackages: evidence.current,
    alerts: alerts.counts.current,
  });
  Object.assign(previous, {
    threats: threats.previous,
    evidencePackages: evidence.previous,
    alerts: alerts.counts.previous,
  });
  const titleOf = new Map(netiquette?.clauses.map((c) => [c.number, c.title]) ?? []);
  const postOf = await alertPosts(ctx, {
    actor: options.actor,
    orgId: options.orgId,
    alerts: alerts.latest.map((row) => row.alert),
  });
  return {
    period,
    choices: scope.choices,
    totals,
    previous,
    series: [...steps.values()].filter((s) => s.start >= firstStep),
    byClause: [...byClause.entries()]
      .map(([clause, counts]) => ({ clause, title: clause === null ? null : (titleOf.get(clause) ?? null), ...counts }))
      .sort((a, b) => b.current - a.current || (a.clause ?? 100) - (b.clause ?? 100)),
    byAction: MODERATION_ACTIONS.flatMap((action) => {
      const counts = byAction.get(action);
      return counts ? [{ action, ...counts }] : [];
    }).sort((a, b) => b.current - a.current),
    alertList: alerts.latest.map(({ alert, channelName, network }) => {
      const ending = alerts.endings.get(alert.id);
      return {
        id: alert.id,
        channelAccountId: alert.channelAccountId,
        channelName,
        network,
        onePost: alert.threadExternalId !== "",
        post: postOf.get(alert.id) ?? null,
        windowStart: alert.windowStart.toISOString(),
        windowEnd: alert.windowEnd.toISOString(),
        offensive: alert.offensive,
        total: alert.total,
        outcome: alert.status === "open" ? "open" : ending?.preModerated ? "pre_moderated" : "acknowledged",
        acknowledgedAt: ending?.at.toISOString() ?? null,
      };
    }),
  };
}

/** Each objection by the period it arrived in and how it ended (the transparency page's rule). */
function countAppeals(
  records: Awaited<ReturnType<typeof appealRecords>>,
  at: PeriodInstants,
  into: { totals: Figures; previous: Figures },
): void {
  const byCase = new Map<string, DecisionRecord[]>();
  for (const x of records.decisions) {
    const list = byCase.get(x.caseId) ?? [];
    list.push({ caseId: x.caseId, kind: "decision", action: x.action, clause: null, day: "", at: x.at.getTime() });
    byCase.set(x.caseId, list);
  }
  for (const appeal of records.appeals) {
    const figures = appeal.at >= at.middle ? into.totals : into.previous;
    const outcome = appealOutcome(
      { caseId: appeal.caseId, kind: "appeal", action: null, clause: null, day: "", at: appeal.at.getTime() },
      byCase.get(appeal.caseId) ?? [],
    );
    figures.appeals += 1;
    if (outcome === "open") figures.appealsPending += 1;
    else if (outcome === "upheld") figures.appealsUpheld += 1;
    else figures.appealsOverturned += 1;
  }
}
