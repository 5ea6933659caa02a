import { describe, expect, it } from "vitest";
import {
  formatGermanDate,
  formatGermanTime,
  isFinishedDate,
  isFinishedTime,
  readGermanDate,
  readGermanTime,
  splitDateTime,
} from "./germanDateText";

describe("reading a typed date", () => {
  it("reads TT.MM.JJJJ and the short forms people type", () => {
    expect(readGermanDate("24.12.2026")).toEqual({ value: "2026-12-24" });
    expect(readGermanDate("1.2.2027")).toEqual({ value: "2027-02-01" });
    expect(readGermanDate(" 24. 12. 2026 ")).toEqual({ value: "2026-12-24" });
    expect(readGermanDate("24122026")).toEqual({ value: "2026-12-24" });
  });

  it("takes a two-digit year as this century's", () => {
    expect(readGermanDate("01.02.27")).toEqual({ value: "2027-02-01" });
    expect(readGermanDate("241226")).toEqual({ value: "2026-12-24" });
  });

  it("accepts an ISO date pasted from elsewhere", () => {
    expect(readGermanDate("2026-12-24")).toEqual({ value: "2026-12-24" });
  });

  it("reads an empty field as no date", () => {
    expect(readGermanDate("")).toEqual({ value: "" });
    expect(readGermanDate("   ")).toEqual({ value: "" });
  });

  it("refuses days the calendar does not have, leap years counted", () => {
    expect(readGermanDate("31.02.2027")).toEqual({ problem: "no_such_date" });
    expect(readGermanDate("29.02.2027")).toEqual({ problem: "no_such_date" });
    expect(readGermanDate("29.02.2028")).toEqual({ value: "2028-02-29" });
    expect(readGermanDate("31.04.2027")).toEqual({ problem: "no_such_date" });
    expect(readGermanDate("00.01.2027")).toEqual({ problem: "no_such_date" });
    expect(readGermanDate("12.13.2027")).toEqual({ problem: "no_such_date" });
    expect(readGermanDate("2027-02-30")).toEqual({ problem: "no_such_date" });
  });

  it("refuses what is no date form rather than guessing", () => {
    for (const typed of ["12/24/2026", "24.12.", "24.12", "2412", "24.12.202", "morgen", "24.12.2026 18:30"])
      expect(readGermanDate(typed)).toEqual({ problem: "date_format" });
  });
});

describe("reading a typed time", () => {
  it("reads HH:MM in 24 hours and the short forms people type", () => {
    expect(readGermanTime("18:30")).toEqual({ value: "18:30" });
    expect(readGermanTime("9:30")).toEqual({ value: "09:30" });
    expect(readGermanTime("9.30")).toEqual({ value: "09:30" });
    expect(readGermanTime("0930")).toEqual({ value: "09:30" });
    expect(readGermanTime("930")).toEqual({ value: "09:30" });
    expect(readGermanTime("18")).toEqual({ value: "18:00" });
    expect(readGermanTime("18 Uhr")).toEqual({ value: "18:00" });
    expect(readGermanTime("0:00")).toEqual({ value: "00:00" });
    expect(readGermanTime("")).toEqual({ value: "" });
  });

  it("refuses hours and minutes the clock does not have", () => {
    expect(readGermanTime("25:00")).toEqual({ problem: "no_such_time" });
    expect(readGermanTime("24:00")).toEqual({ problem: "no_such_time" });
    expect(readGermanTime("12:60")).toEqual({ problem: "no_such_time" });
  });

  it("refuses what is no time form, am/pm included", () => {
    for (const typed of ["6:30 pm", "12:3", "abc", "18:30:00", "12345"])
      expect(readGermanTime(typed)).toEqual({ problem: "time_format" });
  });
});

describe("telling a finished text from one still being typed", () => {
  it("takes a date as finished once its year has four digits", () => {
    expect(["24.12.2026", "1.2.2027", "24122026", "2026-12-24"].map(isFinishedDate)).toEqual([true, true, true, true]);
    expect(["24.12.20", "241220", "24.12.", "2"].map(isFinishedDate)).toEqual([false, false, false, false]);
  });

  it("takes a time as finished once it has its minutes", () => {
    expect(["18:30", "9:30", "9.30", "0930"].map(isFinishedTime)).toEqual([true, true, true, true]);
    expect(["18", "183", "18:3", "18 Uhr"].map(isFinishedTime)).toEqual([false, false, false, false]);
  });
});

describe("showing a stored value", () => {
  it("writes dates as TT.MM.JJJJ and times as HH:MM", () => {
    expect(formatGermanDate("2026-12-24")).toBe("24.12.2026");
    expect(formatGermanDate("")).toBe("");
    expect(formatGermanTime("07:05")).toBe("07:05");
    expect(formatGermanTime("07:05:00")).toBe("07:05");
    expect(formatGermanTime("")).toBe("");
  });

  it("splits a datetime-local value into its date and time", () => {
    expect(splitDateTime("2026-12-24T18:30")).toEqual({ date: "2026-12-24", time: "18:30" });
    expect(splitDateTime("")).toEqual({ date: "", time: "" });
  });

  it("reads back what it writes", () => {
    expect(readGermanDate(formatGermanDate("2028-02-29"))).toEqual({ value: "2028-02-29" });
    expect(readGermanTime(formatGermanTime("23:59"))).toEqual({ value: "23:59" });
  });
});
