import { describe, expect, it } from "vitest";
import {
  DEFAULT_NOTIFICATION_PREFERENCES,
  type DutyFacts,
  deliveryDecision,
  groupOfKind,
  isOnDuty,
  nextRetryAt,
  preferencesWithDefaults,
} from "./notificationDelivery.js";
import { calendarOf } from "./slaClock.js";

const calendar = calendarOf({ timeZone: "Europe/Berlin", state: "NW", officeSchedule: null });
const me = "11111111-1111-4111-8111-111111111111";
// Tuesday 8 December 2026: 10:00 and 22:00 in Berlin (UTC+1).
const tuesdayMorning = new Date("2026-12-08T09:00:00Z");
const tuesdayNight = new Date("2026-12-08T21:00:00Z");
const eveningShift = { timeZone: "Europe/Berlin", days: [1, 2, 3, 4, 5], from: "18:00", to: "23:00" };

function facts(overrides: Partial<DutyFacts> = {}): DutyFacts {
  return { entries: [], absences: [], calendar, ...overrides };
}

describe("who is on duty", () => {
  it("takes office hours for a person the coverage plan does not name", () => {
    expect(isOnDuty({ userId: me, at: tuesdayMorning, duty: facts() })).toBe(true);
    expect(isOnDuty({ userId: me, at: tuesdayNight, duty: facts() })).toBe(false);
  });

  it("takes the person's own windows in the coverage plan, not office hours", () => {
    const duty = facts({ entries: [{ role: "responsible", window: eveningShift }] });
    expect(isOnDuty({ userId: me, at: tuesdayNight, duty })).toBe(true);
    expect(isOnDuty({ userId: me, at: tuesdayMorning, duty })).toBe(false);
  });

  it("counts an entry without a window as always on duty", () => {
    const duty = facts({ entries: [{ role: "deputy", window: null }] });
    expect(isOnDuty({ userId: me, at: new Date("2026-12-13T03:00:00Z"), duty })).toBe(true);
  });

  it("counts nobody absent that day as on duty", () => {
    const duty = facts({
      entries: [{ role: "responsible", window: null }],
      absences: [{ userId: me, startsOn: "2026-12-08", endsOn: "2026-12-08" }],
    });
    expect(isOnDuty({ userId: me, at: tuesdayMorning, duty })).toBe(false);
  });

  it("keeps a public holiday out of the office hours", () => {
    // Christmas Day 2026 is a Friday: office hours would be 8–12.
    expect(isOnDuty({ userId: me, at: new Date("2026-12-25T09:00:00Z"), duty: facts() })).toBe(false);
  });
});

describe("what happens to an e-mail or push", () => {
  const createdAt = new Date("2026-12-08T08:00:00Z");

  it("goes out while the person is on duty and is held while they are not", () => {
    expect(deliveryDecision({ readAt: null, createdAt, now: tuesdayMorning, onDuty: true })).toBe("send");
    expect(deliveryDecision({ readAt: null, createdAt, now: tuesdayNight, onDuty: false })).toBe("hold");
  });

  it("is dropped once the notice was read in the app, or after two weeks held — not over a weekend", () => {
    expect(deliveryDecision({ readAt: tuesdayMorning, createdAt, now: tuesdayMorning, onDuty: true })).toBe("skip");
    const afterAWeekend = new Date(createdAt.getTime() + 3.5 * 24 * 3_600_000);
    expect(deliveryDecision({ readAt: null, createdAt, now: afterAWeekend, onDuty: true })).toBe("send");
    const later = new Date(createdAt.getTime() + 15 * 24 * 3_600_000);
    expect(deliveryDecision({ readAt: null, createdAt, now: later, onDuty: true })).toBe("skip");
  });

  it("is tried again after growing waits, then given up", () => {
    const now = new Date("2026-12-08T09:00:00Z");
    expect(nextRetryAt({ attempts: 1, now })?.toISOString()).toBe("2026-12-08T09:01:00.000Z");
    expect(nextRetryAt({ attempts: 4, now })?.toISOString()).toBe("2026-12-08T11:00:00.000Z");
    expect(nextRetryAt({ attempts: 5, now })).toBeNull();
  });
});

describe("groups and choices", () => {
  it("maps the kinds onto the five groups and leaves the rest in-app", () => {
    expect(groupOfKind("threat")).toBe("threats");
    expect(groupOfKind("escalation")).toBe("overdue_questions");
    expect(groupOfKind("approval_waiting")).toBe("approvals");
    expect(groupOfKind("mention")).toBe("mentions");
    expect(groupOfKind("channel_health")).toBe("channel_trouble");
    expect(groupOfKind("weekly_report")).toBeNull();
    expect(groupOfKind("assigned")).toBeNull();
  });

  it("sends threats by e-mail and push until a person chooses otherwise", () => {
    expect(preferencesWithDefaults([])).toEqual(DEFAULT_NOTIFICATION_PREFERENCES);
    const chosen = preferencesWithDefaults([{ group: "threats", email: false, push: true }]);
    expect(chosen.threats).toEqual({ email: false, push: true });
    expect(chosen.mentions).toEqual({ email: false, push: false });
    expect(DEFAULT_NOTIFICATION_PREFERENCES.threats.email).toBe(true);
  });
});
