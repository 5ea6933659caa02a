// Campaigns: list, create, change, and the live board.
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { getCampaignBoard } from "../../app/campaigns/get-campaign-board.js";
import { listCampaigns } from "../../app/campaigns/list-campaigns.js";
import { saveCampaign } from "../../app/campaigns/save-campaign.js";
import { ZCampaignInput } from "../../app/campaigns/schemas.js";
import type { AppContext } from "../../app/context.js";
import { orgActorOf } from "../plugins/auth.js";
import { ZOrgParams } from "./params.js";

const ZCampaignParams = ZOrgParams.extend({ campaignId: z.uuid() });

export function campaignRoutes(app: FastifyInstance, options: { ctx: AppContext }) {
  const { ctx } = options;
  const manage = { config: { access: { kind: "org", action: "campaign.manage" } as const } };

  app.get(
    "/api/orgs/:orgId/campaigns",
    { config: { access: { kind: "org", action: "post.draft" } } },
    async (request) => {
      const { orgId } = ZOrgParams.parse(request.params);
      return { campaigns: await listCampaigns(ctx, { actor: orgActorOf(request), orgId }) };
    },
  );

  app.post("/api/orgs/:orgId/campaigns", manage, async (request, reply) => {
    const { orgId } = ZOrgParams.parse(request.params);
    const input = ZCampaignInput.parse(request.body);
    reply.status(201);
    return saveCampaign(ctx, { actor: orgActorOf(request), orgId, input });
  });

  app.put("/api/orgs/:orgId/campaigns/:campaignId", manage, async (request) => {
    const params = ZCampaignParams.parse(request.params);
    return saveCampaign(ctx, { actor: orgActorOf(request), ...params, input: ZCampaignInput.parse(request.body) });
  });

  app.get(
    "/api/orgs/:orgId/campaigns/:campaignId/board",
    { config: { access: { kind: "org", action: "post.draft" } } },
    async (request) => {
      const params = ZCampaignParams.parse(request.params);
      return getCampaignBoard(ctx, { actor: orgActorOf(request), ...params });
    },
  );
}
