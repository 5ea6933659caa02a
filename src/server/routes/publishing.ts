// Channel accounts and guidelines: thin routes that call one use case each.
import type { FastifyInstance } from "fastify";
import { createChannelAccount } from "../../app/channels/create-channel-account.js";
import { listChannelAccounts } from "../../app/channels/list-channel-accounts.js";
import { updateChannelAccount } from "../../app/channels/update-channel-account.js";
import type { AppContext } from "../../app/context.js";
import { acknowledgeGuideline } from "../../app/guidelines/acknowledge-guideline.js";
import { activateGuideline } from "../../app/guidelines/activate-guideline.js";
import { createGuidelineVersion } from "../../app/guidelines/create-guideline-version.js";
import { listGuidelines } from "../../app/guidelines/list-guidelines.js";
import { contractRoute } from "../contractRoutes.js";
import { orgActorOf } from "../plugins/auth.js";
import { found } from "./found.js";

export function channelAndGuidelineRoutes(app: FastifyInstance, options: { ctx: AppContext }) {
  const { ctx } = options;
  const manageChannels = { config: { access: { kind: "org", action: "channel.manage" } as const } };
  const viewGuidelines = { config: { access: { kind: "org", action: "guideline.view" } as const } };
  const manageGuidelines = { config: { access: { kind: "org", action: "guideline.manage" } as const } };

  contractRoute(
    app,
    "GET /api/orgs/:orgId/channels",
    { config: { access: { kind: "org", action: "channel.view" } } },
    async (request) => ({
      channels: await listChannelAccounts(ctx, { actor: orgActorOf(request), orgId: request.params.orgId }),
    }),
  );

  contractRoute(app, "POST /api/orgs/:orgId/channels", manageChannels, async (request, reply) => {
    reply.status(201);
    return createChannelAccount(ctx, { actor: orgActorOf(request), orgId: request.params.orgId, input: request.body });
  });

  contractRoute(app, "PATCH /api/orgs/:orgId/channels/:channelAccountId", manageChannels, async (request) =>
    found(await updateChannelAccount(ctx, { actor: orgActorOf(request), ...request.params, input: request.body })),
  );

  contractRoute(app, "GET /api/orgs/:orgId/guidelines", viewGuidelines, async (request) =>
    listGuidelines(ctx, { actor: orgActorOf(request), orgId: request.params.orgId }),
  );

  contractRoute(app, "POST /api/orgs/:orgId/guidelines", manageGuidelines, async (request, reply) => {
    reply.status(201);
    return createGuidelineVersion(ctx, {
      actor: orgActorOf(request),
      orgId: request.params.orgId,
      input: request.body,
    });
  });

  contractRoute(app, "POST /api/orgs/:orgId/guidelines/:guidelineId/activate", manageGuidelines, async (request) =>
    found(await activateGuideline(ctx, { actor: orgActorOf(request), ...request.params })),
  );

  contractRoute(app, "POST /api/orgs/:orgId/guidelines/:guidelineId/acknowledge", viewGuidelines, async (request) =>
    acknowledgeGuideline(ctx, { actor: orgActorOf(request), ...request.params }),
  );
}
