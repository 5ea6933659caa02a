// German public holidays per Bundesland (via feiertagejs), for the calendar and the business-hours clock.
import { getHolidays } from "feiertagejs";

export const BUNDESLAENDER = [
  "BW",
  "BY",
  "BE",
  "BB",
  "HB",
  "HH",
  "HE",
  "MV",
  "NI",
  "NW",
  "RP",
  "SL",
  "SN",
  "ST",
  "SH",
  "TH",
] as const;
export type Bundesland = (typeof BUNDESLAENDER)[number];

export interface PublicHoliday {
  /** "YYYY-MM-DD" */
  date: string;
  name: { de: string; en: string };
}

export function isBundesland(value: string): value is Bundesland {
  return (BUNDESLAENDER as readonly string[]).includes(value);
}

export function publicHolidays(year: number, state: string): PublicHoliday[] {
  const region = isBundesland(state) ? state : "BUND";
  return getHolidays(year, region).map((h) => ({
    date: h.dateString,
    name: { de: h.translate("de") ?? h.name, en: h.translate("en") ?? h.name },
  }));
}
