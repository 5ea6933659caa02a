import { describe, expect, it } from "vitest";
import { waitingSeriesOf } from "./waitingSeries.js";

describe("the waiting series", () => {
  it("adds each step's changes to what waited before, and shows the present for the running step", () => {
    const series = waitingSeriesOf({
      steps: ["2026-11-30", "2026-12-01", "2026-12-02", "2026-12-03"],
      before: { waiting: 4, overdue: 1 },
      changes: new Map([
        ["2026-11-30", { waiting: 2, overdue: 1 }],
        ["2026-12-02", { waiting: -3, overdue: 0 }],
        ["2026-12-03", { waiting: 1, overdue: 5 }],
      ]),
      running: { start: "2026-12-03", now: { waiting: 4, overdue: 2 } },
    });
    expect(series).toEqual([
      { start: "2026-11-30", waiting: 6, overdue: 2, now: false },
      { start: "2026-12-01", waiting: 6, overdue: 2, now: false },
      { start: "2026-12-02", waiting: 3, overdue: 2, now: false },
      { start: "2026-12-03", waiting: 4, overdue: 2, now: true },
    ]);
  });
});
