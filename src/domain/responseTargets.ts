// Response-time targets (SLA) in business hours: when a first answer is due, and whether a
// conversation is on time, due soon, overdue, or met/missed its target. Pure: now is a parameter.
import { type TBusinessCalendar, addBusinessTime, businessMsBetween } from "./slaClock.js";

export type TargetState = "on_time" | "due_soon" | "overdue" | "met" | "missed";

export interface TargetView {
  state: TargetState;
  dueAt: Date;
  /** Business time left (negative when overdue); null once answered. */
  remainingMs: number | null;
}

/** A target counts as "due soon" in its last fifth (at least the last 30 business minutes). */
const DUE_SOON_SHARE = 0.2;
const DUE_SOON_MIN_MS = 30 * 60_000;

export function targetView(args: { calendar: TBusinessCalendar; since: Date; targetMs: number; doneAt: Date | null; now: Date }): TargetView {
  const dueAt = addBusinessTime(args.calendar, args.since, args.targetMs);
  if (args.doneAt) return { state: args.doneAt <= dueAt ? "met" : "missed", dueAt, remainingMs: null };
  if (args.now >= dueAt) return { state: "overdue", dueAt, remainingMs: -businessMsBetween(args.calendar, dueAt, args.now) };
  const remainingMs = businessMsBetween(args.calendar, args.now, dueAt);
  const soon = Math.max(DUE_SOON_MIN_MS, args.targetMs * DUE_SOON_SHARE);
  return { state: remainingMs <= soon ? "due_soon" : "on_time", dueAt, remainingMs };
}

/**
 * Escalation steps for an unanswered conversation: the deputy when the target is overdue, the head of
 * the department when it is overdue by the target's length again.
 */
export function escalationLevel(view: TargetView, targetMs: number): "none" | "deputy" | "department_head" {
  if (view.state !== "overdue" || view.remainingMs === null) return "none";
  return -view.remainingMs >= targetMs ? "department_head" : "deputy";
}
