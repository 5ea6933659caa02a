// The organisation's inbox rules, read and replaced as a whole: routing rules in order, response-time
// targets per channel account and intent, and the settings (automatic acknowledgement, on networks only
// when switched on; idle warning; "asked again" window). Every referenced department, person and channel
// account must be its own.
import { and, asc, eq, inArray } from "drizzle-orm";
import { channelAccounts, inboxSettings, responseTargets, routingRules } from "../../db/schema/index.js";
import { AppError } from "../../domain/errors.js";
import { DEFAULT_RESPONSE_TARGET } from "../../domain/responseTargets.js";
import { appendAuditEvent } from "../audit/auditTrail.js";
import { inOrganisation, organisationWide } from "../../domain/policy.js";
import { type OrgActor, requireAllowed } from "../authorization.js";
import type { AppContext } from "../context.js";
import { checkOrgRefs } from "../orgRefs.js";
import { inboxSettingsOf } from "./intakeRules.js";
import { ZInboxRules } from "../../contract/inboxSchemas.js";

export async function getInboxRules(ctx: AppContext, options: { actor: OrgActor; orgId: string }) {
  // Routing and targets explain the inbox to everyone who works in it: read by all, changed organisation-wide.
  requireAllowed(ctx, options.actor, "inbox.view", inOrganisation(options.orgId));
  const [rules, targets, settings] = await Promise.all([
    ctx.db.select().from(routingRules).where(eq(routingRules.orgId, options.orgId)).orderBy(asc(routingRules.position)),
    ctx.db.select().from(responseTargets).where(eq(responseTargets.orgId, options.orgId)),
    inboxSettingsOf(ctx.db, options.orgId),
  ]);
  return {
    routing: rules.map((r) => ({
      id: r.id,
      name: r.name,
      channelAccountId: r.channelAccountId,
      keywords: r.keywords,
      intent: r.intent,
      departmentId: r.departmentId,
      assigneeUserId: r.assigneeUserId,
    })),
    targets: targets.map((t) => ({
      channelAccountId: t.channelAccountId,
      intent: t.intent,
      firstResponseMinutes: t.firstResponseMinutes,
      resolutionMinutes: t.resolutionMinutes,
    })),
    defaultTarget: DEFAULT_RESPONSE_TARGET,
    settings,
  };
}

export async function updateInboxRules(ctx: AppContext, options: { actor: OrgActor; orgId: string; input: unknown }) {
  const input = ZInboxRules.parse(options.input);
  requireAllowed(ctx, options.actor, "org.update", organisationWide(options.orgId));
  const now = ctx.clock();
  await ctx.db.transaction(async (tx) => {
    for (const [i, rule] of input.routing.entries()) {
      await checkOrgRefs(tx, {
        orgId: options.orgId,
        departmentId: rule.departmentId,
        assigneeUserId: rule.assigneeUserId,
      }).catch((error: unknown) => {
        if (error instanceof AppError)
          throw new AppError(error.code, {
            details: { ...error.details, field: `routing.${i}.${String(error.details?.field)}` },
          });
        throw error;
      });
    }
    const accountIds = [
      ...new Set(
        [...input.routing, ...input.targets].map((x) => x.channelAccountId).filter((id): id is string => id !== null),
      ),
    ];
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
    const keys = input.targets.map((t) => `${t.channelAccountId}|${t.intent}`);
    if (new Set(keys).size !== keys.length)
      throw new AppError("VALIDATION_FAILED", { details: { field: "targets", problem: "duplicate_target" } });
    await tx.delete(routingRules).where(eq(routingRules.orgId, options.orgId));
    await tx.delete(responseTargets).where(eq(responseTargets.orgId, options.orgId));
    if (input.routing.length)
      await tx
        .insert(routingRules)
        .values(input.routing.map((rule, position) => ({ orgId: options.orgId, position, ...rule })));
    if (input.targets.length)
      await tx.insert(responseTargets).values(input.targets.map((t) => ({ orgId: options.orgId, ...t })));
    await tx
      .insert(inboxSettings)
      .values({ orgId: options.orgId, ...input.settings, updatedAt: now })
      .onConflictDoUpdate({ target: inboxSettings.orgId, set: { ...input.settings, updatedAt: now } });
    await appendAuditEvent(tx, {
      orgId: options.orgId,
      actor: options.actor,
      action: "inbox.rules_updated",
      target: { type: "organisation", id: options.orgId },
      data: { routingRules: input.routing.length, targets: input.targets.length, settings: input.settings },
      occurredAt: now,
    });
  });
  return getInboxRules(ctx, options);
}
