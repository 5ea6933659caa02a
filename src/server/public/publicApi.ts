// The citizens' JSON API, used by the widget and by the script that enhances the public pages. No
// cookies: a citizen session is a bearer token in the x-draht-session header. Cross-site callers are
// allowed only from the origins the organisation lists for embedding (see publicCors.ts).
import type { FastifyInstance, FastifyRequest } from "fastify";
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
import { contractRoute } from "../contractRoutes.js";
import { sendMedium } from "./mediaResponse.js";
import { registerPublicCors } from "./publicCors.js";
import { appealWebsiteComment } from "../../app/moderation/appeal-moderation-case.js";

export const SESSION_HEADER = "x-draht-session";
const publicAccess = { config: { access: { kind: "public" } as const } };

const sessionToken = (request: FastifyRequest) => {
  const value = request.headers[SESSION_HEADER];
  return typeof value === "string" && value.length > 0 ? value : undefined;
};

export function publicApiRoutes(app: FastifyInstance, options: { ctx: AppContext }) {
  const { ctx } = options;
  registerPublicCors(app, { ctx });

  contractRoute(app, "GET /api/public/orgs/:org/feed", publicAccess, async (request) =>
    listPublicFeed(ctx, { orgKey: request.params.org, page: request.query.page, limit: request.query.limit }),
  );

  contractRoute(app, "GET /api/public/orgs/:org/posts/:entryId", publicAccess, async (request) =>
    getPublicThread(ctx, {
      orgKey: request.params.org,
      entryId: request.params.entryId,
      token: sessionToken(request),
      page: request.query.page,
    }),
  );

  // The files of published media (the public pages' and the widget's <img> and <video>).
  for (const variant of ["content", "thumbnail"] as const) {
    contractRoute(app, `GET /api/public/orgs/:org/media/:mediaId/${variant}`, publicAccess, async (request, reply) =>
      sendMedium(
        request,
        reply,
        await getPublicMedium(ctx, { orgKey: request.params.org, mediaId: request.params.mediaId, variant }),
      ),
    );
  }

  contractRoute(app, "GET /api/public/orgs/:org/netiquette", publicAccess, async (request) => {
    const { netiquette } = await getPublicNetiquette(ctx, { orgKey: request.params.org });
    if (!netiquette) throw new AppError("NOT_FOUND", { details: { reason: "no_netiquette" } });
    return netiquette;
  });

  contractRoute(app, "POST /api/public/orgs/:org/sessions", publicAccess, async (request, reply) => {
    reply.status(201);
    return startCitizenSession(ctx, { orgKey: request.params.org, ip: request.ip });
  });

  contractRoute(app, "POST /api/public/orgs/:org/netiquette/accept", publicAccess, async (request) =>
    acceptNetiquette(ctx, {
      orgKey: request.params.org,
      token: sessionToken(request),
      netiquetteId: request.body.netiquetteId,
    }),
  );

  contractRoute(app, "GET /api/public/orgs/:org/challenge", publicAccess, async (_request, reply) => {
    reply.header("cache-control", "no-store");
    return issueChallenge(ctx);
  });

  contractRoute(app, "POST /api/public/orgs/:org/posts/:entryId/comments", publicAccess, async (request, reply) => {
    const { org, entryId } = request.params;
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

  contractRoute(app, "POST /api/public/orgs/:org/posts/:entryId/vote", publicAccess, async (request) => {
    const { org, entryId } = request.params;
    return voteInPoll(ctx, { orgKey: org, entryId, token: sessionToken(request), ip: request.ip, input: request.body });
  });

  contractRoute(app, "POST /api/public/orgs/:org/comments/:commentId/delete", publicAccess, async (request) =>
    deleteOwnComment(ctx, { commentId: request.params.commentId, token: request.body.token }),
  );

  // A citizen objects to the moderation of their comment (with the session that wrote it).
  contractRoute(app, "POST /api/public/orgs/:org/comments/:commentId/appeal", publicAccess, async (request) => {
    const { org, commentId } = request.params;
    return appealWebsiteComment(ctx, { orgKey: org, commentId, token: sessionToken(request), input: request.body });
  });

  contractRoute(app, "POST /api/public/orgs/:org/comments/:commentId/confirm-email", publicAccess, async (request) => {
    await confirmCommentEmail(ctx, { commentId: request.params.commentId, token: request.body.token });
    return { confirmed: true as const };
  });
}
