// The figures of the public transparency page: for each of the last 12 complete weeks (Monday to Sunday in
// the organisation's time zone) how fast first answers came, per channel and overall, read from the daily
// response rollups; and the moderation decisions of those weeks by Netiquette clause, with the citizens'
// objections and how they ended. Every figure passes the small-counts rule (smallCounts.ts). Pure: "today"
// and the rows are parameters.
import { addDays, stepStart } from "./reportPeriod.js";
import { type ResponseTally, addToResponseTally, emptyResponseTally, histogramQuantile } from "./responseHistogram.js";
import { type TPublicFigure, publicFigureOf, publicRow, publicShare } from "./smallCounts.js";

export const TRANSPARENCY_WEEKS = 12;

export interface TransparencyPeriod {
  /** Monday of the first week. */
  from: string;
  /** Sunday of the last week. */
  to: string;
  /** The Mondays of the weeks, oldest first. */
  weeks: string[];
}

/** The last complete weeks before the week of `today` (the running week would change by the hour). */
export function transparencyPeriod(today: string, weeks = TRANSPARENCY_WEEKS): TransparencyPeriod {
  const thisMonday = stepStart(today, "week");
  const mondays = Array.from({ length: weeks }, (_, i) => addDays(thisMonday, -7 * (weeks - i)));
  return { from: mondays[0] ?? thisMonday, to: addDays(thisMonday, -1), weeks: mondays };
}

/** What a response rollup row contributes (no person: the public page never groups by one). */
export interface ResponseRow {
  day: string;
  channelAccountId: string;
  answered: number;
  withTarget: number;
  withinTarget: number;
  histogram: readonly number[];
}

export interface PublicResponseFigures {
  answered: TPublicFigure;
  /** Median business time to the first answer, in ms. */
  medianMs: TPublicFigure;
  /** Share (0–1) of answers sent within the target, of those that had one. */
  withinTarget: TPublicFigure;
}

export interface TransparencyWeek {
  start: string;
  end: string;
  overall: PublicResponseFigures;
  /** In the order of `channelIds`. */
  byChannel: PublicResponseFigures[];
}

export interface TransparencyResponses {
  channelIds: string[];
  weeks: TransparencyWeek[];
  /** The 12 weeks together: median and share only (a count over the weeks would give a hidden week away). */
  overall: Omit<PublicResponseFigures, "answered">;
  byChannel: Omit<PublicResponseFigures, "answered">[];
}

function speedOf(t: ResponseTally): Omit<PublicResponseFigures, "answered"> {
  return {
    medianMs: publicFigureOf(t.answered, () => {
      const median = histogramQuantile(t.histogram, 0.5);
      return median && { value: median.ms, atLeast: median.atLeast };
    }),
    withinTarget: publicShare(t.withinTarget, t.withTarget),
  };
}

/**
 * Weekly figures per channel and overall. The channels are those with answers in the period, most answers
 * first; the weekly answer counts form a row (channels and their total) under the small-counts rule.
 */
export function transparencyResponses(period: TransparencyPeriod, rows: readonly ResponseRow[]): TransparencyResponses {
  const inPeriod = rows.filter((row) => row.day >= period.from && row.day <= period.to);
  const channelTotals = new Map<string, ResponseTally>();
  for (const row of inPeriod) {
    let tally = channelTotals.get(row.channelAccountId);
    if (!tally) channelTotals.set(row.channelAccountId, (tally = emptyResponseTally()));
    addToResponseTally(tally, row);
  }
  const channelIds = [...channelTotals.entries()]
    .filter(([, t]) => t.answered > 0)
    .sort((a, b) => b[1].answered - a[1].answered || a[0].localeCompare(b[0]))
    .map(([id]) => id);
  const overall = emptyResponseTally();
  const weeks = period.weeks.map((start) => {
    const byChannel = channelIds.map(() => emptyResponseTally());
    const week = emptyResponseTally();
    for (const row of inPeriod) {
      if (stepStart(row.day, "week") !== start) continue;
      const index = channelIds.indexOf(row.channelAccountId);
      if (index < 0) continue;
      addToResponseTally(week, row);
      addToResponseTally(byChannel[index] as ResponseTally, row);
    }
    addToResponseTally(overall, week);
    const counts = publicRow(byChannel.map((t) => t.answered));
    return {
      start,
      end: addDays(start, 6),
      overall: { answered: counts.total, ...speedOf(week) },
      byChannel: byChannel.map((t, i) => ({ answered: counts.cells[i] as TPublicFigure, ...speedOf(t) })),
    };
  });
  return {
    channelIds,
    weeks,
    overall: speedOf(overall),
    byChannel: channelIds.map((id) => speedOf(channelTotals.get(id) ?? emptyResponseTally())),
  };
}

/** How the public page groups the moderators' actions. */
export const PUBLIC_MODERATION_KINDS = ["hidden", "deleted", "warned", "approved"] as const;
export type TPublicModerationKind = (typeof PUBLIC_MODERATION_KINDS)[number];

/**
 * An action in public words: hidden (also muting or blocking the author hides the comment), deleted, reminded
 * or warned, checked and left visible. Reporting to the network and escalating inside the administration
 * are steps, not outcomes, and are not counted.
 */
export function publicModerationKind(action: string | null): TPublicModerationKind | null {
  if (action === "hide" || action === "mute" || action === "block") return "hidden";
  if (action === "delete") return "deleted";
  if (action === "remind" || action === "warn") return "warned";
  if (action === "approve") return "approved";
  return null;
}

/** A moderator's decision (kind "decision" in moderation_decisions), or a citizen's objection ("appeal"). */
export interface DecisionRecord {
  caseId: string;
  kind: "decision" | "appeal";
  action: string | null;
  clause: number | null;
  /** The day in the organisation's time zone. */
  day: string;
  /** Epoch ms, to order a case's steps. */
  at: number;
}

export interface ClauseFigures {
  clause: number;
  /** In the order of PUBLIC_MODERATION_KINDS. */
  cells: TPublicFigure[];
  total: TPublicFigure;
}

/** The decisions of the period by cited clause and public kind, clauses in order. */
export function moderationByClause(period: TransparencyPeriod, records: readonly DecisionRecord[]): ClauseFigures[] {
  const counts = new Map<number, number[]>();
  for (const r of records) {
    if (r.kind !== "decision" || r.clause === null || r.day < period.from || r.day > period.to) continue;
    const kind = publicModerationKind(r.action);
    if (!kind) continue;
    let row = counts.get(r.clause);
    if (!row) counts.set(r.clause, (row = PUBLIC_MODERATION_KINDS.map(() => 0)));
    const index = PUBLIC_MODERATION_KINDS.indexOf(kind);
    row[index] = (row[index] ?? 0) + 1;
  }
  return [...counts.entries()].sort((a, b) => a[0] - b[0]).map(([clause, row]) => ({ clause, ...publicRow(row) }));
}

export const APPEAL_OUTCOMES = ["changed", "upheld", "open"] as const;
export type TAppealOutcome = (typeof APPEAL_OUTCOMES)[number];

/**
 * How an objection ended: the next decision on its case changed the action objected to ("changed"), kept it
 * ("upheld"), or none came yet ("open").
 */
export function appealOutcome(appeal: DecisionRecord, caseRecords: readonly DecisionRecord[]): TAppealOutcome {
  const decisions = caseRecords.filter((r) => r.kind === "decision" && r.caseId === appeal.caseId);
  const before = decisions.filter((r) => r.at <= appeal.at).sort((a, b) => b.at - a.at)[0];
  const after = decisions.filter((r) => r.at > appeal.at).sort((a, b) => a.at - b.at)[0];
  if (!after) return "open";
  return before && publicModerationKind(before.action) === publicModerationKind(after.action) ? "upheld" : "changed";
}

/** The period's objections by outcome (a row under the small-counts rule), in the order of APPEAL_OUTCOMES. */
export function appealFigures(
  period: TransparencyPeriod,
  records: readonly DecisionRecord[],
): { cells: TPublicFigure[]; total: TPublicFigure } {
  const counts = APPEAL_OUTCOMES.map(() => 0);
  for (const r of records) {
    if (r.kind !== "appeal" || r.day < period.from || r.day > period.to) continue;
    const index = APPEAL_OUTCOMES.indexOf(appealOutcome(r, records));
    counts[index] = (counts[index] ?? 0) + 1;
  }
  return publicRow(counts);
}
