// Response-time targets (SLA) in business hours: when a first answer is due, and whether a
// conversation is on time, due soon, overdue, or met/missed its target. Pure: now is a parameter.
import { z } from "zod";
import { INTENTS, type Intent } from "../text/analysis.js";
import { type TBusinessCalendar, addBusinessTime, businessMsBetween } from "./slaClock.js";

export type TargetState = "on_time" | "due_soon" | "overdue" | "met" | "missed";

export interface TargetView {
  state: TargetState;
  dueAt: Date;
  /** Business time left (negative when overdue); null once answered. */
  remainingMs: number | null;
}

/** A target counts as "due soon" in its last fifth, and at least in its last half hour (also the reminder's window). */
const DUE_SOON_SHARE = 0.2;
export const DUE_SOON_MS = 30 * 60_000;

export function targetView(args: {
  calendar: TBusinessCalendar;
  since: Date;
  targetMs: number;
  doneAt: Date | null;
  now: Date;
}): TargetView {
  return viewOfDue({ ...args, dueAt: addBusinessTime(args.calendar, args.since, args.targetMs) });
}

/** The same from a due time already set (conversations store theirs when a message arrives). */
export function viewOfDue(args: {
  calendar: TBusinessCalendar;
  dueAt: Date;
  targetMs: number;
  doneAt: Date | null;
  now: Date;
}): TargetView {
  const { dueAt } = args;
  if (args.doneAt) return { state: args.doneAt <= dueAt ? "met" : "missed", dueAt, remainingMs: null };
  if (args.now >= dueAt)
    return { state: "overdue", dueAt, remainingMs: -businessMsBetween(args.calendar, dueAt, args.now) };
  const remainingMs = businessMsBetween(args.calendar, args.now, dueAt);
  const soon = Math.max(DUE_SOON_MS, args.targetMs * DUE_SOON_SHARE);
  return { state: remainingMs <= soon ? "due_soon" : "on_time", dueAt, remainingMs };
}

/**
 * Where a stored due time stands for the inbox's lists and the start page: overdue once it has passed, due soon
 * within the reminder's half hour (the window remindDueSoon uses), null otherwise or when nothing waits.
 * Lists count in SQL with the same bounds (`dueSoonUntil`).
 */
export function answerDueState(dueAt: Date | null, now: Date): "overdue" | "due_soon" | null {
  if (dueAt === null) return null;
  if (dueAt <= now) return "overdue";
  return dueAt <= dueSoonUntil(now) ? "due_soon" : null;
}

/** The end of the "due soon" window: a due time after now and at most this is due soon. */
export function dueSoonUntil(now: Date): Date {
  return new Date(now.getTime() + DUE_SOON_MS);
}

/**
 * Escalation steps for an unanswered conversation: the deputy when the target is overdue, the head of
 * the department when it is overdue by the target's length again.
 */
export function escalationLevel(view: TargetView, targetMs: number): "none" | "deputy" | "department_head" {
  if (view.state !== "overdue" || view.remainingMs === null) return "none";
  return -view.remainingMs >= targetMs ? "department_head" : "deputy";
}

/** A response-time target as an organisation sets it: per channel account and intent (null = any). */
export const ZResponseTarget = z.object({
  channelAccountId: z.uuid().nullable().default(null),
  intent: z.enum(INTENTS).nullable().default(null),
  /** Business minutes until the first answer is due. */
  firstResponseMinutes: z
    .number()
    .int()
    .min(1)
    .max(60 * 24 * 30),
  /** Business minutes until the conversation should be closed; null = no resolution target. */
  resolutionMinutes: z
    .number()
    .int()
    .min(1)
    .max(60 * 24 * 90)
    .nullable()
    .default(null),
});
export type TResponseTarget = z.infer<typeof ZResponseTarget>;
export const ZResponseTargets = z.array(ZResponseTarget).max(500);

/** Until an organisation sets its own: one business day for a first answer, five for closing. */
export const DEFAULT_RESPONSE_TARGET: TResponseTarget = {
  channelAccountId: null,
  intent: null,
  firstResponseMinutes: 8 * 60,
  resolutionMinutes: 5 * 8 * 60,
};

/** The most specific target: account and intent, then account, then intent, then the organisation's default. */
export function targetFor(
  targets: readonly TResponseTarget[],
  at: { channelAccountId: string; intent: Intent },
): TResponseTarget {
  const rank = (t: TResponseTarget) =>
    (t.channelAccountId === at.channelAccountId ? 2 : 0) + (t.intent === at.intent ? 1 : 0);
  const applicable = targets.filter(
    (t) =>
      (t.channelAccountId === null || t.channelAccountId === at.channelAccountId) &&
      (t.intent === null || t.intent === at.intent),
  );
  return applicable.sort((a, b) => rank(b) - rank(a))[0] ?? DEFAULT_RESPONSE_TARGET;
}

/**
 * Where a conversation stands in the inbox's default order: 3 = an overdue question or a question
 * asked again, 2 = anything else overdue, 1 = a question on time, 0 = the rest.
 */
export function conversationPriority(args: {
  intent: Intent;
  overdue: boolean;
  askedAgain: boolean;
  waiting: boolean;
}): number {
  if (!args.waiting) return 0;
  if (args.intent === "question" && (args.overdue || args.askedAgain)) return 3;
  if (args.overdue || args.askedAgain) return 2;
  return args.intent === "question" ? 1 : 0;
}

/** The most pressing intent among a conversation's unanswered messages decides its target. */
const INTENT_WEIGHT: Record<Intent, number> = { question: 4, complaint: 3, fact_claim: 2, praise: 1, other: 0 };
export function moreUrgentIntent(a: Intent, b: Intent): Intent {
  return INTENT_WEIGHT[b] > INTENT_WEIGHT[a] ? b : a;
}
