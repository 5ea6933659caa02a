// Creates a campaign or replaces its settings: window, hashtag, participants and templates; by people who
// manage campaigns of its department before and after the change.
import { and, eq, inArray, isNull } from "drizzle-orm";
import { campaignParticipants, campaigns, memberships } from "../../db/schema/index.js";
import { AppError } from "../../domain/errors.js";
import { scoped } from "../../domain/policy.js";
import { appendAuditEvent } from "../audit/auditTrail.js";
import { type OrgActor, requireAllowed } from "../authorization.js";
import { checkOrgRefs } from "../orgRefs.js";
import { campaignResource, findCampaign } from "./campaignRecords.js";
import type { AppContext } from "../context.js";
import { type TCampaignInput, ZCampaignInput } from "../../contract/postSchemas.js";

export async function saveCampaign(
  ctx: AppContext,
  options: { actor: OrgActor; orgId: string; campaignId?: string; input: TCampaignInput },
) {
  const input = ZCampaignInput.parse(options.input);
  requireAllowed(
    ctx,
    options.actor,
    "campaign.manage",
    scoped({ orgId: options.orgId, departmentId: input.departmentId }),
  );
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    if (options.campaignId) {
      // Moving a campaign into one's department is changing the other department's campaign.
      const current = await findCampaign(tx, { orgId: options.orgId, campaignId: options.campaignId });
      if (!current) throw new AppError("NOT_FOUND");
      requireAllowed(ctx, options.actor, "campaign.manage", campaignResource(current));
    }
    await checkOrgRefs(tx, { orgId: options.orgId, departmentId: input.departmentId });
    const participants = [...new Set(input.participantIds)];
    if (participants.length > 0) {
      const members = await tx
        .select({ userId: memberships.userId })
        .from(memberships)
        .where(
          and(
            eq(memberships.orgId, options.orgId),
            inArray(memberships.userId, participants),
            isNull(memberships.disabledAt),
          ),
        );
      if (members.length !== participants.length)
        throw new AppError("VALIDATION_FAILED", { details: { field: "participantIds", problem: "not_a_member" } });
    }
    const values = {
      name: input.name,
      hashtag: input.hashtag,
      startsAt: new Date(input.startsAt),
      endsAt: new Date(input.endsAt),
      departmentId: input.departmentId,
      templates: input.templates,
      updatedAt: now,
    };
    let campaign;
    if (options.campaignId) {
      [campaign] = await tx
        .update(campaigns)
        .set(values)
        .where(and(eq(campaigns.id, options.campaignId), eq(campaigns.orgId, options.orgId)))
        .returning();
      if (!campaign) throw new AppError("NOT_FOUND");
      await tx.delete(campaignParticipants).where(eq(campaignParticipants.campaignId, campaign.id));
    } else {
      [campaign] = await tx
        .insert(campaigns)
        .values({ ...values, orgId: options.orgId, createdByUserId: options.actor.userId, createdAt: now })
        .returning();
      if (!campaign) throw new Error("insert returned nothing");
    }
    const campaignId = campaign.id;
    if (participants.length > 0)
      await tx.insert(campaignParticipants).values(participants.map((userId) => ({ campaignId, userId })));
    await appendAuditEvent(tx, {
      orgId: options.orgId,
      actor: options.actor,
      action: options.campaignId ? "campaign.updated" : "campaign.created",
      target: { type: "campaign", id: campaign.id },
      data: {
        name: campaign.name,
        hashtag: campaign.hashtag,
        participants: participants.length,
        templates: input.templates.length,
      },
      occurredAt: now,
    });
    return { ...campaign, participantIds: participants };
  });
}
