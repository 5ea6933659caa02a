// Cross-origin access to the citizens' API for the embeddable widget: a browser on another site may
// call it only when the organisation lists that site's origin for embedding. Same-origin calls (the
// public pages) need no listing. No credentials are involved (the session is a header token).
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { AppContext } from "../../app/context.js";
import { findPublicOrg } from "../../app/website/publicOrg.js";
import { AppError } from "../../domain/errors.js";

const CACHE_MS = 30_000;
const PATH = /^\/api\/public\/orgs\/([^/?#]+)/;

export function registerPublicCors(app: FastifyInstance, options: { ctx: AppContext }) {
  const publicOrigin = new URL(options.ctx.publicUrl).origin;
  const cache = new Map<string, { origins: string[]; until: number }>();
  const originsOf = async (orgKey: string): Promise<string[]> => {
    const now = Date.now();
    const known = cache.get(orgKey);
    if (known && known.until > now) return known.origins;
    const origins = await findPublicOrg(options.ctx.db, orgKey).then(
      (org) => org.settings.embedOrigins,
      () => [],
    );
    cache.set(orgKey, { origins, until: now + CACHE_MS });
    return origins;
  };

  const allow = (reply: FastifyReply, origin: string) => {
    reply.header("access-control-allow-origin", origin);
    reply.header("vary", "Origin");
  };

  app.addHook("onRequest", async (request: FastifyRequest, reply: FastifyReply) => {
    const match = PATH.exec(request.url);
    const origin = request.headers.origin;
    if (!match?.[1] || !origin || origin === publicOrigin || origin === `${request.protocol}://${request.host}`) return;
    const listed = (await originsOf(decodeURIComponent(match[1]))).includes(origin);
    if (request.method === "OPTIONS") {
      if (listed) {
        allow(reply, origin);
        reply.header("access-control-allow-methods", "GET, POST");
        reply.header("access-control-allow-headers", "content-type, x-draht-session");
        reply.header("access-control-max-age", "600");
      }
      return reply.status(204).send();
    }
    if (!listed) throw new AppError("CSRF_FAILED", { details: { reason: "origin_not_listed_for_embedding" } });
    allow(reply, origin);
  });
}
