import { describe, expect, it } from "vitest";
import { dueSoonRecipients, escalationRecipients, isAbsent, onDuty } from "./coverage.js";

const account = "11111111-1111-4111-8111-111111111111";
const officeHours = { timeZone: "Europe/Berlin", days: [1, 2, 3, 4, 5], from: "08:00", to: "16:00" };
const plan = [
  { channelAccountId: account, userId: "anna", role: "responsible" as const, window: officeHours },
  { channelAccountId: account, userId: "ben", role: "deputy" as const, window: null },
  { channelAccountId: account, userId: "cem", role: "deputy" as const, window: null },
];

describe("coverage", () => {
  it("finds who is on duty, within their window and not absent", () => {
    const absences = [{ userId: "cem", startsOn: "2026-11-23", endsOn: "2026-11-27" }];
    expect(
      onDuty({
        plan,
        absences,
        channelAccountId: account,
        at: new Date("2026-11-25T09:00:00Z"),
        timeZone: "Europe/Berlin",
      }),
    ).toEqual({ responsible: ["anna"], deputies: ["ben"] });
    expect(
      onDuty({
        plan,
        absences,
        channelAccountId: account,
        at: new Date("2026-11-25T20:00:00Z"),
        timeZone: "Europe/Berlin",
      }),
    ).toEqual({ responsible: [], deputies: ["ben"] });
    // Absence days are local: 23:30 UTC on the 27th is already the 28th in Berlin.
    expect(isAbsent(absences, "cem", new Date("2026-11-27T23:30:00Z"), "Europe/Berlin")).toBe(false);
  });

  it("tells the assignee and deputies first, the department head next, and the accountable person when nobody else is there", () => {
    const duty = { responsible: ["anna"], deputies: ["ben"] };
    const base = { duty, departmentHeads: ["dora"], accountableUserId: "erik" };
    expect(escalationRecipients({ ...base, level: 1, assigneeUserId: "fritz", assigneeAbsent: false })).toEqual([
      "fritz",
      "ben",
    ]);
    expect(escalationRecipients({ ...base, level: 1, assigneeUserId: "fritz", assigneeAbsent: true })).toEqual(["ben"]);
    expect(escalationRecipients({ ...base, level: 1, assigneeUserId: null, assigneeAbsent: false })).toEqual([
      "anna",
      "ben",
    ]);
    expect(escalationRecipients({ ...base, level: 2, assigneeUserId: "fritz", assigneeAbsent: false })).toEqual([
      "dora",
    ]);
    expect(
      escalationRecipients({
        ...base,
        duty: { responsible: [], deputies: [] },
        departmentHeads: [],
        level: 2,
        assigneeUserId: null,
        assigneeAbsent: false,
      }),
    ).toEqual(["erik"]);
  });

  it("reminds one person that an answer is due soon: the assignee, else who is on duty", () => {
    const duty = { responsible: ["anna"], deputies: ["ben"] };
    expect(
      dueSoonRecipients({ assigneeUserId: "fritz", assigneeAbsent: false, duty, accountableUserId: "erik" }),
    ).toEqual(["fritz"]);
    expect(
      dueSoonRecipients({ assigneeUserId: "fritz", assigneeAbsent: true, duty, accountableUserId: "erik" }),
    ).toEqual(["anna"]);
    expect(
      dueSoonRecipients({
        assigneeUserId: null,
        assigneeAbsent: false,
        duty: { responsible: [], deputies: ["ben"] },
        accountableUserId: "erik",
      }),
    ).toEqual(["ben"]);
    expect(
      dueSoonRecipients({
        assigneeUserId: null,
        assigneeAbsent: false,
        duty: { responsible: [], deputies: [] },
        accountableUserId: "erik",
      }),
    ).toEqual(["erik"]);
  });
});
