// Weekly time windows ("trainees only in office hours"), evaluated in a given time zone.
// Pure: the instant to test is a parameter.
import { z } from "zod";

const ZClock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "expected HH:MM");

export const ZWeeklyWindow = z
  .object({
    timeZone: z.string().min(1).default("Europe/Berlin"),
    /** ISO weekdays: 1 = Monday … 7 = Sunday. */
    days: z.array(z.number().int().min(1).max(7)).min(1),
    from: ZClock,
    to: ZClock,
  })
  .refine((w) => w.from < w.to, { message: "from must be before to", path: ["to"] })
  .refine((w) => isValidTimeZone(w.timeZone), { message: "unknown time zone", path: ["timeZone"] });
export type TWeeklyWindow = z.infer<typeof ZWeeklyWindow>;

function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone });
    return true;
  } catch {
    return false;
  }
}

const WEEKDAY: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

/** Local weekday and HH:MM of an instant in a time zone. */
export function localWeekdayAndTime(instant: Date, timeZone: string): { day: number; time: string } {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    weekday: "short",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return { day: WEEKDAY[get("weekday")] ?? 0, time: `${get("hour")}:${get("minute")}` };
}

/** True when the instant falls inside the window (from inclusive, to exclusive). */
export function isWithinWindow(window: TWeeklyWindow, instant: Date): boolean {
  const { day, time } = localWeekdayAndTime(instant, window.timeZone);
  return window.days.includes(day) && time >= window.from && time < window.to;
}
