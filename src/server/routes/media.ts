// The media library: upload (the raw file as the request body), list, details, files, thumbnails; and a medium by
// its signed address, for networks that fetch the file themselves (no session: the signature is the permission).
import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../app/context.js";
import { getSignedMedium } from "../../app/media/get-signed-medium.js";
import { getMediaFile, listMedia } from "../../app/media/list-media.js";
import { updateMedia } from "../../app/media/update-media.js";
import { uploadMedia } from "../../app/media/upload-media.js";
import { MEDIA_UPLOAD_TYPES } from "../../contract/posts.js";
import { contractRoute } from "../contractRoutes.js";
import { orgActorOf } from "../plugins/auth.js";

export function mediaRoutes(
  app: FastifyInstance,
  options: { ctx: AppContext; maxBytes: number; maxVideoSeconds: number },
) {
  const { ctx, maxBytes, maxVideoSeconds } = options;
  const access = { config: { access: { kind: "org", action: "post.draft" } as const } };

  // The declared type is only a transport hint: the use case decides by the bytes.
  app.addContentTypeParser(
    [...MEDIA_UPLOAD_TYPES],
    { parseAs: "buffer", bodyLimit: maxBytes },
    (_request, body, done) => done(null, body),
  );

  contractRoute(app, "POST /api/orgs/:orgId/media", { ...access, bodyLimit: maxBytes }, async (request, reply) => {
    const { name, ...details } = request.query;
    const bytes = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
    reply.status(201);
    return uploadMedia(ctx, {
      actor: orgActorOf(request),
      orgId: request.params.orgId,
      bytes,
      maxBytes,
      maxVideoSeconds,
      meta: { fileName: name, ...details },
    });
  });

  contractRoute(app, "GET /api/orgs/:orgId/media", access, async (request) => ({
    media: await listMedia(ctx, { actor: orgActorOf(request), orgId: request.params.orgId }),
  }));

  contractRoute(app, "PATCH /api/orgs/:orgId/media/:mediaId", access, async (request) =>
    updateMedia(ctx, { actor: orgActorOf(request), ...request.params, input: request.body }),
  );

  for (const variant of ["content", "thumbnail"] as const) {
    contractRoute(app, `GET /api/orgs/:orgId/media/:mediaId/${variant}`, access, async (request, reply) => {
      const file = await getMediaFile(ctx, { actor: orgActorOf(request), ...request.params, variant });
      reply
        .header("content-type", file.mimeType)
        .header("cache-control", "private, max-age=3600")
        .header("x-content-type-options", "nosniff");
      return reply.send(file.bytes);
    });
  }

  contractRoute(
    app,
    "GET /api/media/signed/:mediaId",
    { config: { access: { kind: "public" } as const } },
    async (request, reply) => {
      const file = await getSignedMedium(ctx, { mediaId: request.params.mediaId, ...request.query });
      // Cached privately at most as long as the address holds; never guessed at as another type.
      reply
        .header("content-type", file.mimeType)
        .header("cache-control", `private, max-age=${file.maxAgeSeconds}`)
        .header("x-content-type-options", "nosniff");
      return reply.send(file.bytes);
    },
  );
}
