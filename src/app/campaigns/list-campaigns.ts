// The campaigns of an organisation with their participants, newest first.
import { desc, eq, inArray } from "drizzle-orm";
import { campaignParticipants, campaigns } from "../../db/schema/index.js";
import { type OrgActor, requireAllowed } from "../authorization.js";
import type { AppContext } from "../context.js";

export async function listCampaigns(ctx: AppContext, options: { actor: OrgActor; orgId: string }) {
  requireAllowed(ctx, options.actor, "post.draft", { orgId: options.orgId });
  const rows = await ctx.db
    .select()
    .from(campaigns)
    .where(eq(campaigns.orgId, options.orgId))
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
