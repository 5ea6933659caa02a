// The reports (Berichte): Stimmung, Themen, Antwortzeiten, Moderation and Veröffentlichung over a period with filters, the weekly report as a
// PDF and who receives it. Thin: parse, call one use case.
import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../app/context.js";
import { getModerationReport } from "../../app/reports/get-moderation-report.js";
import { getMoodReport } from "../../app/reports/get-mood-report.js";
import { getPublishingReport } from "../../app/reports/get-publishing-report.js";
import { getResponseReport } from "../../app/reports/get-response-report.js";
import { getTopicsReport } from "../../app/reports/get-topics-report.js";
import { getWeeklyReportPdf } from "../../app/reports/get-weekly-report-pdf.js";
import { getWeeklyReportSettings, updateWeeklyReportSettings } from "../../app/reports/weekly-report-settings.js";
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

  // Counts only, so reports.view suffices (get-moderation-report.ts says why).
  contractRoute(app, "GET /api/orgs/:orgId/reports/moderation", view, async (request) => {
    return getModerationReport(ctx, { actor: orgActorOf(request), orgId: request.params.orgId, query: request.query });
  });

  contractRoute(app, "GET /api/orgs/:orgId/reports/publishing", view, async (request) => {
    return getPublishingReport(ctx, { actor: orgActorOf(request), orgId: request.params.orgId, query: request.query });
  });

  contractRoute(app, "GET /api/orgs/:orgId/reports/weekly.pdf", view, async (request, reply) => {
    const file = await getWeeklyReportPdf(ctx, {
      actor: orgActorOf(request),
      orgId: request.params.orgId,
      query: request.query,
    });
    reply
      .header("content-type", file.contentType)
      .header("content-disposition", `attachment; filename="${file.fileName}"`)
      .header("cache-control", "no-store")
      .header("x-content-type-options", "nosniff");
    return reply.send(Buffer.from(file.body));
  });

  const manage = { config: { access: { kind: "org", action: "org.update" } as const } };
  contractRoute(app, "GET /api/orgs/:orgId/reports/weekly/settings", manage, async (request) => {
    return getWeeklyReportSettings(ctx, { actor: orgActorOf(request), orgId: request.params.orgId });
  });

  contractRoute(app, "PUT /api/orgs/:orgId/reports/weekly/settings", manage, async (request) => {
    return updateWeeklyReportSettings(ctx, {
      actor: orgActorOf(request),
      orgId: request.params.orgId,
      input: request.body,
    });
  });
}
