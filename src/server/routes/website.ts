// The administration's side of the website channel: citizen comments (list, answer, release or hide),
// the public-page settings and the Netiquette.
import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../app/context.js";
import { answerWebsiteComment } from "../../app/website/answer-website-comment.js";
import { decideWebsiteComment } from "../../app/website/decide-website-comment.js";
import { getWebsiteSettings } from "../../app/website/get-website-settings.js";
import { listWebsiteComments } from "../../app/website/list-website-comments.js";
import { publishNetiquette } from "../../app/website/publish-netiquette.js";
import { updateWebsiteSettings } from "../../app/website/update-website-settings.js";
import { contractRoute } from "../contractRoutes.js";
import { orgActorOf } from "../plugins/auth.js";

export function websiteRoutes(app: FastifyInstance, options: { ctx: AppContext }) {
  const { ctx } = options;

  contractRoute(
    app,
    "GET /api/orgs/:orgId/website/comments",
    { config: { access: { kind: "org", action: "inbox.view" } } },
    async (request) =>
      listWebsiteComments(ctx, { actor: orgActorOf(request), orgId: request.params.orgId, filter: request.query }),
  );

  contractRoute(
    app,
    "POST /api/orgs/:orgId/website/comments/:commentId/answer",
    { config: { access: { kind: "org", action: "inbox.reply" } } },
    async (request, reply) => {
      reply.status(201);
      return answerWebsiteComment(ctx, { actor: orgActorOf(request), ...request.params, input: request.body });
    },
  );

  contractRoute(
    app,
    "POST /api/orgs/:orgId/website/comments/:commentId/decision",
    { config: { access: { kind: "org", action: "moderation.decide" } } },
    async (request) =>
      decideWebsiteComment(ctx, { actor: orgActorOf(request), ...request.params, input: request.body }),
  );

  contractRoute(
    app,
    "GET /api/orgs/:orgId/website/settings",
    { config: { access: { kind: "org", action: "channel.view" } } },
    async (request) => getWebsiteSettings(ctx, { actor: orgActorOf(request), orgId: request.params.orgId }),
  );

  contractRoute(
    app,
    "PUT /api/orgs/:orgId/website/settings",
    { config: { access: { kind: "org", action: "channel.manage" } } },
    async (request) => ({
      settings: await updateWebsiteSettings(ctx, {
        actor: orgActorOf(request),
        orgId: request.params.orgId,
        input: request.body,
      }),
    }),
  );

  contractRoute(
    app,
    "POST /api/orgs/:orgId/netiquettes",
    { config: { access: { kind: "org", action: "guideline.manage" } } },
    async (request, reply) => {
      reply.status(201);
      return publishNetiquette(ctx, { actor: orgActorOf(request), orgId: request.params.orgId, input: request.body });
    },
  );
}
