// Channel accounts, guidelines and posts: thin routes that parse the request and call one use case.
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { createChannelAccount } from "../../app/channels/create-channel-account.js";
import { listChannelAccounts } from "../../app/channels/list-channel-accounts.js";
import { ZChannelAccountInput, ZChannelAccountUpdate } from "../../app/channels/schemas.js";
import { updateChannelAccount } from "../../app/channels/update-channel-account.js";
import type { AppContext } from "../../app/context.js";
import { acknowledgeGuideline } from "../../app/guidelines/acknowledge-guideline.js";
import { activateGuideline } from "../../app/guidelines/activate-guideline.js";
import { createGuidelineVersion } from "../../app/guidelines/create-guideline-version.js";
import { listGuidelines } from "../../app/guidelines/list-guidelines.js";
import { ZGuidelineInput } from "../../app/guidelines/schemas.js";
import { orgActorOf } from "../plugins/auth.js";
import { ZOrgParams } from "./params.js";

const ZChannelParams = ZOrgParams.extend({ channelAccountId: z.uuid() });
const ZGuidelineParams = ZOrgParams.extend({ guidelineId: z.uuid() });

export function channelAndGuidelineRoutes(app: FastifyInstance, options: { ctx: AppContext }) {
  const { ctx } = options;

  app.get(
    "/api/orgs/:orgId/channels",
    { config: { access: { kind: "org", action: "channel.view" } } },
    async (request) => {
      const { orgId } = ZOrgParams.parse(request.params);
      return { channels: await listChannelAccounts(ctx, { actor: orgActorOf(request), orgId }) };
    },
  );

  app.post(
    "/api/orgs/:orgId/channels",
    { config: { access: { kind: "org", action: "channel.manage" } } },
    async (request, reply) => {
      const { orgId } = ZOrgParams.parse(request.params);
      const input = ZChannelAccountInput.parse(request.body);
      reply.status(201);
      return createChannelAccount(ctx, { actor: orgActorOf(request), orgId, input });
    },
  );

  app.patch(
    "/api/orgs/:orgId/channels/:channelAccountId",
    { config: { access: { kind: "org", action: "channel.manage" } } },
    async (request) => {
      const params = ZChannelParams.parse(request.params);
      const input = ZChannelAccountUpdate.parse(request.body);
      return updateChannelAccount(ctx, { actor: orgActorOf(request), ...params, input });
    },
  );

  app.get(
    "/api/orgs/:orgId/guidelines",
    { config: { access: { kind: "org", action: "guideline.view" } } },
    async (request) => {
      const { orgId } = ZOrgParams.parse(request.params);
      return listGuidelines(ctx, { actor: orgActorOf(request), orgId });
    },
  );

  app.post(
    "/api/orgs/:orgId/guidelines",
    { config: { access: { kind: "org", action: "guideline.manage" } } },
    async (request, reply) => {
      const { orgId } = ZOrgParams.parse(request.params);
      const input = ZGuidelineInput.parse(request.body);
      reply.status(201);
      return createGuidelineVersion(ctx, { actor: orgActorOf(request), orgId, input });
    },
  );

  app.post(
    "/api/orgs/:orgId/guidelines/:guidelineId/activate",
    { config: { access: { kind: "org", action: "guideline.manage" } } },
    async (request) => {
      const params = ZGuidelineParams.parse(request.params);
      return activateGuideline(ctx, { actor: orgActorOf(request), ...params });
    },
  );

  app.post(
    "/api/orgs/:orgId/guidelines/:guidelineId/acknowledge",
    { config: { access: { kind: "org", action: "guideline.view" } } },
    async (request) => {
      const params = ZGuidelineParams.parse(request.params);
      return acknowledgeGuideline(ctx, { actor: orgActorOf(request), ...params });
    },
  );
}
