// The organisation's office hours and closing days (for response-time targets and the automatic
// acknowledgement), as its members see them, with the days off ahead and when the office next opens.
import { eq } from "drizzle-orm";
import { organisations } from "../../db/schema/index.js";
import { AppError } from "../../domain/errors.js";
import { publicHolidays } from "../../domain/holidays.js";
import {
  DEFAULT_OFFICE_SCHEDULE,
  ZOfficeSchedule,
  calendarOf,
  localDate,
  nextBusinessStart,
} from "../../domain/slaClock.js";
import { appendAuditEvent } from "../audit/auditTrail.js";
import { inOrganisation, organisationWide } from "../../domain/policy.js";
import { type OrgActor, requireAllowed } from "../authorization.js";
import type { AppContext } from "../context.js";

export async function getOfficeSchedule(ctx: AppContext, options: { actor: OrgActor; orgId: string }) {
  // The office hours are the organisation's and everyone works by them: every member reads them.
  requireAllowed(ctx, options.actor, "org.view", inOrganisation(options.orgId));
  const [org] = await ctx.db.select().from(organisations).where(eq(organisations.id, options.orgId));
  if (!org) throw new AppError("NOT_FOUND");
  const now = ctx.clock();
  const today = localDate(now, org.timeZone);
  const year = Number(today.slice(0, 4));
  const schedule = org.officeSchedule ?? DEFAULT_OFFICE_SCHEDULE;
  const holidays = [...publicHolidays(year, org.state), ...publicHolidays(year + 1, org.state)]
    .filter((h) => h.date >= today)
    .map((h) => ({ date: h.date, name: h.name.de, kind: "holiday" as const }));
  const closing = schedule.closingDays
    .filter((d) => d >= today)
    .map((date) => ({ date, name: "", kind: "closing_day" as const }));
  return {
    schedule,
    isDefault: org.officeSchedule === null,
    timeZone: org.timeZone,
    state: org.state,
    daysOff: [...holidays, ...closing].sort((a, b) => a.date.localeCompare(b.date)).slice(0, 12),
    nextOpening: nextBusinessStart(calendarOf(org), now).toISOString(),
  };
}

export async function updateOfficeSchedule(
  ctx: AppContext,
  options: { actor: OrgActor; orgId: string; input: unknown },
) {
  const schedule = ZOfficeSchedule.parse(options.input);
  requireAllowed(ctx, options.actor, "org.update", organisationWide(options.orgId));
  const closingDays = [...new Set(schedule.closingDays)].sort();
  const now = ctx.clock();
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(organisations)
      .set({ officeSchedule: { ...schedule, closingDays } })
      .where(eq(organisations.id, options.orgId))
      .returning({ id: organisations.id });
    if (!row) throw new AppError("NOT_FOUND");
    await appendAuditEvent(tx, {
      orgId: options.orgId,
      actor: options.actor,
      action: "organisation.office_schedule.updated",
      data: { officeHours: schedule.officeHours.length, closingDays: closingDays.length },
      occurredAt: now,
    });
  });
  return getOfficeSchedule(ctx, options);
}
