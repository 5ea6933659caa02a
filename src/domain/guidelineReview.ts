// When a guideline version is due for review. Pure: today is a parameter (a calendar date in the
// organisation's time zone, "YYYY-MM-DD").

export type ReviewState = "current" | "due_soon" | "overdue";

/** Warn this many days ahead of the review-by date. */
export const REVIEW_WARNING_DAYS = 14;

export function reviewState(reviewBy: string, today: string): ReviewState {
  if (today > reviewBy) return "overdue";
  return daysBetween(today, reviewBy) <= REVIEW_WARNING_DAYS ? "due_soon" : "current";
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The calendar date of an instant in a time zone. */
export function localDate(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(
    instant,
  );
}
