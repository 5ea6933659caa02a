// Posts: the composer (create, autosave, live check), submission, approval decisions, withdrawal,
// rescheduling, retraction and manual retry; the calendar and its public holidays.
import type { FastifyInstance } from "fastify";
import { listHolidays } from "../../app/calendar/list-holidays.js";
import type { AppContext } from "../../app/context.js";
import { checkPostDraft } from "../../app/posts/check-post.js";
import { createPost } from "../../app/posts/create-post.js";
import { decidePost } from "../../app/posts/decide-post.js";
import { getPost } from "../../app/posts/get-post.js";
import { listPosts } from "../../app/posts/list-posts.js";
import { reschedulePost } from "../../app/posts/reschedule-post.js";
import { retractPost } from "../../app/posts/retract-post.js";
import { retryPost } from "../../app/posts/retry-post.js";
import { savePost } from "../../app/posts/save-post.js";
import { submitPost } from "../../app/posts/submit-post.js";
import { withdrawPost } from "../../app/posts/withdraw-post.js";
import type { ConnectorRegistry } from "../../domain/connector.js";
import { contractRoute } from "../contractRoutes.js";
import { orgActorOf } from "../plugins/auth.js";
import { found } from "./found.js";

export function postRoutes(app: FastifyInstance, options: { ctx: AppContext; connectors: ConnectorRegistry }) {
  const { ctx } = options;
  const draft = { config: { access: { kind: "org", action: "post.draft" } as const } };
  const calendar = { config: { access: { kind: "org", action: "calendar.view" } as const } };
  const publish = { config: { access: { kind: "org", action: "post.publish" } as const } };

  contractRoute(app, "GET /api/orgs/:orgId/posts", draft, async (request) => ({
    posts: await listPosts(ctx, { actor: orgActorOf(request), orgId: request.params.orgId, query: request.query }),
  }));

  contractRoute(app, "GET /api/orgs/:orgId/calendar", calendar, async (request) => ({
    posts: await listPosts(ctx, {
      actor: orgActorOf(request),
      orgId: request.params.orgId,
      query: request.query,
      action: "calendar.view",
    }),
  }));

  contractRoute(app, "GET /api/orgs/:orgId/holidays", calendar, async (request) =>
    listHolidays(ctx, {
      actor: orgActorOf(request),
      orgId: request.params.orgId,
      fromYear: request.query.from,
      toYear: request.query.to,
    }),
  );

  contractRoute(app, "POST /api/orgs/:orgId/posts", draft, async (request, reply) => {
    reply.status(201);
    return createPost(ctx, { actor: orgActorOf(request), orgId: request.params.orgId, input: request.body });
  });

  contractRoute(app, "POST /api/orgs/:orgId/posts/check", draft, async (request) =>
    checkPostDraft(ctx, { actor: orgActorOf(request), orgId: request.params.orgId, input: request.body }),
  );

  contractRoute(app, "GET /api/orgs/:orgId/posts/:postId", draft, async (request) =>
    getPost(ctx, { actor: orgActorOf(request), ...request.params }),
  );

  contractRoute(app, "PUT /api/orgs/:orgId/posts/:postId", draft, async (request) =>
    found(await savePost(ctx, { actor: orgActorOf(request), ...request.params, input: request.body })),
  );

  contractRoute(
    app,
    "POST /api/orgs/:orgId/posts/:postId/submit",
    { config: { access: { kind: "org", action: "post.submit" } } },
    async (request) =>
      found(await submitPost(ctx, { actor: orgActorOf(request), ...request.params, revision: request.body.revision })),
  );

  contractRoute(
    app,
    "POST /api/orgs/:orgId/posts/:postId/decision",
    { config: { access: { kind: "org", action: "post.approve" } } },
    async (request) => decidePost(ctx, { actor: orgActorOf(request), ...request.params, input: request.body }),
  );

  contractRoute(app, "POST /api/orgs/:orgId/posts/:postId/withdraw", draft, async (request) =>
    found(await withdrawPost(ctx, { actor: orgActorOf(request), ...request.params })),
  );

  contractRoute(
    app,
    "POST /api/orgs/:orgId/posts/:postId/reschedule",
    { config: { access: { kind: "org", action: "post.schedule" } } },
    async (request) =>
      found(await reschedulePost(ctx, { actor: orgActorOf(request), ...request.params, input: request.body })),
  );

  contractRoute(app, "POST /api/orgs/:orgId/posts/:postId/retract", publish, async (request) =>
    retractPost(
      ctx,
      { connectors: options.connectors },
      { actor: orgActorOf(request), ...request.params, input: request.body },
    ),
  );

  contractRoute(app, "POST /api/orgs/:orgId/posts/:postId/retry", publish, async (request) =>
    retryPost(ctx, { actor: orgActorOf(request), ...request.params }),
  );
}
