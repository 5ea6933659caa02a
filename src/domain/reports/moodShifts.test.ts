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
});
