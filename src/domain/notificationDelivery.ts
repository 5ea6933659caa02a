// Which notifications leave draht by e-mail or Web Push, and when. A notification's kind belongs to one of
// five groups a person sets channels for; in-app is always on. E-mail and push follow the coverage plan:
// a person is reached while on duty, and held back otherwise, so the person on duty is woken and the others
// are not. Pure: the instant, the plan and the calendar are parameters.
import { z } from "zod";
import type { CoverageRole } from "./coverage.js";
import { isAbsent } from "./coverage.js";
import type { TWeeklyWindow } from "./schedule.js";
import { isWithinWindow } from "./schedule.js";
import { type TBusinessCalendar, isBusinessTime } from "./slaClock.js";

export const NOTIFICATION_GROUPS = [
  "threats",
  "overdue_questions",
  "approvals",
  "mentions",
  "channel_trouble",
] as const;
export type NotificationGroup = (typeof NOTIFICATION_GROUPS)[number];

export const DELIVERY_CHANNELS = ["email", "push"] as const;
export type DeliveryChannel = (typeof DELIVERY_CHANNELS)[number];

/**
 * The group of each notification kind that may leave draht. Kinds not listed stay in-app only: an
 * assignment, knowledge and feed notices (not urgent), and the weekly report (it sends its own e-mail).
 */
const GROUP_OF_KIND: Readonly<Record<string, NotificationGroup>> = {
  threat: "threats",
  shitstorm: "threats",
  moderation_escalation: "threats",
  due_soon: "overdue_questions",
  reminder: "overdue_questions",
  escalation: "overdue_questions",
  approval_waiting: "approvals",
  mention: "mentions",
  article_mention: "mentions",
  channel_health: "channel_trouble",
  idle_channel: "channel_trouble",
};

export function groupOfKind(kind: string): NotificationGroup | null {
  return GROUP_OF_KIND[kind] ?? null;
}

/** The kinds of a group (what the account page lists under it). */
export function kindsOfGroup(group: NotificationGroup): string[] {
  return Object.entries(GROUP_OF_KIND)
    .filter(([, g]) => g === group)
    .map(([kind]) => kind);
}

export const ZChannelChoice = z.object({ email: z.boolean(), push: z.boolean() });
export type TChannelChoice = z.infer<typeof ZChannelChoice>;
export type TNotificationPreferences = Record<NotificationGroup, TChannelChoice>;

/**
 * Until a person chooses: threats come by e-mail and push (they are the one thing that must not wait for
 * the next look at draht), everything else stays in-app.
 */
export const DEFAULT_NOTIFICATION_PREFERENCES: TNotificationPreferences = {
  threats: { email: true, push: true },
  overdue_questions: { email: false, push: false },
  approvals: { email: false, push: false },
  mentions: { email: false, push: false },
  channel_trouble: { email: false, push: false },
};

/** A person's stored choices over the defaults. */
export function preferencesWithDefaults(
  stored: readonly { group: NotificationGroup; email: boolean; push: boolean }[],
): TNotificationPreferences {
  const result = structuredClone(DEFAULT_NOTIFICATION_PREFERENCES);
  for (const row of stored) result[row.group] = { email: row.email, push: row.push };
  return result;
}

export interface DutyFacts {
  /** The person's entries in the organisation's coverage plan (any channel account). */
  entries: readonly { role: CoverageRole; window: TWeeklyWindow | null }[];
  absences: readonly { userId: string; startsOn: string; endsOn: string }[];
  /** The organisation's office hours: the duty times of a person the coverage plan does not name. */
  calendar: TBusinessCalendar;
}

/**
 * Whether a person is on duty at an instant. Named in the coverage plan: inside one of their windows (no
 * window: at any time). Not named: inside the organisation's office hours. Absent: never.
 */
export function isOnDuty(args: { userId: string; at: Date; duty: DutyFacts }): boolean {
  const { duty, at } = args;
  if (isAbsent(duty.absences, args.userId, at, duty.calendar.timeZone)) return false;
  if (duty.entries.length === 0) return isBusinessTime(duty.calendar, at);
  return duty.entries.some((e) => e.window === null || isWithinWindow(e.window, at));
}

export type DeliveryDecision = "send" | "hold" | "skip";

/**
 * How long a held notice waits for the person's duty to begin before it stays in-app only: two weeks, so a
 * threat on a Friday evening reaches its moderators on Monday morning, also after a long holiday weekend.
 */
export const HOLD_AT_MOST_MS = 14 * 24 * 3_600_000;

/**
 * What to do with one e-mail or push of a notification now. A notice read in-app meanwhile, or held for
 * two weeks, is skipped (it stays in-app). While the person is on duty it is sent; off duty it is held and looked
 * at again, so it goes out when their duty begins — the person on duty is reached, the others sleep.
 */
export function deliveryDecision(args: {
  readAt: Date | null;
  createdAt: Date;
  now: Date;
  onDuty: boolean;
}): DeliveryDecision {
  if (args.readAt !== null) return "skip";
  if (args.now.getTime() - args.createdAt.getTime() > HOLD_AT_MOST_MS) return "skip";
  return args.onDuty ? "send" : "hold";
}

/** Waits before the next try after a failed send: 1, 5, 30 min, 2 h, then it counts as failed. */
export const RETRY_DELAYS_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000] as const;

export function nextRetryAt(args: { attempts: number; now: Date }): Date | null {
  const delay = RETRY_DELAYS_MS[args.attempts - 1];
  return delay === undefined ? null : new Date(args.now.getTime() + delay);
}
