// What waited for an answer over a report's period, from the daily changes of waiting_daily_rollups: each
// step's value is everything before the period plus the changes up to the step's end. A step still running
// (it holds today) shows the present instead — its rollup already counts as overdue what falls due later today.
// Pure: the sums and the present are parameters.

export interface WaitingCounts {
  waiting: number;
  overdue: number;
}

export function waitingSeriesOf(args: {
  /** The first days of the period's steps, in order. */
  steps: readonly string[];
  /** The changes of all days before the first step. */
  before: WaitingCounts;
  /** The changes within each step, by its first day (steps without changes may be missing). */
  changes: ReadonlyMap<string, WaitingCounts>;
  /** The step that holds today, if the period reaches it, and what waits at this moment. */
  running: { start: string; now: WaitingCounts } | null;
}): (WaitingCounts & { start: string; now: boolean })[] {
  let waiting = args.before.waiting;
  let overdue = args.before.overdue;
  return args.steps.map((start) => {
    const change = args.changes.get(start);
    waiting += change?.waiting ?? 0;
    overdue += change?.overdue ?? 0;
    if (args.running?.start === start) return { start, ...args.running.now, now: true };
    return { start, waiting, overdue, now: false };
  });
}
