// Liveness and readiness for orchestrators and the start script.
import type { FastifyInstance } from "fastify";

export function healthRoutes(app: FastifyInstance, options: { ping: () => Promise<void>; isReady: () => boolean }) {
  app.get("/healthz", async () => ({ status: "ok" }));
  app.get("/readyz", async (_request, reply) => {
    if (!options.isReady()) return reply.status(503).send({ status: "starting" });
    try {
      await options.ping();
      return { status: "ready" };
    } catch {
      return reply.status(503).send({ status: "database_unavailable" });
    }
  });
}
