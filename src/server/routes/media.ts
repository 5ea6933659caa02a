// The media library: upload (the raw file as the request body), list, details, files, thumbnails.
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { AppContext } from "../../app/context.js";
import { getMediaFile, listMedia } from "../../app/media/list-media.js";
import { ZMediaDetails } from "../../app/media/schemas.js";
import { updateMedia } from "../../app/media/update-media.js";
import { uploadMedia } from "../../app/media/upload-media.js";
import { orgActorOf } from "../plugins/auth.js";
import { ZOrgParams } from "./params.js";

const ZMediaParams = ZOrgParams.extend({ mediaId: z.uuid() });
const ZUploadQuery = z.object({
  name: z.string().min(1).max(200),
  altText: z.string().max(1500).optional(),
  rightsHolder: z.string().max(200).optional(),
  licence: z.string().max(200).optional(),
  consent: z.enum(["not_needed", "obtained", "missing"]).optional(),
  departmentId: z.uuid().optional(),
});
const BINARY_TYPES = [
  "application/octet-stream",
  "image/jpeg",
  "image/png",
  "image/webp",
  "image/gif",
  "video/mp4",
  "video/webm",
];

export function mediaRoutes(
  app: FastifyInstance,
  options: { ctx: AppContext; maxBytes: number; maxVideoSeconds: number },
) {
  const { ctx, maxBytes, maxVideoSeconds } = options;
  const access = { access: { kind: "org", action: "post.draft" } as const };

  // The declared type is only a transport hint: the use case decides by the bytes.
  app.addContentTypeParser(BINARY_TYPES, { parseAs: "buffer", bodyLimit: maxBytes }, (_request, body, done) =>
    done(null, body),
  );

  app.post("/api/orgs/:orgId/media", { config: access, bodyLimit: maxBytes }, async (request, reply) => {
    const { orgId } = ZOrgParams.parse(request.params);
    const { name, ...details } = ZUploadQuery.parse(request.query);
    const bytes = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
    reply.status(201);
    return uploadMedia(ctx, {
      actor: orgActorOf(request),
      orgId,
      bytes,
      maxBytes,
      maxVideoSeconds,
      meta: { fileName: name, ...details },
    });
  });

  app.get("/api/orgs/:orgId/media", { config: access }, async (request) => {
    const { orgId } = ZOrgParams.parse(request.params);
    return { media: await listMedia(ctx, { actor: orgActorOf(request), orgId }) };
  });

  app.patch("/api/orgs/:orgId/media/:mediaId", { config: access }, async (request) => {
    const params = ZMediaParams.parse(request.params);
    return updateMedia(ctx, { actor: orgActorOf(request), ...params, input: ZMediaDetails.parse(request.body) });
  });

  for (const variant of ["content", "thumbnail"] as const) {
    app.get(`/api/orgs/:orgId/media/:mediaId/${variant}`, { config: access }, async (request, reply) => {
      const params = ZMediaParams.parse(request.params);
      const file = await getMediaFile(ctx, { actor: orgActorOf(request), ...params, variant });
      reply
        .header("content-type", file.mimeType)
        .header("cache-control", "private, max-age=3600")
        .header("x-content-type-options", "nosniff");
      return reply.send(file.bytes);
    });
  }
}
