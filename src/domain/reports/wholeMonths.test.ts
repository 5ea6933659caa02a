import { describe, expect, it } from "vitest";
import { wholeMonthsOf } from "./wholeMonths.js";

describe("wholeMonthsOf", () => {
  it("splits a year into its whole months and the days at both edges", () => {
    expect(wholeMonthsOf({ from: "2025-03-17", to: "2026-03-16" })).toEqual({
      months: { from: "2025-04-01", to: "2026-02-28" },
      days: [
        { from: "2025-03-17", to: "2025-03-31" },
        { from: "2026-03-01", to: "2026-03-16" },
      ],
    });
  });

  it("keeps a period of whole months whole, across a leap day", () => {
    expect(wholeMonthsOf({ from: "2024-02-01", to: "2024-03-31" })).toEqual({
      months: { from: "2024-02-01", to: "2024-03-31" },
      days: [],
    });
  });

  it("reads a period inside one month, or over a month's end without a whole month, by days", () => {
    expect(wholeMonthsOf({ from: "2026-01-05", to: "2026-01-31" })).toEqual({
      months: null,
      days: [{ from: "2026-01-05", to: "2026-01-31" }],
    });
    expect(wholeMonthsOf({ from: "2025-12-20", to: "2026-01-10" })).toEqual({
      months: null,
      days: [{ from: "2025-12-20", to: "2026-01-10" }],
    });
  });

  it("takes a whole month that ends the period, with the days before it", () => {
    expect(wholeMonthsOf({ from: "2025-12-31", to: "2026-01-31" })).toEqual({
      months: { from: "2026-01-01", to: "2026-01-31" },
      days: [{ from: "2025-12-31", to: "2025-12-31" }],
    });
  });
});
