// The knowledge base (Wissen): articles, their steps, versions and comments, the cleanup list, and the
// suggestions for a conversation being answered. Thin: parse, call one use case.
import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../app/context.js";
import { changeArticleStatus } from "../../app/knowledge/change-article-status.js";
import { commentOnArticle } from "../../app/knowledge/comment-on-article.js";
import { diffArticleVersions } from "../../app/knowledge/diff-article-versions.js";
import { getArticle } from "../../app/knowledge/get-article.js";
import { getArticleMedium } from "../../app/knowledge/get-article-medium.js";
import { listArticles } from "../../app/knowledge/list-articles.js";
import { listKnowledgeCleanup } from "../../app/knowledge/list-knowledge-cleanup.js";
import { createArticle } from "../../app/knowledge/create-article.js";
import { updateArticle } from "../../app/knowledge/update-article.js";
import { suggestAnswers } from "../../app/knowledge/suggest-answers.js";
import { contractRoute } from "../contractRoutes.js";
import { orgActorOf } from "../plugins/auth.js";

export function knowledgeRoutes(app: FastifyInstance, options: { ctx: AppContext }) {
  const { ctx } = options;
  const read = { config: { access: { kind: "org", action: "knowledge.view" } as const } };
  const edit = { config: { access: { kind: "org", action: "knowledge.edit" } as const } };
  const answer = { config: { access: { kind: "org", action: "inbox.view" } as const } };

  contractRoute(app, "GET /api/orgs/:orgId/knowledge/articles", read, async (request) =>
    listArticles(ctx, { actor: orgActorOf(request), orgId: request.params.orgId, filter: request.query }),
  );
  contractRoute(app, "POST /api/orgs/:orgId/knowledge/articles", edit, async (request, reply) => {
    reply.status(201);
    return createArticle(ctx, { actor: orgActorOf(request), orgId: request.params.orgId, input: request.body });
  });
  contractRoute(app, "GET /api/orgs/:orgId/knowledge/articles/:articleId", read, async (request) =>
    getArticle(ctx, { actor: orgActorOf(request), ...request.params }),
  );
  contractRoute(app, "PUT /api/orgs/:orgId/knowledge/articles/:articleId", edit, async (request) =>
    updateArticle(ctx, { actor: orgActorOf(request), ...request.params, input: request.body }),
  );
  contractRoute(app, "POST /api/orgs/:orgId/knowledge/articles/:articleId/steps", edit, async (request) =>
    changeArticleStatus(ctx, { actor: orgActorOf(request), ...request.params, input: request.body }),
  );
  contractRoute(app, "GET /api/orgs/:orgId/knowledge/articles/:articleId/diff", read, async (request) =>
    diffArticleVersions(ctx, { actor: orgActorOf(request), ...request.params, ...request.query }),
  );
  // Comments are the work of people who answer or keep knowledge, not of read-only roles (analysts).
  contractRoute(app, "POST /api/orgs/:orgId/knowledge/articles/:articleId/comments", answer, async (request, reply) => {
    reply.status(201);
    return commentOnArticle(ctx, { actor: orgActorOf(request), ...request.params, input: request.body });
  });
  contractRoute(
    app,
    "GET /api/orgs/:orgId/knowledge/articles/:articleId/media/:mediaId",
    read,
    async (request, reply) => {
      const file = await getArticleMedium(ctx, { actor: orgActorOf(request), ...request.params });
      reply
        .header("content-type", file.mimeType)
        .header("cache-control", "private, max-age=3600")
        .header("x-content-type-options", "nosniff");
      return reply.send(file.bytes);
    },
  );
  contractRoute(app, "GET /api/orgs/:orgId/knowledge/cleanup", read, async (request) =>
    listKnowledgeCleanup(ctx, { actor: orgActorOf(request), orgId: request.params.orgId }),
  );
  contractRoute(app, "GET /api/orgs/:orgId/inbox/conversations/:conversationId/suggestions", answer, async (request) =>
    suggestAnswers(ctx, { actor: orgActorOf(request), ...request.params }),
  );
}
