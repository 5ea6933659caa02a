// The reports (Berichte): Stimmung, Antwortzeiten and Themen over a period with filters. Thin: parse, call one use case.
import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../app/context.js";
import { getMoodReport } from "../../app/reports/get-mood-report.js";
import { getResponseReport } from "../../app/reports/get-response-report.js";
import { getTopicsReport } from "../../app/reports/get-topics-report.js";
import { contractRoute } from "../contractRoutes.js";
import { orgActorOf } from "../plugins/auth.js";

export function reportRoutes(app: FastifyInstance, options: { ctx: AppContext }) {
  const { ctx } = options;
  const view = { config: { access: { kind: "org", action: "reports.view" } as const } };

  contractRoute(app, "GET /api/orgs/:orgId/reports/mood", view, async (request) => {
    return getMoodReport(ctx, { actor: orgActorOf(request), orgId: request.params.orgId, query: request.query });
  });

  contractRoute(app, "GET /api/orgs/:orgId/reports/response-times", view, async (request) => {
    return getResponseReport(ctx, { actor: orgActorOf(request), orgId: request.params.orgId, query: request.query });
  });

  contractRoute(app, "GET /api/orgs/:orgId/reports/topics", view, async (request) => {
    return getTopicsReport(ctx, { actor: orgActorOf(request), orgId: request.params.orgId, query: request.query });
  });
}
