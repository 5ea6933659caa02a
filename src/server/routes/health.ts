// Liveness and readiness for orchestrators and the start script.
import type { FastifyInstance } from "fastify";
import { contractRoute } from "../contractRoutes.js";

export function healthRoutes(app: FastifyInstance, options: { ping: () => Promise<void>; isReady: () => boolean }) {
  const open = { config: { access: { kind: "public" } as const } };
  contractRoute(app, "GET /healthz", open, async () => ({ status: "ok" as const }));
  contractRoute(app, "GET /readyz", open, async (_request, reply) => {
    if (!options.isReady()) return reply.status(503).send({ status: "starting" });
    try {
      await options.ping();
      return { status: "ready" as const };
    } catch {
      return reply.status(503).send({ status: "database_unavailable" });
    }
  });
}
