// The mood of a message from its sentiment score (−1 … 1): the one place that draws the lines between
// negative, neutral and positive — for the inbox filter, the reports and the rollup triggers
// (migrations 0038 and 0057 compare in single precision, as the column is stored, so both sides agree at the edge).

export const MOODS = ["negative", "neutral", "positive"] as const;
export type Mood = (typeof MOODS)[number];

/** Scores below this are negative, above POSITIVE_ABOVE positive, the rest neutral. */
export const NEGATIVE_BELOW = -0.2;
export const POSITIVE_ABOVE = 0.2;

export function moodOf(sentiment: number): Mood {
  const stored = Math.fround(sentiment);
  if (stored < Math.fround(NEGATIVE_BELOW)) return "negative";
  if (stored > Math.fround(POSITIVE_ABOVE)) return "positive";
  return "neutral";
}
