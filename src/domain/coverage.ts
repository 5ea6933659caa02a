// Continuity: the coverage plan says who looks after which channel account when (responsible people
// and deputies, each optionally within a weekly window), absences take people out for whole days, and
// escalation finds who must hear about an overdue conversation. Pure: instants are parameters.
import { z } from "zod";
import { type TWeeklyWindow, ZWeeklyWindow, isWithinWindow } from "./schedule.js";
import { localDate } from "./slaClock.js";

export const COVERAGE_ROLES = ["responsible", "deputy"] as const;
export type CoverageRole = (typeof COVERAGE_ROLES)[number];

export const ZCoverageEntry = z.object({
  channelAccountId: z.uuid(),
  userId: z.uuid(),
  role: z.enum(COVERAGE_ROLES),
  /** null = at any time. */
  window: ZWeeklyWindow.nullable().default(null),
});
export type TCoverageEntry = z.infer<typeof ZCoverageEntry>;
export const ZCoveragePlan = z.array(ZCoverageEntry).max(1000);

export const ZAbsence = z
  .object({
    userId: z.uuid(),
    startsOn: z.iso.date(),
    endsOn: z.iso.date(),
    note: z.string().trim().max(200).default(""),
  })
  .refine((a) => a.startsOn <= a.endsOn, { message: "the absence ends before it starts", path: ["endsOn"] });
export type TAbsence = z.infer<typeof ZAbsence>;

export function isAbsent(
  absences: readonly Pick<TAbsence, "userId" | "startsOn" | "endsOn">[],
  userId: string,
  at: Date,
  timeZone: string,
): boolean {
  const day = localDate(at, timeZone);
  return absences.some((a) => a.userId === userId && a.startsOn <= day && day <= a.endsOn);
}

/** Who looks after a channel account at an instant: present responsible people and present deputies. */
export function onDuty(args: {
  plan: readonly { channelAccountId: string; userId: string; role: CoverageRole; window: TWeeklyWindow | null }[];
  absences: readonly Pick<TAbsence, "userId" | "startsOn" | "endsOn">[];
  channelAccountId: string;
  at: Date;
  timeZone: string;
}): { responsible: string[]; deputies: string[] } {
  const present = args.plan.filter(
    (e) =>
      e.channelAccountId === args.channelAccountId &&
      (e.window === null || isWithinWindow(e.window, args.at)) &&
      !isAbsent(args.absences, e.userId, args.at, args.timeZone),
  );
  const unique = (role: CoverageRole) => [...new Set(present.filter((e) => e.role === role).map((e) => e.userId))];
  return { responsible: unique("responsible"), deputies: unique("deputy") };
}

/**
 * Who hears about an escalation. Step 1 (overdue, or asked again): the assignee if present, and the
 * deputies on duty; without an assignee the responsible people on duty (their deputies when nobody
 * responsible is there). Step 2: the heads of the conversation's department, else the person
 * accountable for the channel account. Never an empty list while anyone is named at all.
 */
export function escalationRecipients(args: {
  level: 1 | 2;
  assigneeUserId: string | null;
  assigneeAbsent: boolean;
  duty: { responsible: string[]; deputies: string[] };
  departmentHeads: readonly string[];
  accountableUserId: string | null;
}): string[] {
  const list: string[] = [];
  if (args.level === 1) {
    if (args.assigneeUserId && !args.assigneeAbsent) list.push(args.assigneeUserId);
    else if (!args.assigneeUserId) list.push(...args.duty.responsible);
    list.push(...args.duty.deputies);
    if (list.length === 0 && args.accountableUserId) list.push(args.accountableUserId);
  } else {
    list.push(...args.departmentHeads);
    if (list.length === 0 && args.accountableUserId) list.push(args.accountableUserId);
  }
  return [...new Set(list)];
}

/**
 * Who is reminded that an answer is due soon: the assignee when present, else the responsible people on
 * duty, else the deputies on duty, else the person accountable for the channel account.
 */
export function dueSoonRecipients(args: {
  assigneeUserId: string | null;
  assigneeAbsent: boolean;
  duty: { responsible: string[]; deputies: string[] };
  accountableUserId: string | null;
}): string[] {
  if (args.assigneeUserId && !args.assigneeAbsent) return [args.assigneeUserId];
  if (args.duty.responsible.length) return [...args.duty.responsible];
  if (args.duty.deputies.length) return [...args.duty.deputies];
  return args.accountableUserId ? [args.accountableUserId] : [];
}
