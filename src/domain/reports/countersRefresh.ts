// When the worker next asks a network for the counters of a published item: reactions come mostly in the
// first hours, so a new item is asked about often and an older one more and more rarely; after
// COUNTERS_WINDOW_DAYS its last reading stays. Pure: the time is a parameter.

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Items published longer ago than this are not asked about any more. */
export const COUNTERS_WINDOW_DAYS = 90;

/** The interval after a reading, by the item's age then. */
export function countersRefreshInterval(ageMs: number): number {
  if (ageMs < DAY) return 15 * 60_000;
  if (ageMs < 7 * DAY) return 2 * HOUR;
  if (ageMs < 30 * DAY) return 12 * HOUR;
  return 7 * DAY;
}

/** When to ask again about an item published at `publishedAt`, read at `now`. */
export function nextCountersFetch(publishedAt: Date, now: Date): Date {
  return new Date(now.getTime() + countersRefreshInterval(now.getTime() - publishedAt.getTime()));
}
