import { describe, expect, it } from "vitest";
import {
  type TBusinessCalendar,
  addBusinessTime,
  businessMsBetween,
  isBusinessTime,
  nextBusinessStart,
} from "./slaClock.js";

const HOUR = 3_600_000;
// A town hall: Monday to Thursday 8–16 h, Friday 8–12 h, in North Rhine-Westphalia, closed on Christmas Eve.
const rathaus: TBusinessCalendar = {
  timeZone: "Europe/Berlin",
  state: "NW",
  officeHours: [
    { days: [1, 2, 3, 4], from: "08:00", to: "16:00" },
    { days: [5], from: "08:00", to: "12:00" },
  ],
  closingDays: ["2026-12-24"],
};

describe("business-hours clock", () => {
  it("counts only office hours across the weekend", () => {
    // Friday 27 Nov 2026, 11:00 local (10:00 UTC): 1 h left on Friday, then Monday from 8:00.
    const friday = new Date("2026-11-27T10:00:00Z");
    expect(addBusinessTime(rathaus, friday, 4 * HOUR).toISOString()).toBe("2026-11-30T10:00:00.000Z"); // Monday 11:00 local
    expect(businessMsBetween(rathaus, friday, new Date("2026-11-30T10:00:00Z"))).toBe(4 * HOUR);
  });

  it("skips the Bundesland's public holidays and the organisation's closing days", () => {
    // Corpus Christi (Thu 4 June 2026) is a holiday in NW, not in Berlin.
    const wednesday = new Date("2026-06-03T13:00:00Z"); // 15:00 local, 1 h left
    expect(addBusinessTime(rathaus, wednesday, 2 * HOUR).toISOString()).toBe("2026-06-05T07:00:00.000Z"); // Friday 9:00 local
    expect(addBusinessTime({ ...rathaus, state: "BE" }, wednesday, 2 * HOUR).toISOString()).toBe(
      "2026-06-04T07:00:00.000Z",
    ); // Thursday 9:00
    // 23 Dec (Wed) 15:00 → 24 Dec closed, 25/26 holidays, weekend → Monday 28 Dec.
    expect(nextBusinessStart(rathaus, new Date("2026-12-23T15:00:00Z")).toISOString()).toBe("2026-12-28T07:00:00.000Z");
  });

  it("keeps local office hours across the change to summer time", () => {
    // Friday 27 March 2026 11:30 CET; clocks go forward on Sunday 29 March; Monday opens 8:00 CEST = 06:00 UTC.
    expect(addBusinessTime(rathaus, new Date("2026-03-27T10:30:00Z"), 1 * HOUR).toISOString()).toBe(
      "2026-03-30T06:30:00.000Z",
    );
  });

  it("knows when the office is open, and adding nothing waits for the next opening", () => {
    expect(isBusinessTime(rathaus, new Date("2026-11-25T09:00:00Z"))).toBe(true); // Wednesday 10:00
    expect(isBusinessTime(rathaus, new Date("2026-11-25T16:00:00Z"))).toBe(false); // Wednesday 17:00
    expect(nextBusinessStart(rathaus, new Date("2026-11-25T16:00:00Z")).toISOString()).toBe("2026-11-26T07:00:00.000Z");
    expect(businessMsBetween(rathaus, new Date("2026-11-25T16:00:00Z"), new Date("2026-11-26T06:59:00Z"))).toBe(0);
  });

  it("adds and measures consistently over long spans", () => {
    const start = new Date("2026-12-18T09:17:00Z");
    for (const hours of [0.5, 3, 8, 20, 40, 100]) {
      const due = addBusinessTime(rathaus, start, hours * HOUR);
      expect(businessMsBetween(rathaus, start, due)).toBe(hours * HOUR);
    }
  });
});

describe("the organisation's calendar", () => {
  it("falls back to town-hall hours and words the acknowledgement with the due time", async () => {
    const { calendarOf, acknowledgementText, DEFAULT_OFFICE_SCHEDULE } = await import("./slaClock.js");
    expect(calendarOf({ timeZone: "Europe/Berlin", state: "NW", officeSchedule: null }).officeHours).toEqual(
      DEFAULT_OFFICE_SCHEDULE.officeHours,
    );
    expect(acknowledgementText(new Date("2026-11-30T10:00:00Z"), "Europe/Berlin")).toContain(
      "bis Montag, 30. November um 11:00 Uhr",
    );
  });
});
