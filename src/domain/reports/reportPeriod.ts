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

export interface DaySpan {
  from: string;
  to: string;
}

/**
 * Days from `from` to `to` (both included) cut into the whole calendar months among them and the days
 * before and after those, so a report can read a month's rollup row for each whole month and daily rows
 * only for the rest. Months are named by their first day.
 */
export function byMonths(span: DaySpan): { months: DaySpan | null; days: DaySpan[] } {
  const firstWhole = span.from.endsWith("-01") ? span.from : nextMonth(span.from);
  const afterLast = addDays(span.to, 1).endsWith("-01") ? addDays(span.to, 1) : `${span.to.slice(0, 8)}01`;
  if (firstWhole >= afterLast) return { months: null, days: [span] };
  const days: DaySpan[] = [];
  if (span.from < firstWhole) days.push({ from: span.from, to: addDays(firstWhole, -1) });
  if (afterLast <= span.to) days.push({ from: afterLast, to: span.to });
  return { months: { from: firstWhole, to: previousMonth(afterLast) }, days };
}

function nextMonth(day: string): string {
  const [year, month] = [Number(day.slice(0, 4)), Number(day.slice(5, 7))];
  return month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, "0")}-01`;
}

function previousMonth(firstOfMonth: string): string {
  return `${addDays(firstOfMonth, -1).slice(0, 8)}01`;
}
