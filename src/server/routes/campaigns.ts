// Campaigns: list, create, change, and the live board.
import type { FastifyInstance } from "fastify";
import { getCampaignBoard } from "../../app/campaigns/get-campaign-board.js";
import { listCampaigns } from "../../app/campaigns/list-campaigns.js";
import { saveCampaign } from "../../app/campaigns/save-campaign.js";
import type { AppContext } from "../../app/context.js";
import { contractRoute } from "../contractRoutes.js";
import { orgActorOf } from "../plugins/auth.js";

export function campaignRoutes(app: FastifyInstance, options: { ctx: AppContext }) {
  const { ctx } = options;
  const draft = { config: { access: { kind: "org", action: "post.draft" } as const } };
  const manage = { config: { access: { kind: "org", action: "campaign.manage" } as const } };

  contractRoute(app, "GET /api/orgs/:orgId/campaigns", draft, async (request) => ({
    campaigns: await listCampaigns(ctx, { actor: orgActorOf(request), orgId: request.params.orgId }),
  }));

  contractRoute(app, "POST /api/orgs/:orgId/campaigns", manage, async (request, reply) => {
    reply.status(201);
    return saveCampaign(ctx, { actor: orgActorOf(request), orgId: request.params.orgId, input: request.body });
  });

  contractRoute(app, "PUT /api/orgs/:orgId/campaigns/:campaignId", manage, async (request) =>
    saveCampaign(ctx, { actor: orgActorOf(request), ...request.params, input: request.body }),
  );

  contractRoute(app, "GET /api/orgs/:orgId/campaigns/:campaignId/board", draft, async (request) =>
    getCampaignBoard(ctx, { actor: orgActorOf(request), ...request.params }),
  );
}
