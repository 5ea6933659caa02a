// A report's period: calendar days in the organisation's time zone, the period before it of the same
// length for comparison, and the steps a chart shows (days up to nine weeks, else weeks from Monday).
// Pure: "today" is a parameter.

const DAY_MS = 86_400_000;
/** Longest period a report covers: two years and a day (a leap year included). */
export const MAX_REPORT_DAYS = 732;
export const DEFAULT_REPORT_DAYS = 30;

export interface ReportPeriod {
  from: string;
  to: string;
  days: number;
  previousFrom: string;
  previousTo: string;
  step: "day" | "week";
}

const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / DAY_MS;
const dayText = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);

export function addDays(day: string, days: number): string {
  return dayText(dayNumber(day) + days);
}

/** The period from `from` to `to` (both included); without `from` the last `days` (30) days up to `to` (today). */
export function reportPeriod(args: {
  from?: string;
  to?: string;
  days?: number;
  today: string;
}): ReportPeriod | { error: string } {
  const to = args.to ?? args.today;
  const from = args.from ?? addDays(to, -((args.days ?? DEFAULT_REPORT_DAYS) - 1));
  const days = dayNumber(to) - dayNumber(from) + 1;
  if (!Number.isInteger(days)) return { error: "not a calendar day" };
  if (days < 1) return { error: "the period ends before it begins" };
  if (days > MAX_REPORT_DAYS) return { error: `a period covers at most ${MAX_REPORT_DAYS} days` };
  return {
    from,
    to,
    days,
    previousFrom: addDays(from, -days),
    previousTo: addDays(from, -1),
    step: days > 63 ? "week" : "day",
  };
}

/** The first day of the step a day belongs to (itself, or the Monday of its week). */
export function stepStart(day: string, step: "day" | "week"): string {
  if (step === "day") return day;
  const n = dayNumber(day);
  // 1 January 1970 was a Thursday: day 0 → weekday 3 counted from Monday.
  const weekday = (((n + 3) % 7) + 7) % 7;
  return dayText(n - weekday);
}

/** Every step of the period in order, so a chart has no gaps on quiet days. */
export function stepsOf(period: Pick<ReportPeriod, "from" | "to" | "step">): string[] {
  const steps: string[] = [];
  const length = period.step === "day" ? 1 : 7;
  for (let day = stepStart(period.from, period.step); day <= period.to; day = addDays(day, length)) steps.push(day);
  return steps;
}
