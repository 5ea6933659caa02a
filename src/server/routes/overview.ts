// The start page (Übersicht) and the navigation's counts. Open to every member (org.view); what each section
// holds is decided by the person's actions and scope inside the use cases.
import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../app/context.js";
import { getOverview } from "../../app/overview/get-overview.js";
import { getOverviewCounts } from "../../app/overview/get-overview-counts.js";
import { contractRoute } from "../contractRoutes.js";
import { orgActorOf } from "../plugins/auth.js";

export function overviewRoutes(app: FastifyInstance, options: { ctx: AppContext }) {
  const { ctx } = options;
  const member = { config: { access: { kind: "org", action: "org.view" } as const } };

  contractRoute(app, "GET /api/orgs/:orgId/overview", member, async (request) =>
    getOverview(ctx, { actor: orgActorOf(request), orgId: request.params.orgId }),
  );

  contractRoute(app, "GET /api/orgs/:orgId/overview/counts", member, async (request) =>
    getOverviewCounts(ctx, { actor: orgActorOf(request), orgId: request.params.orgId }),
  );
}
