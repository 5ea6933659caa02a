// Posts: the composer (create, autosave, live check), submission, approval decisions, withdrawal,
// rescheduling and manual retry. Each route parses its input and calls one use case.
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { listHolidays } from "../../app/calendar/list-holidays.js";
import type { AppContext } from "../../app/context.js";
import { checkPostDraft } from "../../app/posts/check-post.js";
import { createPost } from "../../app/posts/create-post.js";
import { decidePost } from "../../app/posts/decide-post.js";
import { getPost } from "../../app/posts/get-post.js";
import { ZPostListQuery, listPosts } from "../../app/posts/list-posts.js";
import { reschedulePost } from "../../app/posts/reschedule-post.js";
import { retractPost } from "../../app/posts/retract-post.js";
import { retryPost } from "../../app/posts/retry-post.js";
import { savePost } from "../../app/posts/save-post.js";
import { ZDecision, ZPostContent, ZReschedule, ZSavePost } from "../../app/posts/schemas.js";
import { submitPost } from "../../app/posts/submit-post.js";
import { withdrawPost } from "../../app/posts/withdraw-post.js";
import type { ConnectorRegistry } from "../../domain/connector.js";
import { orgActorOf } from "../plugins/auth.js";
import { ZOrgParams } from "./params.js";

const ZPostParams = ZOrgParams.extend({ postId: z.uuid() });
const ZRevision = z.object({ revision: z.number().int().min(1) });
const ZListQuery = z.object({
  status: z
    .string()
    .optional()
    .transform((s) => (s ? s.split(",") : undefined)),
  from: z.string().optional(),
  to: z.string().optional(),
  departmentId: z.string().optional(),
  channelAccountId: z.string().optional(),
  campaignId: z.string().optional(),
  limit: z.coerce.number().optional(),
});

export function postRoutes(app: FastifyInstance, options: { ctx: AppContext; connectors: ConnectorRegistry }) {
  const { ctx } = options;
  const draftAccess = { config: { access: { kind: "org", action: "post.draft" } as const } };

  app.get("/api/orgs/:orgId/posts", draftAccess, async (request) => {
    const { orgId } = ZOrgParams.parse(request.params);
    const query = ZPostListQuery.parse(ZListQuery.parse(request.query));
    return { posts: await listPosts(ctx, { actor: orgActorOf(request), orgId, query }) };
  });

  app.get(
    "/api/orgs/:orgId/calendar",
    { config: { access: { kind: "org", action: "calendar.view" } } },
    async (request) => {
      const { orgId } = ZOrgParams.parse(request.params);
      const query = ZPostListQuery.parse(ZListQuery.parse(request.query));
      return { posts: await listPosts(ctx, { actor: orgActorOf(request), orgId, query, action: "calendar.view" }) };
    },
  );

  app.get(
    "/api/orgs/:orgId/holidays",
    { config: { access: { kind: "org", action: "calendar.view" } } },
    async (request) => {
      const { orgId } = ZOrgParams.parse(request.params);
      const { from, to } = z
        .object({ from: z.coerce.number().int().min(2000).max(2100), to: z.coerce.number().int().min(2000).max(2100) })
        .parse(request.query);
      return listHolidays(ctx, { actor: orgActorOf(request), orgId, fromYear: from, toYear: to });
    },
  );

  app.post("/api/orgs/:orgId/posts", draftAccess, async (request, reply) => {
    const { orgId } = ZOrgParams.parse(request.params);
    const input = ZPostContent.parse(request.body);
    reply.status(201);
    return createPost(ctx, { actor: orgActorOf(request), orgId, input });
  });

  app.post("/api/orgs/:orgId/posts/check", draftAccess, async (request) => {
    const { orgId } = ZOrgParams.parse(request.params);
    return checkPostDraft(ctx, { actor: orgActorOf(request), orgId, input: ZPostContent.parse(request.body) });
  });

  app.get("/api/orgs/:orgId/posts/:postId", draftAccess, async (request) => {
    const params = ZPostParams.parse(request.params);
    return getPost(ctx, { actor: orgActorOf(request), ...params });
  });

  app.put("/api/orgs/:orgId/posts/:postId", draftAccess, async (request) => {
    const params = ZPostParams.parse(request.params);
    return savePost(ctx, { actor: orgActorOf(request), ...params, input: ZSavePost.parse(request.body) });
  });

  app.post(
    "/api/orgs/:orgId/posts/:postId/submit",
    { config: { access: { kind: "org", action: "post.submit" } } },
    async (request) => {
      const params = ZPostParams.parse(request.params);
      const { revision } = ZRevision.parse(request.body);
      return submitPost(ctx, { actor: orgActorOf(request), ...params, revision });
    },
  );

  app.post(
    "/api/orgs/:orgId/posts/:postId/decision",
    { config: { access: { kind: "org", action: "post.approve" } } },
    async (request) => {
      const params = ZPostParams.parse(request.params);
      return decidePost(ctx, { actor: orgActorOf(request), ...params, input: ZDecision.parse(request.body) });
    },
  );

  app.post("/api/orgs/:orgId/posts/:postId/withdraw", draftAccess, async (request) => {
    const params = ZPostParams.parse(request.params);
    return withdrawPost(ctx, { actor: orgActorOf(request), ...params });
  });

  app.post(
    "/api/orgs/:orgId/posts/:postId/reschedule",
    { config: { access: { kind: "org", action: "post.schedule" } } },
    async (request) => {
      const params = ZPostParams.parse(request.params);
      return reschedulePost(ctx, { actor: orgActorOf(request), ...params, input: ZReschedule.parse(request.body) });
    },
  );

  app.post(
    "/api/orgs/:orgId/posts/:postId/retract",
    { config: { access: { kind: "org", action: "post.publish" } } },
    async (request) => {
      const params = ZPostParams.parse(request.params);
      return retractPost(
        ctx,
        { connectors: options.connectors },
        { actor: orgActorOf(request), ...params, input: request.body },
      );
    },
  );

  app.post(
    "/api/orgs/:orgId/posts/:postId/retry",
    { config: { access: { kind: "org", action: "post.publish" } } },
    async (request) => {
      const params = ZPostParams.parse(request.params);
      return retryPost(ctx, { actor: orgActorOf(request), ...params });
    },
  );
}
