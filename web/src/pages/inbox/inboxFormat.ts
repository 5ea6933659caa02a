// How the inbox shows times: due times and waiting times in de-DE (or the chosen language).
export function formatDateTime(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language, {
    weekday: "short",
    day: "2-digit",
    month: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  }).format(new Date(iso));
}

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
