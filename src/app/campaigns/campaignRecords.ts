// Reading a campaign of an organisation, and who may post in it.
import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { campaignParticipants, campaigns } from "../../db/schema/index.js";
import { AppError } from "../../domain/errors.js";
import { authorize } from "../../domain/policy.js";
import type { OrgActor } from "../authorization.js";

export type CampaignRow = typeof campaigns.$inferSelect;

export async function loadCampaign(db: Db, args: { orgId: string; campaignId: string }): Promise<CampaignRow> {
  const [row] = await db
    .select()
    .from(campaigns)
    .where(and(eq(campaigns.id, args.campaignId), eq(campaigns.orgId, args.orgId)));
  if (!row) throw new AppError("VALIDATION_FAILED", { details: { field: "campaignId", problem: "unknown_campaign" } });
  return row;
}

/** Participants post in a campaign; people who manage campaigns may too. */
export async function requireCampaignAuthor(
  db: Db,
  args: { actor: OrgActor; campaign: CampaignRow; now: Date },
): Promise<void> {
  const manages = authorize({
    actor: args.actor,
    action: "campaign.manage",
    resource: { orgId: args.campaign.orgId },
    now: args.now,
  }).allowed;
  if (manages) return;
  const userId = args.actor.userId ?? "";
  const [row] = await db
    .select({ userId: campaignParticipants.userId })
    .from(campaignParticipants)
    .where(and(eq(campaignParticipants.campaignId, args.campaign.id), eq(campaignParticipants.userId, userId)));
  if (!row) throw new AppError("NOT_ALLOWED", { details: { reason: "not_a_campaign_participant" } });
}

export function templateText(campaign: CampaignRow, templateId: string | null): string | null {
  return campaign.templates.find((t) => t.id === templateId)?.text ?? null;
}
