// Reading a campaign of an organisation, and who may follow and post in it: people of its department
// (the whole organisation's campaign: people without a department limit) and its participants, whom
// taking part grants exactly that, whatever their departments.
import { type SQL, and, eq, inArray, or } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { campaignParticipants, campaigns } from "../../db/schema/index.js";
import { AppError } from "../../domain/errors.js";
import { type Resource, authorize, scoped } from "../../domain/policy.js";
import type { Action } from "../../domain/roles.js";
import { type OrgActor, requireAllowed } from "../authorization.js";
import type { AppContext } from "../context.js";
import { departmentWithin } from "../scope.js";

export type CampaignRow = typeof campaigns.$inferSelect;

export const campaignResource = (campaign: Pick<CampaignRow, "orgId" | "departmentId">): Resource =>
  scoped({ orgId: campaign.orgId, departmentId: campaign.departmentId });

/** The campaign, or null when the organisation has none with this id. */
export async function findCampaign(db: Db, args: { orgId: string; campaignId: string }): Promise<CampaignRow | null> {
  const [row] = await db
    .select()
    .from(campaigns)
    .where(and(eq(campaigns.id, args.campaignId), eq(campaigns.orgId, args.orgId)));
  return row ?? null;
}

/** A campaign named in a post's input; an unknown one is a wrong input. */
export async function loadCampaign(db: Db, args: { orgId: string; campaignId: string }): Promise<CampaignRow> {
  const row = await findCampaign(db, args);
  if (!row) throw new AppError("VALIDATION_FAILED", { details: { field: "campaignId", problem: "unknown_campaign" } });
  return row;
}

async function isParticipant(db: Db, actor: OrgActor, campaignId: string): Promise<boolean> {
  if (!actor.userId) return false;
  const [row] = await db
    .select({ userId: campaignParticipants.userId })
    .from(campaignParticipants)
    .where(and(eq(campaignParticipants.campaignId, campaignId), eq(campaignParticipants.userId, actor.userId)));
  return row !== undefined;
}

/** Refuses a person who may neither take `action` in the campaign's department nor takes part in it. */
export async function requireFollowsCampaign(
  ctx: AppContext,
  args: { actor: OrgActor; campaign: CampaignRow; action: Action },
): Promise<void> {
  if (await isParticipant(ctx.db, args.actor, args.campaign.id)) return;
  requireAllowed(ctx, args.actor, args.action, campaignResource(args.campaign));
}

/** The campaigns a person may follow, as SQL: of their departments, or taking part. */
export function campaignsWithinScope(db: Db, actor: OrgActor): SQL | undefined {
  const ofDepartments = departmentWithin(actor, campaigns.departmentId);
  if (ofDepartments === undefined) return undefined;
  const taking = db
    .select({ id: campaignParticipants.campaignId })
    .from(campaignParticipants)
    .where(eq(campaignParticipants.userId, actor.userId ?? "00000000-0000-0000-0000-000000000000"));
  return or(ofDepartments, inArray(campaigns.id, taking));
}

/** Participants post in a campaign; people who manage campaigns of its department may too. */
export async function requireCampaignAuthor(
  db: Db,
  args: { actor: OrgActor; campaign: CampaignRow; now: Date },
): Promise<void> {
  const manages = authorize({
    actor: args.actor,
    action: "campaign.manage",
    resource: campaignResource(args.campaign),
    now: args.now,
  }).allowed;
  if (manages || (await isParticipant(db, args.actor, args.campaign.id))) return;
  throw new AppError("NOT_ALLOWED", { details: { reason: "not_a_campaign_participant" } });
}

export function templateText(campaign: CampaignRow, templateId: string | null): string | null {
  return campaign.templates.find((t) => t.id === templateId)?.text ?? null;
}
