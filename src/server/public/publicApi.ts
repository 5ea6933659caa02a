// The citizens' JSON API, used by the widget and by the script that enhances the public pages. No
// cookies: a citizen session is a bearer token in the x-draht-session header. Cross-site callers are
// allowed only from the origins the organisation lists for embedding (see publicCors.ts).
import type { FastifyInstance, FastifyRequest } from "fastify";
import { z } from "zod";
import type { AppContext } from "../../app/context.js";
import { acceptNetiquette } from "../../app/website/accept-netiquette.js";
import { confirmCommentEmail } from "../../app/website/confirm-comment-email.js";
import { getPublicNetiquette } from "../../app/website/get-public-netiquette.js";
import { deleteOwnComment } from "../../app/website/delete-own-comment.js";
import { getPublicMedium } from "../../app/website/get-public-medium.js";
import { getPublicThread } from "../../app/website/get-public-thread.js";
import { listPublicFeed } from "../../app/website/list-public-feed.js";
import { postCitizenComment } from "../../app/website/post-citizen-comment.js";
import { issueChallenge } from "../../app/website/proofOfWork.js";
import { startCitizenSession } from "../../app/website/start-citizen-session.js";
import { voteInPoll } from "../../app/website/vote-in-poll.js";
import { AppError } from "../../domain/errors.js";
import { sendMedium } from "./mediaResponse.js";
import { registerPublicCors } from "./publicCors.js";
import { appealWebsiteComment } from "../../app/moderation/appeal-moderation-case.js";

export const SESSION_HEADER = "x-draht-session";
const ZOrg = z.object({ org: z.string().min(1).max(100) });
const ZEntry = ZOrg.extend({ entryId: z.uuid() });
const ZComment = ZOrg.extend({ commentId: z.uuid() });
const ZMedium = ZOrg.extend({ mediaId: z.uuid() });
const ZPage = z.object({ page: z.coerce.number().int().min(1).max(100_000).default(1) });
const ZToken = z.object({ token: z.string().min(10).max(200) });
const publicAccess = { config: { access: { kind: "public" } as const } };

const sessionToken = (request: FastifyRequest) => {
  const value = request.headers[SESSION_HEADER];
  return typeof value === "string" && value.length > 0 ? value : undefined;
};

export function publicApiRoutes(app: FastifyInstance, options: { ctx: AppContext }) {
  const { ctx } = options;
  registerPublicCors(app, { ctx });

  app.get("/api/public/orgs/:org/feed", publicAccess, async (request) => {
    const { org } = ZOrg.parse(request.params);
    const { page, limit } = ZPage.extend({ limit: z.coerce.number().int().min(1).max(20).optional() }).parse(
      request.query,
    );
    return listPublicFeed(ctx, { orgKey: org, page, limit });
  });

  app.get("/api/public/orgs/:org/posts/:entryId", publicAccess, async (request) => {
    const { org, entryId } = ZEntry.parse(request.params);
    return getPublicThread(ctx, {
      orgKey: org,
      entryId,
      token: sessionToken(request),
      page: ZPage.parse(request.query).page,
    });
  });

  // The files of published media (the public pages' and the widget's <img> and <video>).
  for (const variant of ["content", "thumbnail"] as const) {
    app.get(`/api/public/orgs/:org/media/:mediaId/${variant}`, publicAccess, async (request, reply) => {
      const { org, mediaId } = ZMedium.parse(request.params);
      return sendMedium(request, reply, await getPublicMedium(ctx, { orgKey: org, mediaId, variant }));
    });
  }

  app.get("/api/public/orgs/:org/netiquette", publicAccess, async (request) => {
    const { org } = ZOrg.parse(request.params);
    const { netiquette } = await getPublicNetiquette(ctx, { orgKey: org });
    if (!netiquette) throw new AppError("NOT_FOUND", { details: { reason: "no_netiquette" } });
    return { ...netiquette, publishedAt: netiquette.publishedAt.toISOString() };
  });

  app.post("/api/public/orgs/:org/sessions", publicAccess, async (request, reply) => {
    const { org } = ZOrg.parse(request.params);
    reply.status(201);
    return startCitizenSession(ctx, { orgKey: org, ip: request.ip });
  });

  app.post("/api/public/orgs/:org/netiquette/accept", publicAccess, async (request) => {
    const { org } = ZOrg.parse(request.params);
    const { netiquetteId } = z.object({ netiquetteId: z.uuid() }).parse(request.body);
    return acceptNetiquette(ctx, { orgKey: org, token: sessionToken(request), netiquetteId });
  });

  app.get("/api/public/orgs/:org/challenge", publicAccess, async (request, reply) => {
    ZOrg.parse(request.params);
    reply.header("cache-control", "no-store");
    return issueChallenge(ctx);
  });

  app.post("/api/public/orgs/:org/posts/:entryId/comments", publicAccess, async (request, reply) => {
    const { org, entryId } = ZEntry.parse(request.params);
    const result = await postCitizenComment(ctx, {
      orgKey: org,
      entryId,
      token: sessionToken(request),
      ip: request.ip,
      input: request.body,
    });
    reply.status(201);
    return result;
  });

  app.post("/api/public/orgs/:org/posts/:entryId/vote", publicAccess, async (request) => {
    const { org, entryId } = ZEntry.parse(request.params);
    return voteInPoll(ctx, { orgKey: org, entryId, token: sessionToken(request), ip: request.ip, input: request.body });
  });

  app.post("/api/public/orgs/:org/comments/:commentId/delete", publicAccess, async (request) => {
    const { commentId } = ZComment.parse(request.params);
    return deleteOwnComment(ctx, { commentId, token: ZToken.parse(request.body).token });
  });

  // A citizen objects to the moderation of their comment (with the session that wrote it).
  app.post("/api/public/orgs/:org/comments/:commentId/appeal", publicAccess, async (request) => {
    const { org, commentId } = ZComment.parse(request.params);
    return appealWebsiteComment(ctx, { orgKey: org, commentId, token: sessionToken(request), input: request.body });
  });

  app.post("/api/public/orgs/:org/comments/:commentId/confirm-email", publicAccess, async (request) => {
    const { commentId } = ZComment.parse(request.params);
    await confirmCommentEmail(ctx, { commentId, token: ZToken.parse(request.body).token });
    return { confirmed: true };
  });
}
