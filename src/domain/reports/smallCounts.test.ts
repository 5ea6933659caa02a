import { describe, expect, it } from "vitest";
import { publicCount, publicFigureOf, publicRow, publicShare } from "./smallCounts.js";

describe("the small-counts rule", () => {
  it("shows zero and counts from 5, never 1 to 4", () => {
    expect(publicCount(0)).toEqual({ status: "shown", value: 0 });
    expect([1, 2, 3, 4].map(publicCount)).toEqual(Array(4).fill({ status: "few" }));
    expect(publicCount(5)).toEqual({ status: "shown", value: 5 });
  });

  it("computes a median or share only from at least 5 answers, and says when there were none", () => {
    const median = () => ({ value: 60_000 });
    expect(publicFigureOf(0, median)).toEqual({ status: "none" });
    expect(publicFigureOf(4, median)).toEqual({ status: "few" });
    expect(publicFigureOf(5, median)).toEqual({ status: "shown", value: 60_000 });
    expect(publicFigureOf(9, () => ({ value: 1, atLeast: true }))).toEqual({
      status: "shown",
      value: 1,
      atLeast: true,
    });
    expect(publicShare(3, 4)).toEqual({ status: "few" });
    expect(publicShare(4, 5)).toEqual({ status: "shown", value: 0.8 });
  });

  it("withholds the smallest other cell of a row when one few cell could be worked out from the total", () => {
    // 9 + 7 + 2 = 18: without a second hidden cell, 18 − 9 − 7 would tell the 2.
    expect(publicRow([9, 7, 2])).toEqual({
      cells: [{ status: "shown", value: 9 }, { status: "withheld" }, { status: "few" }],
      total: { status: "shown", value: 18 },
    });
    // Two few cells: only their sum can be worked out, which is no single small count.
    expect(publicRow([9, 3, 2]).cells).toEqual([{ status: "shown", value: 9 }, { status: "few" }, { status: "few" }]);
    // Zeros stay shown and are never withheld in place of a real cell.
    expect(publicRow([0, 6, 1]).cells).toEqual([
      { status: "shown", value: 0 },
      { status: "withheld" },
      { status: "few" },
    ]);
    // A small total is itself hidden.
    expect(publicRow([2, 1])).toEqual({ cells: [{ status: "few" }, { status: "few" }], total: { status: "few" } });
  });
});
