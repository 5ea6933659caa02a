// A period split into the calendar months it holds whole and the days left at its edges, so a report can read
// the whole months from a monthly rollup and only the edge days from the daily one.
import { addDays } from "./reportPeriod.js";

export interface DayRange {
  from: string;
  to: string;
}

/** `months`: first day of the first whole month to last day of the last (null: none); `days`: the rest. */
export function wholeMonthsOf(period: DayRange): { months: DayRange | null; days: DayRange[] } {
  const firstWhole = period.from.endsWith("-01")
    ? period.from
    : `${addDays(monthStart(period.from), 32).slice(0, 7)}-01`;
  const dayAfter = addDays(period.to, 1);
  const lastWhole = dayAfter.endsWith("-01") ? period.to : addDays(monthStart(period.to), -1);
  if (firstWhole > lastWhole) return { months: null, days: [period] };
  const days: DayRange[] = [];
  if (period.from < firstWhole) days.push({ from: period.from, to: addDays(firstWhole, -1) });
  if (lastWhole < period.to) days.push({ from: addDays(lastWhole, 1), to: period.to });
  return { months: { from: firstWhole, to: lastWhole }, days };
}

const monthStart = (day: string) => `${day.slice(0, 7)}-01`;
