// The one search (Ctrl+K and the search page). Thin: parse, call one use case. Every member may search; each
// kind is limited inside to what the person may see.
import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../app/context.js";
import { searchEverything } from "../../app/search/search-everything.js";
import { contractRoute } from "../contractRoutes.js";
import { orgActorOf } from "../plugins/auth.js";

export function searchRoutes(app: FastifyInstance, options: { ctx: AppContext }) {
  const { ctx } = options;
  const member = { config: { access: { kind: "org", action: "org.view" } as const } };
  contractRoute(app, "GET /api/orgs/:orgId/search", member, async (request) =>
    searchEverything(ctx, { actor: orgActorOf(request), orgId: request.params.orgId, query: request.query }),
  );
}
