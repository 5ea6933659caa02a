// Moderation: the queue, a case, decisions, reviews, objections, evidence (secure, JSON, PDF), reports
// from the inbox, shitstorm alerts and the organisation's moderation settings. Thin: parse, one use case.
import type { FastifyInstance } from "fastify";
import { z } from "zod";
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
import { orgActorOf } from "../plugins/auth.js";
import { ZOrgParams } from "./params.js";

const ZCaseParams = ZOrgParams.extend({ caseId: z.uuid() });
const ZEvidenceParams = ZCaseParams.extend({ evidenceId: z.uuid(), format: z.enum(["json", "pdf"]) });
const ZAlertParams = ZOrgParams.extend({ alertId: z.uuid() });

export function moderationRoutes(app: FastifyInstance, options: { ctx: AppContext; connectors: ConnectorRegistry }) {
  const { ctx, connectors } = options;
  const view = { config: { access: { kind: "org", action: "moderation.view" } as const } };
  const decide = { config: { access: { kind: "org", action: "moderation.decide" } as const } };

  app.get("/api/orgs/:orgId/moderation/cases", view, async (request) => {
    const { orgId } = ZOrgParams.parse(request.params);
    return listModerationQueue(ctx, { actor: orgActorOf(request), orgId, filter: request.query });
  });

  app.get("/api/orgs/:orgId/moderation/cases/:caseId", view, async (request) => {
    const params = ZCaseParams.parse(request.params);
    return getModerationCase(ctx, { actor: orgActorOf(request), ...params });
  });

  app.post("/api/orgs/:orgId/moderation/cases/:caseId/decision", decide, async (request) => {
    const params = ZCaseParams.parse(request.params);
    return decideModerationCase(ctx, { connectors }, { actor: orgActorOf(request), ...params, input: request.body });
  });

  app.post("/api/orgs/:orgId/moderation/cases/:caseId/review", decide, async (request) => {
    const params = ZCaseParams.parse(request.params);
    return reviewModerationDecision(ctx, { actor: orgActorOf(request), ...params, input: request.body });
  });

  app.post("/api/orgs/:orgId/moderation/cases/:caseId/appeal", decide, async (request) => {
    const params = ZCaseParams.parse(request.params);
    return recordAppeal(ctx, { actor: orgActorOf(request), ...params, input: request.body });
  });

  app.post("/api/orgs/:orgId/moderation/cases/:caseId/evidence", decide, async (request, reply) => {
    const params = ZCaseParams.parse(request.params);
    reply.status(201);
    return secureEvidenceOnRequest(ctx, { actor: orgActorOf(request), ...params });
  });

  app.get("/api/orgs/:orgId/moderation/cases/:caseId/evidence/:evidenceId/:format", view, async (request, reply) => {
    const params = ZEvidenceParams.parse(request.params);
    const file = await exportEvidence(ctx, { actor: orgActorOf(request), ...params });
    reply
      .header("content-type", file.contentType)
      .header("content-disposition", `attachment; filename="${file.fileName}"`)
      .header("cache-control", "no-store")
      .header("x-content-type-options", "nosniff");
    return reply.send(file.body);
  });

  app.post(
    "/api/orgs/:orgId/moderation/reports",
    { config: { access: { kind: "org", action: "inbox.view" } } },
    async (request, reply) => {
      const { orgId } = ZOrgParams.parse(request.params);
      reply.status(201);
      return reportMessage(ctx, { actor: orgActorOf(request), orgId, input: request.body });
    },
  );

  app.post("/api/orgs/:orgId/moderation/alerts/:alertId/acknowledge", decide, async (request) => {
    const params = ZAlertParams.parse(request.params);
    return acknowledgeAlert(ctx, { actor: orgActorOf(request), ...params, input: request.body });
  });

  app.get("/api/orgs/:orgId/moderation/settings", view, async (request) => {
    const { orgId } = ZOrgParams.parse(request.params);
    return getModerationSettings(ctx, { actor: orgActorOf(request), orgId });
  });

  app.put(
    "/api/orgs/:orgId/moderation/settings",
    { config: { access: { kind: "org", action: "guideline.manage" } } },
    async (request) => {
      const { orgId } = ZOrgParams.parse(request.params);
      return updateModerationSettings(ctx, { actor: orgActorOf(request), orgId, input: request.body });
    },
  );
}
