// How the inbox shows durations: waiting times in business hours in de-DE (or the chosen language); dates and
// times come from components/formatDates (the organisation's time zone).

/** Whole minutes between now and a time, for "overdue for 12 min" and "due in 40 min". */
export function minutesBetween(fromIso: string, to: Date): number {
  return Math.round((to.getTime() - new Date(fromIso).getTime()) / 60_000);
}

export function formatBusinessDuration(ms: number, language: string): string {
  const minutes = Math.round(Math.abs(ms) / 60_000);
  const hours = Math.floor(minutes / 60);
  const unit = (value: number, u: "hour" | "minute") =>
    new Intl.NumberFormat(language, { style: "unit", unit: u, unitDisplay: "short" }).format(value);
  return hours > 0 ? `${unit(hours, "hour")} ${unit(minutes % 60, "minute")}` : unit(minutes, "minute");
}

export function sentimentKey(sentiment: number): "negative" | "neutral" | "positive" {
  return sentiment < -0.2 ? "negative" : sentiment > 0.2 ? "positive" : "neutral";
}
