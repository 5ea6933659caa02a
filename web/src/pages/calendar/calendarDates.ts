// Date arithmetic of the calendar on the organisation's calendar: a day is a plain date, held as a Date at UTC
// midnight (so the browser's own time zone never shifts it); posts fall on the day their time has in the
// organisation's time zone. Weeks start on Monday (DIN 1355).
import { epochOfWallClock, localClock, localDate } from "../../../../src/domain/zonedTime";

export type CalendarView = "month" | "week" | "list";

export function dayKey(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** Today on the organisation's calendar. */
export function today(timeZone: string): Date {
  return new Date(`${localDate(new Date(), timeZone)}T00:00:00Z`);
}

export function addDays(d: Date, days: number): Date {
  const next = new Date(d);
  next.setUTCDate(next.getUTCDate() + days);
  return next;
}

export function startOfWeek(d: Date): Date {
  const start = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  return addDays(start, -((start.getUTCDay() + 6) % 7));
}

/** The days the view shows: whole weeks around the month, one week, or the month for the list. */
export function visibleRange(view: CalendarView, anchor: Date): { from: Date; to: Date } {
  if (view === "week") {
    const from = startOfWeek(anchor);
    return { from, to: addDays(from, 7) };
  }
  const first = new Date(Date.UTC(anchor.getUTCFullYear(), anchor.getUTCMonth(), 1));
  const next = new Date(Date.UTC(anchor.getUTCFullYear(), anchor.getUTCMonth() + 1, 1));
  if (view === "list") return { from: first, to: next };
  const from = startOfWeek(first);
  const to = addDays(startOfWeek(addDays(next, -1)), 7);
  return { from, to };
}

/** The instant a calendar day begins in the organisation's time zone (for asking the server). */
export function startInstant(day: Date, timeZone: string): string {
  return new Date(epochOfWallClock(dayKey(day), "00:00", timeZone)).toISOString();
}

export function daysBetween(from: Date, to: Date): Date[] {
  const days: Date[] = [];
  for (let d = new Date(from); d < to; d = addDays(d, 1)) days.push(d);
  return days;
}

export function step(view: CalendarView, anchor: Date, direction: 1 | -1): Date {
  if (view === "week") return addDays(anchor, 7 * direction);
  return new Date(Date.UTC(anchor.getUTCFullYear(), anchor.getUTCMonth() + direction, 1));
}

/** The same time of day (in the organisation's zone) on another date: drag and drop keeps the hour. */
export function onDay(time: Date, day: string, timeZone: string): Date {
  return new Date(epochOfWallClock(day, localClock(time, timeZone), timeZone));
}
