// Which posts drew the most negative and the most positive reactions in a period: ranked by the share of
// negative (positive) messages among the reactions, so a much-discussed post does not win by volume alone —
// but only posts with at least MIN_REACTIONS reactions, so one angry reply out of one does not top the list —
// and a post is on the negative list only if its negative reactions outnumber its positive ones (and the other
// way round), so no post is both "most negative" and "most positive". Ties go to the post with more such
// messages, then more reactions. Pure.

/** Reactions a post needs in the period to be ranked (said in the report's text). */
export const MIN_REACTIONS = 10;
/** Posts in each list. */
export const RANKED_POSTS = 5;

export interface PostReactions {
  postId: string;
  messages: number;
  negative: number;
  positive: number;
}

export function rankPostsByMood<T extends PostReactions>(
  posts: readonly T[],
  options: { minimum?: number; limit?: number } = {},
): { mostNegative: T[]; mostPositive: T[] } {
  const minimum = options.minimum ?? MIN_REACTIONS;
  const limit = options.limit ?? RANKED_POSTS;
  const eligible = posts.filter((p) => p.messages >= minimum);
  const rank = (mood: "negative" | "positive") =>
    eligible
      .filter((p) => p[mood] > p[mood === "negative" ? "positive" : "negative"])
      .sort(
        (a, b) =>
          b[mood] / b.messages - a[mood] / a.messages ||
          b[mood] - a[mood] ||
          b.messages - a.messages ||
          a.postId.localeCompare(b.postId),
      )
      .slice(0, limit);
  return { mostNegative: rank("negative"), mostPositive: rank("positive") };
}
