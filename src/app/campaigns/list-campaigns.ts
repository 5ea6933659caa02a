// The campaigns a person may follow (of their departments, or taking part) with their participants, newest first.
import { and, desc, eq, inArray } from "drizzle-orm";
import { campaignParticipants, campaigns } from "../../db/schema/index.js";
import { inOrganisation } from "../../domain/policy.js";
import { type OrgActor, requireAllowed } from "../authorization.js";
import type { AppContext } from "../context.js";
import { campaignsWithinScope } from "./campaignRecords.js";

export async function listCampaigns(ctx: AppContext, options: { actor: OrgActor; orgId: string }) {
  requireAllowed(ctx, options.actor, "post.draft", inOrganisation(options.orgId));
  const rows = await ctx.db
    .select()
    .from(campaigns)
    .where(and(eq(campaigns.orgId, options.orgId), campaignsWithinScope(ctx.db, options.actor)))
    .orderBy(desc(campaigns.startsAt));
  const participants = rows.length
    ? await ctx.db
        .select()
        .from(campaignParticipants)
        .where(
          inArray(
            campaignParticipants.campaignId,
            rows.map((r) => r.id),
          ),
        )
    : [];
  return rows.map((c) => ({
    ...c,
    participantIds: participants.filter((p) => p.campaignId === c.id).map((p) => p.userId),
  }));
}
