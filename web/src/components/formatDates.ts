// The one place the admin app writes and reads dates and times: always in the organisation's time zone (its
// setting under Verwaltung → Bürozeiten, Europe/Berlin by default), never the browser's, in the UI language's
// locale (de-DE first). Date and time fields (DateTimeFields.tsx) show and mean wall-clock time in that zone too.
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { epochOfWallClock, localClock, localDate } from "../../../src/domain/zonedTime";
import { formatLocale } from "../i18n";
import { useOrg } from "./orgContext";

const STYLES = {
  /** 04.12.2026, 16:28 */
  dateTime: { dateStyle: "medium", timeStyle: "short" },
  /** Fr., 04.12., 16:28 — lists where the year is clear */
  compact: { weekday: "short", day: "2-digit", month: "2-digit", hour: "2-digit", minute: "2-digit" },
  /** 04.12.2026, 16:28:03 — the audit trail */
  precise: { dateStyle: "medium", timeStyle: "medium" },
  /** 16:28 */
  time: { hour: "2-digit", minute: "2-digit" },
  /** 16:28:03 */
  timeSeconds: { hour: "2-digit", minute: "2-digit", second: "2-digit" },
  /** 04.12.2026 */
  date: { dateStyle: "medium" },
} satisfies Record<string, Intl.DateTimeFormatOptions>;
export type DateStyle = keyof typeof STYLES;

/** An instant in a time zone and language; "" for nothing. */
export function formatInstant(
  value: string | Date | null | undefined,
  options: { language: string; timeZone: string; style?: DateStyle },
): string {
  if (value === null || value === undefined || value === "") return "";
  return new Intl.DateTimeFormat(formatLocale(options.language), {
    ...STYLES[options.style ?? "dateTime"],
    timeZone: options.timeZone,
  }).format(typeof value === "string" ? new Date(value) : value);
}

/** A calendar date without a time ("2026-12-24"), the same in every time zone. */
export function formatPlainDate(
  date: string,
  language: string,
  options: Intl.DateTimeFormatOptions = { dateStyle: "full" },
): string {
  return new Intl.DateTimeFormat(formatLocale(language), { ...options, timeZone: "UTC" }).format(
    new Date(`${date}T00:00:00Z`),
  );
}

/** The organisation's time zone and the formatting bound to it and to the UI language. */
export function useDates() {
  const { timeZone } = useOrg();
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(
    () => ({
      timeZone,
      format: (value: string | Date | null | undefined, style: DateStyle = "dateTime") =>
        formatInstant(value, { language, timeZone, style }),
      plainDate: (date: string, options?: Intl.DateTimeFormatOptions) => formatPlainDate(date, language, options),
      /** "YYYY-MM-DD" of an instant on the organisation's calendar. */
      dayOf: (value: string | Date) => localDate(new Date(value), timeZone),
      /** The value of a DateTimeField ("YYYY-MM-DDTHH:MM") for an instant: wall-clock time in the organisation's zone. */
      toInput: (iso: string | null | undefined) =>
        iso ? `${localDate(new Date(iso), timeZone)}T${localClock(new Date(iso), timeZone)}` : "",
      /** The instant a DateTimeField value means in the organisation's zone, as ISO; null when empty or invalid. */
      fromInput: (value: string) => {
        const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(value);
        if (!match?.[1] || !match[2]) return null;
        const epoch = epochOfWallClock(match[1], match[2], timeZone);
        return Number.isNaN(epoch) ? null : new Date(epoch).toISOString();
      },
    }),
    [language, timeZone],
  );
}
