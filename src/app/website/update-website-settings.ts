// Changes the organisation's settings for its public pages (legal links, pre-moderation, retention,
// embedding sites, colours, the transparency page).
import { ZWebsiteSettings } from "../../domain/website/publicSettings.js";
import { websiteSettings } from "../../db/schema/index.js";
import { appendAuditEvent } from "../audit/auditTrail.js";
import { organisationWide } from "../../domain/policy.js";
import { type OrgActor, requireAllowed } from "../authorization.js";
import type { AppContext } from "../context.js";

export async function updateWebsiteSettings(
  ctx: AppContext,
  options: { actor: OrgActor; orgId: string; input: unknown },
) {
  const settings = ZWebsiteSettings.parse(options.input);
  requireAllowed(ctx, options.actor, "channel.manage", organisationWide(options.orgId));
  const now = ctx.clock();
  await ctx.db.transaction(async (tx) => {
    await tx
      .insert(websiteSettings)
      .values({ orgId: options.orgId, ...settings, updatedAt: now })
      .onConflictDoUpdate({ target: websiteSettings.orgId, set: { ...settings, updatedAt: now } });
    await appendAuditEvent(tx, {
      orgId: options.orgId,
      actor: options.actor,
      action: "website.settings.updated",
      data: {
        preModeration: settings.preModeration,
        commentsOpen: settings.commentsOpen,
        retentionDays: settings.retentionDays,
        embedOrigins: settings.embedOrigins,
        transparencyPage: settings.transparencyPage,
      },
      occurredAt: now,
    });
  });
  return settings;
}
