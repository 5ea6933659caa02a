// The business-hours clock for response-time targets: office hours per weekday in the organisation's
// time zone, minus German public holidays of its Bundesland and its own closing days. Pure: instants
// are parameters; time-zone arithmetic uses Intl only, so daylight-saving changes are handled.
import { z } from "zod";
import { publicHolidays } from "./holidays.js";

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

const MINUTE = 60_000;
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
          [zonedToEpoch(day, h.from, calendar.timeZone), zonedToEpoch(day, h.to, calendar.timeZone)] as [
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

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(kind: "date" | "full", timeZone: string): Intl.DateTimeFormat {
  const key = `${kind}:${timeZone}`;
  let found = formatters.get(key);
  if (!found) {
    found =
      kind === "date"
        ? new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" })
        : new Intl.DateTimeFormat("en-GB", {
            timeZone,
            hourCycle: "h23",
            year: "numeric",
            month: "2-digit",
            day: "2-digit",
            hour: "2-digit",
            minute: "2-digit",
            second: "2-digit",
          });
    formatters.set(key, found);
  }
  return found;
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

/** "YYYY-MM-DD" of an instant in a time zone. */
export function localDate(instant: Date, timeZone: string): string {
  const parts = formatter("date", timeZone).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")}`;
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

/** Offset of the time zone from UTC at an instant, in ms (Berlin in winter: +3,600,000). */
function offsetAt(epoch: number, timeZone: string): number {
  const parts = formatter("full", timeZone).formatToParts(new Date(epoch));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? "0");
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return asUtc - Math.floor(epoch / 1000) * 1000;
}

/** The epoch ms of a local wall-clock time (date, HH:MM) in a time zone; 24:00 is the next midnight. */
function zonedToEpoch(date: string, clock: string, timeZone: string): number {
  const [hours = 0, minutes = 0] = clock.split(":").map(Number);
  const wall = Date.parse(`${date}T00:00:00Z`) + hours * 60 * MINUTE + minutes * MINUTE;
  let epoch = wall - offsetAt(wall, timeZone);
  // Near a daylight-saving change the first guess uses the other side's offset: correct once.
  epoch = wall - offsetAt(epoch, timeZone);
  return epoch;
}
