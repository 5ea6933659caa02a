import { describe, expect, it } from "vitest";
import { nextConversationStatus } from "./conversationLifecycle.js";
import { answerDueState, escalationLevel, targetView } from "./responseTargets.js";
import type { TBusinessCalendar } from "./slaClock.js";

const HOUR = 3_600_000;
const calendar: TBusinessCalendar = {
  timeZone: "Europe/Berlin",
  state: "NW",
  officeHours: [{ days: [1, 2, 3, 4, 5], from: "08:00", to: "16:00" }],
  closingDays: [],
};
// A question arrives on Friday 27 Nov 2026 at 15:00 local (14:00 UTC); target: 4 business hours → Monday 11:00.
const since = new Date("2026-11-27T14:00:00Z");
const view = (now: string, doneAt: string | null = null) =>
  targetView({ calendar, since, targetMs: 4 * HOUR, doneAt: doneAt ? new Date(doneAt) : null, now: new Date(now) });

describe("response-time targets in business hours", () => {
  it("is on time over the weekend and due on Monday morning", () => {
    expect(view("2026-11-28T12:00:00Z")).toMatchObject({ state: "on_time", remainingMs: 3 * HOUR });
    expect(view("2026-11-28T12:00:00Z").dueAt.toISOString()).toBe("2026-11-30T10:00:00.000Z");
  });

  it("turns due soon in the last fifth, then overdue, and escalates to the deputy and then the department head", () => {
    expect(view("2026-11-30T09:15:00Z").state).toBe("due_soon");
    const late = view("2026-11-30T12:00:00Z");
    expect(late).toMatchObject({ state: "overdue", remainingMs: -2 * HOUR });
    expect(escalationLevel(late, 4 * HOUR)).toBe("deputy");
    expect(escalationLevel(view("2026-12-01T08:00:00Z"), 4 * HOUR)).toBe("department_head");
  });

  it("records whether the answer met the target", () => {
    expect(view("2026-12-02T08:00:00Z", "2026-11-30T09:59:00Z").state).toBe("met");
    expect(view("2026-12-02T08:00:00Z", "2026-11-30T10:01:00Z").state).toBe("missed");
  });
});

describe("conversation statuses", () => {
  it("moves from new to answered and back to open when the citizen writes again", () => {
    expect(nextConversationStatus("new", "staff_answered")).toBe("answered");
    expect(nextConversationStatus("answered", "citizen_wrote")).toBe("open");
    expect(nextConversationStatus("closed", "citizen_wrote")).toBe("open");
    expect(nextConversationStatus("closed", "staff_answered")).toBeNull();
    expect(nextConversationStatus("open", "staff_asked_back")).toBe("waiting_for_citizen");
  });
});

describe("the due state of a stored due time", () => {
  const now = new Date("2026-12-02T09:00:00Z");
  it("is overdue from the due time on, due soon in the half hour before, and nothing earlier or when nothing waits", () => {
    expect(answerDueState(new Date("2026-12-02T09:00:00Z"), now)).toBe("overdue");
    expect(answerDueState(new Date("2026-12-02T09:30:00Z"), now)).toBe("due_soon");
    expect(answerDueState(new Date("2026-12-02T09:30:01Z"), now)).toBeNull();
    expect(answerDueState(null, now)).toBeNull();
  });
});
