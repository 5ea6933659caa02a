// Moderation: the queue, a case, decisions, reviews, objections, evidence (secure, JSON, PDF), reports
// from the inbox, shitstorm alerts and the organisation's moderation settings. Thin: parse, one use case.
import type { FastifyInstance } from "fastify";
import { acknowledgeAlert } from "../../app/moderation/acknowledge-alert.js";
import { recordAppeal } from "../../app/moderation/appeal-moderation-case.js";
import { decideModerationCase } from "../../app/moderation/decide-moderation-case.js";
import { exportEvidence, secureEvidenceOnRequest } from "../../app/moderation/evidence-packages.js";
import { getModerationCase } from "../../app/moderation/get-moderation-case.js";
import { listModerationQueue } from "../../app/moderation/list-moderation-queue.js";
import { getModerationSettings, updateModerationSettings } from "../../app/moderation/moderation-settings.js";
import { reportMessage } from "../../app/moderation/report-message.js";
import { reviewModerationDecision } from "../../app/moderation/review-moderation-decision.js";
import type { AppContext } from "../../app/context.js";
import type { ConnectorRegistry } from "../../domain/connector.js";
import { contractRoute } from "../contractRoutes.js";
import { orgActorOf } from "../plugins/auth.js";

export function moderationRoutes(app: FastifyInstance, options: { ctx: AppContext; connectors: ConnectorRegistry }) {
  const { ctx, connectors } = options;
  const view = { config: { access: { kind: "org", action: "moderation.view" } as const } };
  const decide = { config: { access: { kind: "org", action: "moderation.decide" } as const } };

  contractRoute(app, "GET /api/orgs/:orgId/moderation/cases", view, async (request) => {
    return listModerationQueue(ctx, { actor: orgActorOf(request), orgId: request.params.orgId, filter: request.query });
  });

  contractRoute(app, "GET /api/orgs/:orgId/moderation/cases/:caseId", view, async (request) => {
    return getModerationCase(ctx, { actor: orgActorOf(request), ...request.params });
  });

  contractRoute(app, "POST /api/orgs/:orgId/moderation/cases/:caseId/decision", decide, async (request) => {
    return decideModerationCase(
      ctx,
      { connectors },
      { actor: orgActorOf(request), ...request.params, input: request.body },
    );
  });

  contractRoute(app, "POST /api/orgs/:orgId/moderation/cases/:caseId/review", decide, async (request) => {
    return reviewModerationDecision(ctx, { actor: orgActorOf(request), ...request.params, input: request.body });
  });

  contractRoute(app, "POST /api/orgs/:orgId/moderation/cases/:caseId/appeal", decide, async (request) => {
    return recordAppeal(ctx, { actor: orgActorOf(request), ...request.params, input: request.body });
  });

  contractRoute(app, "POST /api/orgs/:orgId/moderation/cases/:caseId/evidence", decide, async (request, reply) => {
    reply.status(201);
    return secureEvidenceOnRequest(ctx, { actor: orgActorOf(request), ...request.params });
  });

  contractRoute(
    app,
    "GET /api/orgs/:orgId/moderation/cases/:caseId/evidence/:evidenceId/:format",
    view,
    async (request, reply) => {
      const file = await exportEvidence(ctx, { actor: orgActorOf(request), ...request.params });
      reply
        .header("content-type", file.contentType)
        .header("content-disposition", `attachment; filename="${file.fileName}"`)
        .header("cache-control", "no-store")
        .header("x-content-type-options", "nosniff");
      return reply.send(file.body);
    },
  );

  contractRoute(
    app,
    "POST /api/orgs/:orgId/moderation/reports",
    { config: { access: { kind: "org", action: "inbox.view" } } },
    async (request, reply) => {
      reply.status(201);
      return reportMessage(ctx, { actor: orgActorOf(request), orgId: request.params.orgId, input: request.body });
    },
  );

  contractRoute(app, "POST /api/orgs/:orgId/moderation/alerts/:alertId/acknowledge", decide, async (request) => {
    return acknowledgeAlert(ctx, { actor: orgActorOf(request), ...request.params, input: request.body });
  });

  contractRoute(app, "GET /api/orgs/:orgId/moderation/settings", view, async (request) => {
    return getModerationSettings(ctx, { actor: orgActorOf(request), orgId: request.params.orgId });
  });

  contractRoute(
    app,
    "PUT /api/orgs/:orgId/moderation/settings",
    { config: { access: { kind: "org", action: "guideline.manage" } } },
    async (request) => {
      return updateModerationSettings(ctx, {
        actor: orgActorOf(request),
        orgId: request.params.orgId,
        input: request.body,
      });
    },
  );
}
