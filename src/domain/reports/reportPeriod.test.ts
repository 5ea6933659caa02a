import { describe, expect, it } from "vitest";
import { reportPeriod, stepStart, stepsOf, byMonths } from "./reportPeriod.js";

describe("a report's period", () => {
  it("is the last 30 days up to today by default, compared with the 30 days before", () => {
    expect(reportPeriod({ today: "2026-12-06" })).toEqual({
      from: "2026-11-07",
      to: "2026-12-06",
      days: 30,
      previousFrom: "2026-10-08",
      previousTo: "2026-11-06",
      step: "day",
    });
  });

  it("compares a custom period with the one of the same length before it, across a leap day", () => {
    const period = reportPeriod({ from: "2028-03-01", to: "2028-03-07", today: "2028-12-01" });
    expect(period).toMatchObject({ days: 7, previousFrom: "2028-02-23", previousTo: "2028-02-29" });
  });

  it("steps in weeks from Monday beyond nine weeks", () => {
    const period = reportPeriod({ from: "2026-09-01", to: "2026-11-30", today: "2026-12-06" });
    if ("error" in period) throw new Error(period.error);
    expect(period.step).toBe("week");
    const steps = stepsOf(period);
    // 1 September 2026 is a Tuesday: its week began on Monday 31 August.
    expect(steps[0]).toBe("2026-08-31");
    expect(steps.at(-1)).toBe("2026-11-30");
    expect(steps).toHaveLength(14);
    expect(stepStart("2026-12-06", "week")).toBe("2026-11-30");
  });

  it("refuses a period that ends before it begins or is longer than two years", () => {
    expect(reportPeriod({ from: "2026-12-02", to: "2026-12-01", today: "2026-12-06" })).toEqual({
      error: "the period ends before it begins",
    });
    expect(reportPeriod({ from: "2020-01-01", to: "2026-12-01", today: "2026-12-06" })).toHaveProperty("error");
  });
});

describe("a span of days cut into whole months", () => {
  it("reads whole months from monthly rows and the days around them from daily rows", () => {
    expect(byMonths({ from: "2025-12-07", to: "2026-12-06" })).toEqual({
      months: { from: "2026-01-01", to: "2026-11-01" },
      days: [
        { from: "2025-12-07", to: "2025-12-31" },
        { from: "2026-12-01", to: "2026-12-06" },
      ],
    });
  });

  it("needs no days when the span is whole months, across a leap February and a year's end", () => {
    expect(byMonths({ from: "2023-12-01", to: "2024-02-29" })).toEqual({
      months: { from: "2023-12-01", to: "2024-02-01" },
      days: [],
    });
  });

  it("keeps a span without a whole month in days", () => {
    expect(byMonths({ from: "2026-11-07", to: "2026-12-06" })).toEqual({
      months: null,
      days: [{ from: "2026-11-07", to: "2026-12-06" }],
    });
    expect(byMonths({ from: "2026-02-01", to: "2026-02-27" })).toEqual({
      months: null,
      days: [{ from: "2026-02-01", to: "2026-02-27" }],
    });
  });

  it("takes a whole month at the start or the end", () => {
    expect(byMonths({ from: "2026-11-01", to: "2026-12-06" })).toEqual({
      months: { from: "2026-11-01", to: "2026-11-01" },
      days: [{ from: "2026-12-01", to: "2026-12-06" }],
    });
    expect(byMonths({ from: "2026-10-15", to: "2026-11-30" })).toEqual({
      months: { from: "2026-11-01", to: "2026-11-01" },
      days: [{ from: "2026-10-15", to: "2026-10-31" }],
    });
  });
});
