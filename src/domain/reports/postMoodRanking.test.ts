import { describe, expect, it } from "vitest";
import { MIN_REACTIONS, rankPostsByMood } from "./postMoodRanking.js";

const post = (postId: string, messages: number, negative: number, positive = 0) => ({
  postId,
  messages,
  negative,
  positive,
});

describe("the posts with the most negative and positive reactions", () => {
  it("rank by share, not by volume", () => {
    const { mostNegative } = rankPostsByMood([post("busy", 200, 60), post("angry", 20, 15), post("calm", 50, 5)]);
    expect(mostNegative.map((p) => p.postId)).toEqual(["angry", "busy", "calm"]);
  });

  it("leave out a post with fewer reactions than the minimum, however negative", () => {
    const { mostNegative } = rankPostsByMood([post("one-angry-reply", 1, 1), post("some", MIN_REACTIONS, 2)]);
    expect(mostNegative.map((p) => p.postId)).toEqual(["some"]);
  });

  it("break a tie of shares by the number of such reactions, and leave out posts without any", () => {
    const { mostNegative, mostPositive } = rankPostsByMood([
      post("small", 10, 5, 0),
      post("large", 40, 20, 4),
      post("praised", 12, 0, 11),
    ]);
    expect(mostNegative.map((p) => p.postId)).toEqual(["large", "small"]);
    expect(mostPositive.map((p) => p.postId)).toEqual(["praised"]);
  });

  it("put a post on one list only: the mood that outnumbers the other", () => {
    // 52.9 % negative and 9.7 % positive is a negative post, however few others there are.
    const { mostNegative, mostPositive } = rankPostsByMood([post("kanal", 155, 82, 15), post("even", 20, 5, 5)]);
    expect(mostNegative.map((p) => p.postId)).toEqual(["kanal"]);
    expect(mostPositive).toEqual([]);
  });

  it("show at most the limit", () => {
    const many = Array.from({ length: 9 }, (_, i) => post(`p${i}`, 10, i + 1));
    expect(rankPostsByMood(many, { limit: 3 }).mostNegative.map((p) => p.postId)).toEqual(["p8", "p7", "p6"]);
  });
});
