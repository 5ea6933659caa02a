// Notable shifts in the mood: a step whose share of negative messages is far above (or below) the steps
// before it, judged robustly like the shitstorm alert (median and median absolute deviation of the
// earlier steps' shares, so one earlier storm does not raise the bar). A step marked as a shift does not
// become part of the usual: each day of a storm lasting several days is judged against the days before it —
// until as many steps in a row as the history holds were shifts: then that is the new usual.
// Steps with few messages are not judged: a share of 3 out of 4 says little.

export interface MoodStep {
  start: string;
  messages: number;
  negative: number;
}

export interface MoodShift {
  start: string;
  direction: "more_negative" | "less_negative";
  share: number;
  usualShare: number;
  score: number;
}

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

export function moodShifts(
  steps: readonly MoodStep[],
  options: { minMessages?: number; history?: number; threshold?: number } = {},
): MoodShift[] {
  const minMessages = options.minMessages ?? 10;
  const history = options.history ?? 8;
  const threshold = options.threshold ?? 3.5;
  const shifts: MoodShift[] = [];
  const judged: { start: string; share: number }[] = [];
  /** The shifts since the last usual step. */
  const inARow: { start: string; share: number }[] = [];
  for (const step of steps) {
    if (step.messages < minMessages) continue;
    const share = step.negative / step.messages;
    const before = judged.slice(-history).map((s) => s.share);
    if (before.length < 4) {
      judged.push({ start: step.start, share });
      continue;
    }
    const usual = median(before);
    const mad = median(before.map((s) => Math.abs(s - usual)));
    // A spread of at least five points keeps steady channels from alarming on small wobbles.
    const spread = Math.max(0.05, 1.4826 * mad);
    const score = (share - usual) / spread;
    if (Math.abs(score) < threshold) {
      judged.push({ start: step.start, share });
      inARow.length = 0;
      continue;
    }
    inARow.push({ start: step.start, share });
    if (inARow.length >= history) judged.push(...inARow.splice(0));
    shifts.push({
      start: step.start,
      direction: score > 0 ? "more_negative" : "less_negative",
      share,
      usualShare: usual,
      score: Math.round(score * 10) / 10,
    });
  }
  return shifts;
}
