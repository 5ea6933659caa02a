// Wall-clock time in a time zone, with Intl only (no library, no dependency): the date and time an instant shows
// on the organisation's clocks, and the instant a wall-clock time means there. Shared by the business-hours
// clock and the web app, which shows and reads every time in the organisation's zone, never the browser's.

const MINUTE = 60_000;
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

/** Whether Intl knows the name as a time zone ("Europe/Berlin" yes, "Mars/Olympus" no). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** "YYYY-MM-DD" of an instant in a time zone. */
export function localDate(instant: Date, timeZone: string): string {
  const parts = formatter("date", timeZone).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")}`;
}

/** "HH:MM" (24 h) of an instant in a time zone. */
export function localClock(instant: Date, timeZone: string): string {
  const parts = formatter("full", timeZone).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "00";
  return `${get("hour")}:${get("minute")}`;
}

/** Offset of the time zone from UTC at an instant, in ms (Berlin in winter: +3,600,000). */
function offsetAt(epoch: number, timeZone: string): number {
  const parts = formatter("full", timeZone).formatToParts(new Date(epoch));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? "0");
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return asUtc - Math.floor(epoch / 1000) * 1000;
}

/** The epoch ms of a local wall-clock time (date, HH:MM) in a time zone; 24:00 is the next midnight. */
export function epochOfWallClock(date: string, clock: string, timeZone: string): number {
  const [hours = 0, minutes = 0] = clock.split(":").map(Number);
  const wall = Date.parse(`${date}T00:00:00Z`) + hours * 60 * MINUTE + minutes * MINUTE;
  let epoch = wall - offsetAt(wall, timeZone);
  // Near a daylight-saving change the first guess uses the other side's offset: correct once.
  epoch = wall - offsetAt(epoch, timeZone);
  return epoch;
}
