// Who of an organisation receives the weekly report every Monday: read and chosen by those who manage the
// organisation (org.update, the whole organisation). Recipients must be members who may read reports
// (reports.view: the Monday job skips anyone else); the choice is audited.
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { memberships, users, weeklyReportSettings } from "../../db/schema/index.js";
import { loadGrant } from "../../db/queries/grants.js";
import type { Db, Tx } from "../../db/client.js";
import { ZWeeklyReportSettings } from "../../contract/weeklyReport.js";
import { AppError } from "../../domain/errors.js";
import { authorize, inOrganisation, organisationWide } from "../../domain/policy.js";
import { appendAuditEvent } from "../audit/auditTrail.js";
import { type OrgActor, requireAllowed } from "../authorization.js";
import type { AppContext } from "../context.js";

/** The organisation's active members who may read reports, by name. */
async function readersOf(ctx: AppContext, db: Db | Tx, orgId: string) {
  const members = await db
    .select({ userId: users.id, name: users.name, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.orgId, orgId), isNull(memberships.disabledAt)))
    .orderBy(asc(users.name));
  const now = ctx.clock();
  // One after the other: a transaction's client runs one query at a time (and the members are few).
  const readers: typeof members = [];
  for (const m of members) {
    // Through the same handle: inside the settings' transaction (PGlite has one connection).
    const actor = { userId: m.userId, label: m.email, grant: await loadGrant(db, { userId: m.userId, orgId }) };
    if (authorize({ actor, action: "reports.view", resource: inOrganisation(orgId), now }).allowed) readers.push(m);
  }
  return readers;
}

async function settingsView(ctx: AppContext, db: Db | Tx, orgId: string) {
  const [[row], members] = await Promise.all([
    db.select().from(weeklyReportSettings).where(eq(weeklyReportSettings.orgId, orgId)),
    readersOf(ctx, db, orgId),
  ]);
  return {
    enabled: row?.enabled ?? false,
    recipientUserIds: row?.recipientUserIds ?? [],
    emailConfigured: ctx.mailer !== null,
    members,
    updatedAt: row?.updatedAt ?? null,
  };
}

export async function getWeeklyReportSettings(ctx: AppContext, options: { actor: OrgActor; orgId: string }) {
  requireAllowed(ctx, options.actor, "org.update", organisationWide(options.orgId));
  return settingsView(ctx, ctx.db, options.orgId);
}

export async function updateWeeklyReportSettings(
  ctx: AppContext,
  options: { actor: OrgActor; orgId: string; input: unknown },
) {
  const input = ZWeeklyReportSettings.parse(options.input);
  requireAllowed(ctx, options.actor, "org.update", organisationWide(options.orgId));
  const recipientUserIds = [...new Set(input.recipientUserIds)];
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const members = recipientUserIds.length
      ? await tx
          .select({ userId: memberships.userId })
          .from(memberships)
          .where(and(eq(memberships.orgId, options.orgId), inArray(memberships.userId, recipientUserIds)))
      : [];
    const known = new Set(members.map((m) => m.userId));
    const stranger = recipientUserIds.find((id) => !known.has(id));
    if (stranger !== undefined)
      throw new AppError("VALIDATION_FAILED", {
        details: { field: "recipientUserIds", problem: "not_a_member", userId: stranger },
      });
    const readers = new Set((await readersOf(ctx, tx, options.orgId)).map((m) => m.userId));
    const notReader = recipientUserIds.find((id) => !readers.has(id));
    if (notReader !== undefined)
      throw new AppError("VALIDATION_FAILED", {
        details: { field: "recipientUserIds", problem: "may_not_read_reports", userId: notReader },
      });
    const values = { enabled: input.enabled, recipientUserIds, updatedAt: now };
    await tx
      .insert(weeklyReportSettings)
      .values({ orgId: options.orgId, ...values })
      .onConflictDoUpdate({ target: weeklyReportSettings.orgId, set: values });
    await appendAuditEvent(tx, {
      orgId: options.orgId,
      actor: options.actor,
      action: "reports.weekly_settings_changed",
      target: { type: "organisation", id: options.orgId },
      data: { enabled: input.enabled, recipientUserIds },
      occurredAt: now,
    });
    return settingsView(ctx, tx, options.orgId);
  });
}
