// Dates and times as people in a German office type and read them (24.12.2026, 18:30), whatever the browser's
// language, turned into the forms the forms and the API keep ("2026-12-24", "18:30", "2026-12-24T18:30").
// Pure: no clock, so a date without a year is refused rather than guessed.

/** Why a typed text is no date or time: not in a form we read, or a form we read naming nothing real. */
export type DateTextProblem = "date_format" | "no_such_date" | "time_format" | "no_such_time";

/** What a typed text says: a value in the stored form ("" for an empty field) or why it says none. */
export type DateTextReading = { value: string } | { problem: DateTextProblem };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** 24.12.2026, 1.2.2027, 24. 12. 26 — dots only: a slash is where US forms put the month first. */
const DOTTED_DATE = /^(\d{1,2})\s*\.\s*(\d{1,2})\s*\.\s*(\d{2}|\d{4})$/;
/** 24122026 or 241226, as typed on a number pad. */
const DIGITS_DATE = /^(\d{2})(\d{2})(\d{2}|\d{4})$/;

const pad = (n: number) => String(n).padStart(2, "0");

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function calendarDate(day: number, month: number, year: number): DateTextReading {
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month))
    return { problem: "no_such_date" };
  return { value: `${year}-${pad(month)}-${pad(day)}` };
}

/**
 * Reads a date typed as TT.MM.JJJJ (also T.M.JJJJ, TT.MM.JJ, TTMMJJJJ, TTMMJJ, or ISO pasted from elsewhere).
 * A two-digit year is this century's (26 → 2026): the app plans posts, campaigns and closing days, never the 1900s.
 */
export function readGermanDate(text: string): DateTextReading {
  const typed = text.trim();
  if (typed === "") return { value: "" };
  const iso = ISO_DATE.exec(typed);
  if (iso) return calendarDate(Number(iso[3]), Number(iso[2]), Number(iso[1]));
  const parts = DOTTED_DATE.exec(typed) ?? DIGITS_DATE.exec(typed);
  if (!parts?.[1] || !parts[2] || !parts[3]) return { problem: "date_format" };
  const year = parts[3].length === 2 ? 2000 + Number(parts[3]) : Number(parts[3]);
  return calendarDate(Number(parts[1]), Number(parts[2]), year);
}

/** 9:30, 09.30, 0930, 930, 18 (a full hour), each perhaps followed by "Uhr"; 24 hours, no am/pm. */
export function readGermanTime(text: string): DateTextReading {
  const typed = text
    .trim()
    .replace(/\s*uhr$/i, "")
    .trim();
  if (typed === "") return { value: "" };
  const parts = /^(\d{1,2})[:.](\d{2})$/.exec(typed) ?? /^(\d{1,2})(\d{2})$/.exec(typed) ?? /^(\d{1,2})()$/.exec(typed);
  if (!parts?.[1]) return { problem: "time_format" };
  const hours = Number(parts[1]);
  const minutes = Number(parts[2] || "0");
  if (hours > 23 || minutes > 59) return { problem: "no_such_time" };
  return { value: `${pad(hours)}:${pad(minutes)}` };
}

/**
 * Whether a typed date is finished, not a step on the way to another: its year has four digits ("24.12.20" may
 * still become "24.12.2026"). A field passes on finished values while they are typed and reads the rest on leaving.
 */
export function isFinishedDate(text: string): boolean {
  const typed = text.trim();
  return /\.\s*\d{4}$/.test(typed) || /^\d{8}$/.test(typed) || ISO_DATE.test(typed);
}

/** Whether a typed time is finished: it has its minutes ("18" may still become "18:30", "183" "18:30"). */
export function isFinishedTime(text: string): boolean {
  return /^\d{1,2}[:.]\d{2}$|^\d{4}$/.test(text.trim());
}

/** "2026-12-24" → "24.12.2026"; anything else (nothing, a half-typed value) → "". */
export function formatGermanDate(value: string): string {
  const iso = ISO_DATE.exec(value);
  return iso ? `${iso[3]}.${iso[2]}.${iso[1]}` : "";
}

/** "18:30" or "18:30:00" → "18:30"; anything else → "". */
export function formatGermanTime(value: string): string {
  const time = /^(\d{2}):(\d{2})(:\d{2})?$/.exec(value);
  return time ? `${time[1]}:${time[2]}` : "";
}

/** "2026-12-24T18:30" → its date and time parts ("" for each when the value is empty or of another form). */
export function splitDateTime(value: string): { date: string; time: string } {
  const parts = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(value);
  return parts?.[1] && parts[2] ? { date: parts[1], time: parts[2] } : { date: "", time: "" };
}
