import { describe, expect, it } from "vitest";
import { calendarWeek, dueReportWeek, lastCompletedWeek, weekOf } from "./reportWeek.js";

describe("the weekly report's week", () => {
  it("runs from Monday to Sunday whichever day is named", () => {
    expect(weekOf("2026-12-02")).toEqual({ from: "2026-11-30", to: "2026-12-06" });
    expect(weekOf("2026-11-30")).toEqual({ from: "2026-11-30", to: "2026-12-06" });
    expect(weekOf("2026-12-06")).toEqual({ from: "2026-11-30", to: "2026-12-06" });
  });

  it("is by default the last week that has ended, even on its own Sunday", () => {
    expect(lastCompletedWeek("2026-12-06")).toEqual({ from: "2026-11-23", to: "2026-11-29" });
    expect(lastCompletedWeek("2026-12-07")).toEqual({ from: "2026-11-30", to: "2026-12-06" });
  });

  it("falls due on Monday at seven, local time", () => {
    expect(dueReportWeek({ today: "2026-12-07", clock: "06:59" })).toBeNull();
    expect(dueReportWeek({ today: "2026-12-07", clock: "07:00" })?.from).toBe("2026-11-30");
    expect(dueReportWeek({ today: "2026-12-09", clock: "03:00" })?.from).toBe("2026-11-30");
  });

  it("counts ISO calendar weeks across the turn of the year", () => {
    expect(calendarWeek("2026-11-30")).toBe(49);
    expect(calendarWeek("2026-12-28")).toBe(53);
    expect(calendarWeek("2027-01-04")).toBe(1);
    expect(calendarWeek("2024-12-30")).toBe(1);
  });
});
