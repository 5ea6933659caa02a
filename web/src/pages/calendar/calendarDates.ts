// Date arithmetic of the calendar in the browser's local time: weeks start on Monday (DIN 1355).

export type CalendarView = "month" | "week" | "list";

export function dayKey(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export function addDays(d: Date, days: number): Date {
  const next = new Date(d);
  next.setDate(next.getDate() + days);
  return next;
}

export function startOfWeek(d: Date): Date {
  const start = new Date(d.getFullYear(), d.getMonth(), d.getDate());
  return addDays(start, -((start.getDay() + 6) % 7));
}

/** The days the view shows: whole weeks around the month, one week, or the month for the list. */
export function visibleRange(view: CalendarView, anchor: Date): { from: Date; to: Date } {
  if (view === "week") {
    const from = startOfWeek(anchor);
    return { from, to: addDays(from, 7) };
  }
  const first = new Date(anchor.getFullYear(), anchor.getMonth(), 1);
  const next = new Date(anchor.getFullYear(), anchor.getMonth() + 1, 1);
  if (view === "list") return { from: first, to: next };
  const from = startOfWeek(first);
  const to = addDays(startOfWeek(addDays(next, -1)), 7);
  return { from, to };
}

export function daysBetween(from: Date, to: Date): Date[] {
  const days: Date[] = [];
  for (let d = new Date(from); d < to; d = addDays(d, 1)) days.push(d);
  return days;
}

export function step(view: CalendarView, anchor: Date, direction: 1 | -1): Date {
  if (view === "week") return addDays(anchor, 7 * direction);
  return new Date(anchor.getFullYear(), anchor.getMonth() + direction, 1);
}

/** The same time of day on another date (drag and drop keeps the hour). */
export function onDay(time: Date, day: string): Date {
  const [y, m, d] = day.split("-").map(Number);
  return new Date(y ?? 0, (m ?? 1) - 1, d ?? 1, time.getHours(), time.getMinutes());
}
