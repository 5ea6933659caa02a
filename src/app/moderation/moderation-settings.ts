// The organisation's moderation settings: read (moderators see the thresholds they work with) and
// changed by those who manage the organisation's rules. Word patterns are checked when saved.
import { moderationSettings } from "../../db/schema/index.js";
import { AppError } from "../../domain/errors.js";
import { ZModerationSettings } from "../../domain/moderation/settings.js";
import { appendAuditEvent } from "../audit/auditTrail.js";
import { inOrganisation, organisationWide } from "../../domain/policy.js";
import { type OrgActor, requireAllowed } from "../authorization.js";
import type { AppContext } from "../context.js";
import { netiquetteInForce } from "../website/publicOrg.js";
import { moderationSettingsOf } from "./moderationRecords.js";

export async function getModerationSettings(ctx: AppContext, options: { actor: OrgActor; orgId: string }) {
  // The thresholds apply to the whole organisation; every moderator reads what they work with.
  requireAllowed(ctx, options.actor, "moderation.view", inOrganisation(options.orgId));
  return { settings: await moderationSettingsOf(ctx.db, options.orgId) };
}

export async function updateModerationSettings(
  ctx: AppContext,
  options: { actor: OrgActor; orgId: string; input: unknown },
) {
  const settings = ZModerationSettings.parse(options.input);
  requireAllowed(ctx, options.actor, "guideline.manage", organisationWide(options.orgId));
  settings.wordRules.forEach((rule, i) => {
    if (rule.match !== "regex") return;
    try {
      new RegExp(rule.pattern, "iu");
    } catch {
      throw new AppError("VALIDATION_FAILED", {
        details: { field: `wordRules.${i}.pattern`, problem: "invalid_regex" },
      });
    }
  });
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const netiquette = await netiquetteInForce(tx, options.orgId);
    const clauses = new Set(netiquette?.clauses.map((c) => c.number) ?? []);
    const cited = [
      settings.insultClause,
      settings.threatClause,
      settings.spamClause,
      ...settings.wordRules.map((r) => r.clause),
    ];
    const unknown = cited.find((c) => !clauses.has(c));
    if (unknown !== undefined)
      throw new AppError("VALIDATION_FAILED", {
        details: { field: "clause", problem: "not_in_netiquette", clause: unknown },
      });
    await tx
      .insert(moderationSettings)
      .values({ orgId: options.orgId, settings, updatedAt: now })
      .onConflictDoUpdate({ target: moderationSettings.orgId, set: { settings, updatedAt: now } });
    await appendAuditEvent(tx, {
      orgId: options.orgId,
      actor: options.actor,
      action: "moderation.settings_changed",
      target: { type: "organisation", id: options.orgId },
      data: { settings },
      occurredAt: now,
    });
    return { settings };
  });
}
