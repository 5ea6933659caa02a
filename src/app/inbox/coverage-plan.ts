// The coverage plan (who looks after which channel account when; deputies) and absences. The plan is
// replaced as a whole by people who run the organisation; anyone in the inbox may enter their own
// absence, people who manage members anybody's.
import { and, asc, eq, gte, inArray, isNull } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.js";
import {
  absences,
  channelAccounts,
  coverageAssignments,
  memberships,
  organisations,
  users,
} from "../../db/schema/index.js";
import { ZCoverageUpdate } from "../../contract/inboxSchemas.js";
import { ZAbsence } from "../../domain/coverage.js";
import { AppError } from "../../domain/errors.js";
import { localDate } from "../../domain/slaClock.js";
import { appendAuditEvent } from "../audit/auditTrail.js";
import { inOrganisation, organisationWide } from "../../domain/policy.js";
import { type OrgActor, requireAllowed } from "../authorization.js";
import type { AppContext } from "../context.js";

/**
 * The coverage plans and the current and coming absences of organisations, for deciding who is on duty
 * (reminders, escalation). A day of slack on the date: isAbsent decides on each organisation's local date.
 */
export async function loadCoverage(tx: Db | Tx, args: { orgIds: readonly string[]; now: Date }) {
  if (args.orgIds.length === 0) return { plan: [], away: [] };
  const plan = await tx
    .select()
    .from(coverageAssignments)
    .where(inArray(coverageAssignments.orgId, [...args.orgIds]));
  const yesterday = new Date(args.now.getTime() - 86_400_000).toISOString().slice(0, 10);
  const away = await tx
    .select()
    .from(absences)
    .where(and(inArray(absences.orgId, [...args.orgIds]), gte(absences.endsOn, yesterday)));
  return { plan, away };
}

export async function getCoveragePlan(ctx: AppContext, options: { actor: OrgActor; orgId: string }) {
  // Who covers which account is read by everyone in the inbox (hand-overs, deputies); changed organisation-wide.
  requireAllowed(ctx, options.actor, "inbox.view", inOrganisation(options.orgId));
  const [org] = await ctx.db
    .select({ timeZone: organisations.timeZone })
    .from(organisations)
    .where(eq(organisations.id, options.orgId));
  const today = localDate(ctx.clock(), org?.timeZone ?? "Europe/Berlin");
  const [plan, away] = await Promise.all([
    ctx.db
      .select({ entry: coverageAssignments, name: users.name })
      .from(coverageAssignments)
      .innerJoin(users, eq(users.id, coverageAssignments.userId))
      .where(eq(coverageAssignments.orgId, options.orgId)),
    ctx.db
      .select({ absence: absences, name: users.name })
      .from(absences)
      .innerJoin(users, eq(users.id, absences.userId))
      .where(and(eq(absences.orgId, options.orgId), gte(absences.endsOn, today)))
      .orderBy(asc(absences.startsOn)),
  ]);
  return {
    plan: plan.map(({ entry, name }) => ({
      channelAccountId: entry.channelAccountId,
      userId: entry.userId,
      userName: name,
      role: entry.role,
      window: entry.window,
    })),
    absences: away.map(({ absence, name }) => ({
      id: absence.id,
      userId: absence.userId,
      userName: name,
      startsOn: absence.startsOn,
      endsOn: absence.endsOn,
      note: absence.note,
    })),
  };
}

export async function updateCoveragePlan(ctx: AppContext, options: { actor: OrgActor; orgId: string; input: unknown }) {
  const plan = ZCoverageUpdate.parse(options.input).plan;
  requireAllowed(ctx, options.actor, "org.update", organisationWide(options.orgId));
  const now = ctx.clock();
  await ctx.db.transaction(async (tx) => {
    const accountIds = [...new Set(plan.map((e) => e.channelAccountId))];
    const userIds = [...new Set(plan.map((e) => e.userId))];
    if (accountIds.length) {
      const found = await tx
        .select({ id: channelAccounts.id })
        .from(channelAccounts)
        .where(and(eq(channelAccounts.orgId, options.orgId), inArray(channelAccounts.id, accountIds)));
      if (found.length !== accountIds.length)
        throw new AppError("VALIDATION_FAILED", {
          details: { field: "channelAccountId", problem: "unknown_channel_account" },
        });
    }
    if (userIds.length) {
      const found = await tx
        .select({ id: memberships.userId })
        .from(memberships)
        .where(
          and(
            eq(memberships.orgId, options.orgId),
            inArray(memberships.userId, userIds),
            isNull(memberships.disabledAt),
          ),
        );
      if (found.length !== userIds.length)
        throw new AppError("VALIDATION_FAILED", { details: { field: "userId", problem: "not_a_member" } });
    }
    await tx.delete(coverageAssignments).where(eq(coverageAssignments.orgId, options.orgId));
    if (plan.length) await tx.insert(coverageAssignments).values(plan.map((e) => ({ orgId: options.orgId, ...e })));
    await appendAuditEvent(tx, {
      orgId: options.orgId,
      actor: options.actor,
      action: "inbox.coverage_updated",
      target: { type: "organisation", id: options.orgId },
      data: { entries: plan.length },
      occurredAt: now,
    });
  });
  return getCoveragePlan(ctx, options);
}

function requireMayEditAbsenceOf(ctx: AppContext, actor: OrgActor, orgId: string, userId: string): void {
  if (userId === actor.userId) return requireAllowed(ctx, actor, "inbox.view", inOrganisation(orgId));
  requireAllowed(ctx, actor, "member.manage", organisationWide(orgId));
}

export async function addAbsence(ctx: AppContext, options: { actor: OrgActor; orgId: string; input: unknown }) {
  const input = ZAbsence.parse(options.input);
  requireMayEditAbsenceOf(ctx, options.actor, options.orgId, input.userId);
  return ctx.db.transaction(async (tx) => {
    const [member] = await tx
      .select({ id: memberships.id })
      .from(memberships)
      .where(and(eq(memberships.orgId, options.orgId), eq(memberships.userId, input.userId)));
    if (!member) throw new AppError("VALIDATION_FAILED", { details: { field: "userId", problem: "not_a_member" } });
    const [row] = await tx
      .insert(absences)
      .values({ orgId: options.orgId, ...input })
      .returning({ id: absences.id });
    if (!row) throw new Error("absence insert returned nothing");
    await appendAuditEvent(tx, {
      orgId: options.orgId,
      actor: options.actor,
      action: "inbox.absence_added",
      target: { type: "user", id: input.userId },
      data: { startsOn: input.startsOn, endsOn: input.endsOn },
      occurredAt: ctx.clock(),
    });
    return { id: row.id };
  });
}

export async function removeAbsence(ctx: AppContext, options: { actor: OrgActor; orgId: string; absenceId: string }) {
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(absences)
      .where(and(eq(absences.id, options.absenceId), eq(absences.orgId, options.orgId)));
    if (!row) throw new AppError("NOT_FOUND");
    requireMayEditAbsenceOf(ctx, options.actor, options.orgId, row.userId);
    await tx.delete(absences).where(eq(absences.id, row.id));
    await appendAuditEvent(tx, {
      orgId: options.orgId,
      actor: options.actor,
      action: "inbox.absence_removed",
      target: { type: "user", id: row.userId },
      data: { startsOn: row.startsOn, endsOn: row.endsOn },
      occurredAt: ctx.clock(),
    });
    return { id: row.id };
  });
}
