// The administration's side of the website channel: citizen comments (list, answer, release or hide),
// the public-page settings and the Netiquette.
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { AppContext } from "../../app/context.js";
import { answerWebsiteComment } from "../../app/website/answer-website-comment.js";
import { decideWebsiteComment } from "../../app/website/decide-website-comment.js";
import { getWebsiteSettings } from "../../app/website/get-website-settings.js";
import { listWebsiteComments } from "../../app/website/list-website-comments.js";
import { publishNetiquette } from "../../app/website/publish-netiquette.js";
import { updateWebsiteSettings } from "../../app/website/update-website-settings.js";
import { orgActorOf } from "../plugins/auth.js";
import { ZOrgParams } from "./params.js";

const ZCommentParams = ZOrgParams.extend({ commentId: z.uuid() });

export function websiteRoutes(app: FastifyInstance, options: { ctx: AppContext }) {
  const { ctx } = options;

  app.get(
    "/api/orgs/:orgId/website/comments",
    { config: { access: { kind: "org", action: "inbox.view" } } },
    async (request) => {
      const { orgId } = ZOrgParams.parse(request.params);
      return listWebsiteComments(ctx, { actor: orgActorOf(request), orgId, filter: request.query });
    },
  );

  app.post(
    "/api/orgs/:orgId/website/comments/:commentId/answer",
    { config: { access: { kind: "org", action: "inbox.reply" } } },
    async (request, reply) => {
      const params = ZCommentParams.parse(request.params);
      reply.status(201);
      return answerWebsiteComment(ctx, { actor: orgActorOf(request), ...params, input: request.body });
    },
  );

  app.post(
    "/api/orgs/:orgId/website/comments/:commentId/decision",
    { config: { access: { kind: "org", action: "moderation.decide" } } },
    async (request) => {
      const params = ZCommentParams.parse(request.params);
      return decideWebsiteComment(ctx, { actor: orgActorOf(request), ...params, input: request.body });
    },
  );

  app.get(
    "/api/orgs/:orgId/website/settings",
    { config: { access: { kind: "org", action: "channel.view" } } },
    async (request) => {
      const { orgId } = ZOrgParams.parse(request.params);
      return getWebsiteSettings(ctx, { actor: orgActorOf(request), orgId });
    },
  );

  app.put(
    "/api/orgs/:orgId/website/settings",
    { config: { access: { kind: "org", action: "channel.manage" } } },
    async (request) => {
      const { orgId } = ZOrgParams.parse(request.params);
      return { settings: await updateWebsiteSettings(ctx, { actor: orgActorOf(request), orgId, input: request.body }) };
    },
  );

  app.post(
    "/api/orgs/:orgId/netiquettes",
    { config: { access: { kind: "org", action: "guideline.manage" } } },
    async (request, reply) => {
      const { orgId } = ZOrgParams.parse(request.params);
      reply.status(201);
      return publishNetiquette(ctx, { actor: orgActorOf(request), orgId, input: request.body });
    },
  );
}
