// The business-hours clock for response-time targets: office hours per weekday in the organisation's
// time zone, minus German public holidays of its Bundesland and its own closing days. Pure: instants
// are parameters; time-zone arithmetic uses Intl only, so daylight-saving changes are handled.
import { z } from "zod";
import { publicHolidays } from "./holidays.js";
import { epochOfWallClock, localDate } from "./zonedTime.js";

export { localDate };

const ZClock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, "expected HH:MM");

const ZOfficeHours = z
  .array(
    z
      .object({ days: z.array(z.number().int().min(1).max(7)).min(1), from: ZClock, to: ZClock })
      .refine((h) => h.from < h.to, "from must be before to"),
  )
  .min(1)
  .max(30);

/** What an organisation sets: its office hours and closing days (time zone and Bundesland are its own fields). */
export const ZOfficeSchedule = z.object({
  officeHours: ZOfficeHours,
  closingDays: z.array(z.iso.date()).max(400).default([]),
});
export type TOfficeSchedule = z.infer<typeof ZOfficeSchedule>;

/** A typical town hall until the organisation sets its own: Monday–Thursday 8–16 h, Friday 8–12 h. */
export const DEFAULT_OFFICE_SCHEDULE: TOfficeSchedule = {
  officeHours: [
    { days: [1, 2, 3, 4], from: "08:00", to: "16:00" },
    { days: [5], from: "08:00", to: "12:00" },
  ],
  closingDays: [],
};

export const ZBusinessCalendar = z.object({
  timeZone: z.string().min(1).default("Europe/Berlin"),
  /** Bundesland code for public holidays (e.g. "NW"). */
  state: z.string().min(2).max(4),
  /** Office hours: on the listed ISO weekdays (1 = Monday) from–to; several entries may cover one day. */
  officeHours: ZOfficeHours,
  /** The organisation's own closing days ("YYYY-MM-DD"), e.g. 24 and 31 December or bridge days. */
  closingDays: z.array(z.iso.date()).default([]),
});
export type TBusinessCalendar = z.infer<typeof ZBusinessCalendar>;

/** The calendar of an organisation: its schedule in its time zone and Bundesland. */
export function calendarOf(org: {
  timeZone: string;
  state: string;
  officeSchedule: TOfficeSchedule | null;
}): TBusinessCalendar {
  const schedule = org.officeSchedule ?? DEFAULT_OFFICE_SCHEDULE;
  return {
    timeZone: org.timeZone,
    state: org.state,
    officeHours: schedule.officeHours,
    closingDays: schedule.closingDays,
  };
}

/** The automatic acknowledgement outside office hours, naming when the answer will come at the latest. */
export function acknowledgementText(dueAt: Date, timeZone: string): string {
  const when = new Intl.DateTimeFormat("de-DE", {
    timeZone,
    weekday: "long",
    day: "numeric",
    month: "long",
    hour: "2-digit",
    minute: "2-digit",
  }).format(dueAt);
  return `Vielen Dank, wir haben Ihre Nachricht erhalten. Unser Team ist gerade nicht im Dienst und antwortet Ihnen bis ${when} Uhr.`;
}

const MAX_DAYS = 800;

/** Milliseconds of business time between two instants (0 when end is not after start). */
export function businessMsBetween(calendar: TBusinessCalendar, start: Date, end: Date): number {
  if (end <= start) return 0;
  let total = 0;
  for (const [from, to] of intervalsFrom(calendar, start)) {
    if (from >= end.getTime()) break;
    total += Math.min(to, end.getTime()) - Math.max(from, start.getTime());
  }
  return total;
}

/** The instant at which `ms` of business time will have passed after `start` (a due time). */
export function addBusinessTime(calendar: TBusinessCalendar, start: Date, ms: number): Date {
  let left = Math.max(0, ms);
  for (const [from, to] of intervalsFrom(calendar, start)) {
    const begin = Math.max(from, start.getTime());
    if (begin + left <= to) return new Date(begin + left);
    left -= to - begin;
  }
  throw new Error("no business time within the search horizon");
}

/** The first instant at or after `at` inside business hours (for "we answer by …"). */
export function nextBusinessStart(calendar: TBusinessCalendar, at: Date): Date {
  return addBusinessTime(calendar, at, 0);
}

/** Whether the instant lies inside business hours. */
export function isBusinessTime(calendar: TBusinessCalendar, at: Date): boolean {
  return nextBusinessStart(calendar, at).getTime() === at.getTime();
}

/** Business intervals [from, to) in epoch ms, in order, from the local day of `start` on (ending after it). */
function* intervalsFrom(calendar: TBusinessCalendar, start: Date): Generator<[number, number]> {
  let day = localDate(start, calendar.timeZone);
  for (let i = 0; i < MAX_DAYS; i++, day = nextDate(day)) {
    for (const interval of dayIntervals(calendar, day)) if (interval[1] > start.getTime()) yield interval;
  }
}

// Memoised, since the inbox computes due times for thousands of messages per second: the intervals of a
// calendar's day and the holidays of a year never change, and Intl formatters are costly to create.
const dayCache = new WeakMap<TBusinessCalendar, Map<string, [number, number][]>>();
const holidayCache = new Map<string, Set<string>>();

function dayIntervals(calendar: TBusinessCalendar, day: string): [number, number][] {
  let days = dayCache.get(calendar);
  if (!days) {
    days = new Map();
    dayCache.set(calendar, days);
  }
  const cached = days.get(day);
  if (cached) return cached;
  let intervals: [number, number][] = [];
  if (!calendar.closingDays.includes(day) && !isHoliday(calendar.state, day)) {
    const weekday = isoWeekday(day);
    const hours = calendar.officeHours
      .filter((h) => h.days.includes(weekday))
      .map(
        (h) =>
          [epochOfWallClock(day, h.from, calendar.timeZone), epochOfWallClock(day, h.to, calendar.timeZone)] as [
            number,
            number,
          ],
      )
      .sort((a, b) => a[0] - b[0]);
    intervals = mergeIntervals(hours);
  }
  if (days.size > 5000) days.clear();
  days.set(day, intervals);
  return intervals;
}

function isHoliday(state: string, date: string): boolean {
  const key = `${state}:${date.slice(0, 4)}`;
  let days = holidayCache.get(key);
  if (!days) {
    days = new Set(publicHolidays(Number(date.slice(0, 4)), state).map((h) => h.date));
    holidayCache.set(key, days);
  }
  return days.has(date);
}

function mergeIntervals(sorted: [number, number][]): [number, number][] {
  const merged: [number, number][] = [];
  for (const [from, to] of sorted) {
    const last = merged.at(-1);
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  return merged;
}

function nextDate(date: string): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

function isoWeekday(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}
