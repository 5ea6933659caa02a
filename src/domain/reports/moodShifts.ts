// Notable shifts in the mood: a step whose share of negative messages is far above (or below) the steps
// before it, judged robustly like the shitstorm alert (median and median absolute deviation of the
// earlier steps' shares, so one earlier storm does not raise the bar). Steps with few messages are not
// judged: a share of 3 out of 4 says little.

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
  for (const step of steps) {
    if (step.messages < minMessages) continue;
    const share = step.negative / step.messages;
    const before = judged.slice(-history).map((s) => s.share);
    judged.push({ start: step.start, share });
    if (before.length < 4) continue;
    const usual = median(before);
    const mad = median(before.map((s) => Math.abs(s - usual)));
    // A spread of at least five points keeps steady channels from alarming on small wobbles.
    const spread = Math.max(0.05, 1.4826 * mad);
    const score = (share - usual) / spread;
    if (Math.abs(score) >= threshold)
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
