// The weekly report's week: Monday to Sunday in the organisation's time zone, and when the worker sends
// the last one (from Monday 07:00 local time, or later that week if it was not running then). Pure; the
// web app's week picker shares it.
import { addDays, stepStart } from "./reportPeriod.js";

export interface ReportWeek {
  /** Monday. */
  from: string;
  /** Sunday. */
  to: string;
}

/** The week (Monday–Sunday) a calendar day belongs to. */
export function weekOf(day: string): ReportWeek {
  const from = stepStart(day, "week");
  return { from, to: addDays(from, 6) };
}

/** The ISO calendar week (KW) of a Monday: the week holding that year's first Thursday is week 1. */
export function calendarWeek(monday: string): number {
  const thursday = addDays(monday, 3);
  const start = Date.parse(`${thursday.slice(0, 4)}-01-01T00:00:00Z`);
  return Math.floor((Date.parse(`${thursday}T00:00:00Z`) - start) / (7 * 86_400_000)) + 1;
}

/** The last week that has ended by `today` (the organisation's date). */
export function lastCompletedWeek(today: string): ReportWeek {
  return weekOf(addDays(today, -7));
}

/** The hour from which Monday's report goes out, local time. */
export const WEEKLY_REPORT_HOUR = 7;

/**
 * The week whose report is due at a local date and time ("HH:MM"): the week before, from this week's Monday
 * 07:00 on (later in the week too, should the worker not have run on Monday); on Monday night nothing, so
 * the week just ended waits for the morning and the one before is never sent late.
 */
export function dueReportWeek(args: { today: string; clock: string }): ReportWeek | null {
  const isMonday = weekOf(args.today).from === args.today;
  if (isMonday && Number(args.clock.slice(0, 2)) < WEEKLY_REPORT_HOUR) return null;
  return lastCompletedWeek(args.today);
}
