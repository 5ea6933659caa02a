import { describe, expect, it } from "vitest";
import { moodShifts } from "./moodShifts.js";

const day = (i: number) => `2026-11-${String(i + 1).padStart(2, "0")}`;

describe("notable shifts in the mood", () => {
  it("marks a day whose share of negative messages is far above the days before", () => {
    const steps = Array.from({ length: 14 }, (_, i) => ({ start: day(i), messages: 40, negative: 8 + (i % 3) }));
    steps[12] = { start: day(12), messages: 60, negative: 42 };
    const shifts = moodShifts(steps);
    expect(shifts.map((s) => s.start)).toEqual([day(12)]);
    expect(shifts[0]?.direction).toBe("more_negative");
    expect(shifts[0]?.share).toBeCloseTo(0.7);
  });

  it("does not judge quiet days, nor small wobbles", () => {
    const steady = Array.from({ length: 14 }, (_, i) => ({ start: day(i), messages: 50, negative: 10 + (i % 4) }));
    expect(moodShifts(steady)).toEqual([]);
    const quiet = Array.from({ length: 14 }, (_, i) => ({ start: day(i), messages: 3, negative: i === 10 ? 3 : 0 }));
    expect(moodShifts(quiet)).toEqual([]);
  });

  it("marks a day that turned far less negative", () => {
    const steps = Array.from({ length: 10 }, (_, i) => ({ start: day(i), messages: 40, negative: 24 + (i % 2) }));
    steps[9] = { start: day(9), messages: 40, negative: 2 };
    expect(moodShifts(steps).map((s) => [s.start, s.direction])).toEqual([[day(9), "less_negative"]]);
  });

  it("marks every day of a storm lasting several days, not only its first", () => {
    const negatives = [8, 14, 10, 6, 12, 9, 15, 7];
    const steps = negatives.map((negative, i) => ({ start: day(i), messages: 40, negative }));
    steps.push(
      { start: day(8), messages: 80, negative: 59 },
      { start: day(9), messages: 78, negative: 55 },
      { start: day(10), messages: 68, negative: 58 },
    );
    expect(moodShifts(steps).map((s) => s.start)).toEqual([day(8), day(9), day(10)]);
  });

  it("takes a lasting change as the new usual once it held for the whole history", () => {
    const steps = Array.from({ length: 30 }, (_, i) => ({
      start: `2026-10-${String(i + 1).padStart(2, "0")}`,
      messages: 40,
      negative: (i < 10 ? 8 : 28) + (i % 3),
    }));
    const marked = moodShifts(steps, { history: 8 }).map((s) => s.start);
    // Days 11 to 18 stand out against the ten calm days; from the 19th the angry level is the usual.
    expect(marked).toEqual(steps.slice(10, 18).map((s) => s.start));
  });
});
