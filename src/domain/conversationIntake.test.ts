import { describe, expect, it } from "vitest";
import { takeIn } from "./conversationIntake.js";
import { conversationPriority, targetFor } from "./responseTargets.js";
import { DEFAULT_OFFICE_SCHEDULE, calendarOf } from "./slaClock.js";

const account = "11111111-1111-4111-8111-111111111111";
const calendar = calendarOf({ timeZone: "Europe/Berlin", state: "NW", officeSchedule: DEFAULT_OFFICE_SCHEDULE });
const rules = {
  calendar,
  targets: [{ channelAccountId: null, intent: "question" as const, firstResponseMinutes: 60, resolutionMinutes: null }],
  routing: [],
  repeatWindowMs: 14 * 86_400_000,
};
const at = (iso: string) => new Date(iso);
const message = (text: string, receivedAt: string, intent: "question" | "praise" | "complaint" = "question") => ({
  text,
  receivedAt: at(receivedAt),
  intent,
  sentiment: 0,
  flagged: false,
});

describe("taking new messages into a conversation", () => {
  it("starts a new conversation with the target of its intent, counted in business hours", () => {
    // Thursday 15:30 Berlin, 30 minutes before closing: 30 more minutes on Friday from 8:00.
    const result = takeIn({
      state: null,
      channelAccountId: account,
      accountDepartmentId: null,
      unanswered: [],
      messages: [message("Wann?", "2026-11-26T14:30:00Z")],
      rules,
      now: at("2026-11-26T14:30:00Z"),
    });
    expect(result).toMatchObject({
      status: "new",
      intent: "question",
      priority: 1,
      responseDueAt: at("2026-11-27T07:30:00Z"),
      route: { ruleIndex: null },
    });
  });

  it("keeps the earlier waiting time and the more urgent intent when the citizen writes again", () => {
    const state = {
      status: "open" as const,
      intent: "praise" as const,
      askedAgain: false,
      flagged: false,
      firstMessageAt: at("2026-11-25T08:00:00Z"),
      waitingSince: at("2026-11-25T08:00:00Z"),
      lastMessageAt: at("2026-11-25T08:00:00Z"),
      lastResponseAt: null,
      responseDueAt: at("2026-11-25T12:00:00Z"),
      resolutionDueAt: null,
    };
    const result = takeIn({
      state,
      channelAccountId: account,
      accountDepartmentId: null,
      unanswered: [{ text: "Toll!", receivedAt: state.waitingSince }],
      messages: [message("Und wann öffnet ihr?", "2026-11-25T10:00:00Z")],
      rules,
      now: at("2026-11-25T10:00:00Z"),
    });
    expect(result).toMatchObject({
      status: "open",
      intent: "question",
      waitingSince: state.waitingSince,
      responseDueAt: at("2026-11-25T09:00:00Z"),
      priority: 3,
      route: null,
    });
  });

  it("marks a similar repeated question as asked again, but not a different one", () => {
    const earlier = [{ text: "Wann öffnet das Schwimmbad wieder?", receivedAt: at("2026-11-25T08:00:00Z") }];
    const state = {
      status: "new" as const,
      intent: "question" as const,
      askedAgain: false,
      flagged: false,
      firstMessageAt: earlier[0]!.receivedAt,
      waitingSince: earlier[0]!.receivedAt,
      lastMessageAt: earlier[0]!.receivedAt,
      lastResponseAt: null,
      responseDueAt: null,
      resolutionDueAt: null,
    };
    const again = takeIn({
      state,
      channelAccountId: account,
      accountDepartmentId: null,
      unanswered: earlier,
      messages: [message("Wann öffnet denn das Schwimmbad wieder??", "2026-11-25T08:10:00Z")],
      rules,
      now: at("2026-11-25T08:10:00Z"),
    });
    expect(again).toMatchObject({ askedAgain: true, newlyAskedAgain: true, priority: 3 });
    const other = takeIn({
      state,
      channelAccountId: account,
      accountDepartmentId: null,
      unanswered: earlier,
      messages: [message("Gibt es noch Karten fürs Konzert?", "2026-11-25T08:10:00Z")],
      rules,
      now: at("2026-11-25T08:10:00Z"),
    });
    expect(other.askedAgain).toBe(false);
  });
});

describe("targets and priority", () => {
  it("picks the most specific target and orders overdue questions first", () => {
    const targets = [
      { channelAccountId: null, intent: null, firstResponseMinutes: 480, resolutionMinutes: null },
      { channelAccountId: account, intent: null, firstResponseMinutes: 240, resolutionMinutes: null },
      { channelAccountId: account, intent: "question" as const, firstResponseMinutes: 60, resolutionMinutes: null },
    ];
    expect(targetFor(targets, { channelAccountId: account, intent: "question" }).firstResponseMinutes).toBe(60);
    expect(targetFor(targets, { channelAccountId: account, intent: "praise" }).firstResponseMinutes).toBe(240);
    expect(targetFor(targets, { channelAccountId: "other", intent: "question" }).firstResponseMinutes).toBe(480);
    expect(targetFor([], { channelAccountId: account, intent: "question" }).firstResponseMinutes).toBe(480);
    const p = (intent: "question" | "complaint", overdue: boolean) =>
      conversationPriority({ intent, overdue, askedAgain: false, waiting: true });
    expect([p("question", true), p("complaint", true), p("question", false), p("complaint", false)]).toEqual([
      3, 2, 1, 0,
    ]);
  });
});
