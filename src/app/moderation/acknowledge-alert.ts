// A moderator acknowledges a shitstorm alert (it leaves the queue's banner); optionally the website's
// pre-moderation is switched on for all comments, as the alert suggests.
import { and, eq } from "drizzle-orm";
import { channelAccounts, moderationAlerts, websiteSettings } from "../../db/schema/index.js";
import { AppError } from "../../domain/errors.js";
import { appendAuditEvent } from "../audit/auditTrail.js";
import { organisationWide } from "../../domain/policy.js";
import { type OrgActor, requireAllowed } from "../authorization.js";
import type { AppContext } from "../context.js";
import { channelAccountResource } from "../channels/channelAccess.js";
import { ZAcknowledge } from "../../contract/moderation.js";

export async function acknowledgeAlert(
  ctx: AppContext,
  options: { actor: OrgActor; orgId: string; alertId: string; input: unknown },
) {
  const input = ZAcknowledge.parse(options.input ?? {});
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ alert: moderationAlerts, account: channelAccounts })
      .from(moderationAlerts)
      .innerJoin(channelAccounts, eq(channelAccounts.id, moderationAlerts.channelAccountId))
      .where(and(eq(moderationAlerts.id, options.alertId), eq(moderationAlerts.orgId, options.orgId)));
    if (!row) throw new AppError("NOT_FOUND");
    requireAllowed(ctx, options.actor, "moderation.decide", channelAccountResource(row.account));
    await tx.update(moderationAlerts).set({ status: "acknowledged" }).where(eq(moderationAlerts.id, row.alert.id));
    let preModerated = false;
    if (input.preModerate) {
      if (row.account.network !== "website")
        throw new AppError("CHANNEL_UNSUPPORTED", {
          details: { action: "pre_moderation", network: row.account.network },
        });
      // Pre-moderation is a setting of the organisation's website.
      requireAllowed(ctx, options.actor, "channel.manage", organisationWide(options.orgId));
      await tx
        .update(websiteSettings)
        .set({ preModeration: "all", updatedAt: now })
        .where(eq(websiteSettings.orgId, options.orgId));
      preModerated = true;
    }
    await appendAuditEvent(tx, {
      orgId: options.orgId,
      actor: options.actor,
      action: "moderation.alert_acknowledged",
      target: { type: "moderation_alert", id: row.alert.id },
      data: { preModerated },
      occurredAt: now,
    });
    return { id: row.alert.id, preModerated };
  });
}
