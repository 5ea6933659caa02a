// The inbox: conversations (list, one, assign, status, reply, notes, presence), live events (SSE),
// templates, rules, workload and the person's notifications. Thin: parse, call one use case.
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { inOrganisation } from "../../domain/policy.js";
import { addConversationNote } from "../../app/inbox/add-conversation-note.js";
import { announcePresence } from "../../app/inbox/announce-presence.js";
import { assignConversations } from "../../app/inbox/assign-conversations.js";
import { changeConversationStatus } from "../../app/inbox/change-conversation-status.js";
import { getConversation } from "../../app/inbox/get-conversation.js";
import { fillReplyTemplate } from "../../app/inbox/fill-reply-template.js";
import { getWorkload } from "../../app/inbox/get-workload.js";
import { getInboxRules, updateInboxRules } from "../../app/inbox/inbox-rules.js";
import { listConversations } from "../../app/inbox/list-conversations.js";
import { listColleagues } from "../../app/inbox/list-colleagues.js";
import { listMyNotifications, markNotificationsRead } from "../../app/inbox/notifications.js";
import { replyToConversation, retryReply } from "../../app/inbox/reply-to-conversation.js";
import { decideReply } from "../../app/inbox/decide-reply.js";
import { addAbsence, getCoveragePlan, removeAbsence, updateCoveragePlan } from "../../app/inbox/coverage-plan.js";
import { archiveReplyTemplate, listReplyTemplates, saveReplyTemplate } from "../../app/inbox/reply-templates.js";
import type { AppContext } from "../../app/context.js";
import { requireAllowed } from "../../app/authorization.js";
import type { ConnectorRegistry } from "../../domain/connector.js";
import type { InboxHub } from "../liveInbox.js";
import { orgActorOf } from "../plugins/auth.js";
import { ZOrgParams } from "./params.js";

const ZConversationParams = ZOrgParams.extend({ conversationId: z.uuid() });
const ZTemplateParams = ZOrgParams.extend({ templateId: z.uuid() });
const ZReplyParams = ZConversationParams.extend({ replyId: z.uuid() });
/** A stream ends after this long (the browser reconnects at once, and the session is checked again). */
const ZStreamQuery = z.object({ lifetime: z.coerce.number().int().min(0).max(600).default(600) });

export function inboxRoutes(
  app: FastifyInstance,
  options: { ctx: AppContext; connectors: ConnectorRegistry; hub: InboxHub },
) {
  const { ctx, hub } = options;
  const view = { config: { access: { kind: "org", action: "inbox.view" } } } as const;
  const reply = { config: { access: { kind: "org", action: "inbox.reply" } } } as const;

  app.get("/api/orgs/:orgId/inbox/conversations", view, async (request) => {
    const { orgId } = ZOrgParams.parse(request.params);
    return listConversations(ctx, { actor: orgActorOf(request), orgId, filter: request.query });
  });

  app.get("/api/orgs/:orgId/inbox/conversations/:conversationId", view, async (request) => {
    const params = ZConversationParams.parse(request.params);
    return getConversation(ctx, { actor: orgActorOf(request), ...params });
  });

  app.post("/api/orgs/:orgId/inbox/assignments", reply, async (request) => {
    const { orgId } = ZOrgParams.parse(request.params);
    return assignConversations(ctx, { actor: orgActorOf(request), orgId, input: request.body });
  });

  app.post("/api/orgs/:orgId/inbox/status", view, async (request) => {
    const { orgId } = ZOrgParams.parse(request.params);
    return changeConversationStatus(ctx, { actor: orgActorOf(request), orgId, input: request.body });
  });

  app.post("/api/orgs/:orgId/inbox/conversations/:conversationId/replies", reply, async (request, response) => {
    const params = ZConversationParams.parse(request.params);
    response.status(201);
    return replyToConversation(
      ctx,
      { connectors: options.connectors },
      { actor: orgActorOf(request), ...params, input: request.body },
    );
  });

  app.post("/api/orgs/:orgId/inbox/conversations/:conversationId/replies/:replyId/retry", reply, async (request) => {
    const params = ZReplyParams.parse(request.params);
    return retryReply(ctx, { connectors: options.connectors }, { actor: orgActorOf(request), ...params });
  });

  app.post(
    "/api/orgs/:orgId/inbox/conversations/:conversationId/replies/:replyId/decision",
    { config: { access: { kind: "org", action: "post.approve" } } },
    async (request) => {
      const params = ZReplyParams.parse(request.params);
      return decideReply(
        ctx,
        { connectors: options.connectors },
        { actor: orgActorOf(request), ...params, input: request.body },
      );
    },
  );

  app.post("/api/orgs/:orgId/inbox/conversations/:conversationId/notes", view, async (request, response) => {
    const params = ZConversationParams.parse(request.params);
    response.status(201);
    return addConversationNote(ctx, { actor: orgActorOf(request), ...params, input: request.body });
  });

  app.post("/api/orgs/:orgId/inbox/conversations/:conversationId/presence", view, async (request) => {
    const params = ZConversationParams.parse(request.params);
    return announcePresence(ctx, { actor: orgActorOf(request), ...params, input: request.body });
  });

  app.get("/api/orgs/:orgId/inbox/events", view, async (request, response) => {
    const { orgId } = ZOrgParams.parse(request.params);
    const { lifetime } = ZStreamQuery.parse(request.query);
    requireAllowed(ctx, orgActorOf(request), "inbox.view", inOrganisation(orgId));
    const raw = response.raw;
    // Subscribed before the stream opens, so a failing listener is an ordinary error response.
    const unsubscribe = await hub.subscribe(orgId, (event) =>
      raw.write(`event: ${event.kind}\ndata: ${JSON.stringify(event)}\n\n`),
    );
    response.hijack();
    raw.writeHead(200, {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-store",
      connection: "keep-alive",
      "x-accel-buffering": "no",
    });
    raw.write(`retry: 2000\nevent: ready\ndata: {}\n\n`);
    const ping = setInterval(() => raw.write(": ping\n\n"), 25_000);
    const end = () => {
      clearInterval(ping);
      clearTimeout(expiry);
      unsubscribe();
      if (!raw.writableEnded) raw.end();
    };
    const expiry = setTimeout(end, lifetime * 1000);
    request.raw.on("close", end);
  });

  app.get("/api/orgs/:orgId/inbox/templates", view, async (request) => {
    const { orgId } = ZOrgParams.parse(request.params);
    return listReplyTemplates(ctx, { actor: orgActorOf(request), orgId });
  });

  app.get("/api/orgs/:orgId/inbox/conversations/:conversationId/templates/:templateId", reply, async (request) => {
    const params = ZConversationParams.extend({ templateId: z.uuid() }).parse(request.params);
    return fillReplyTemplate(ctx, { actor: orgActorOf(request), ...params });
  });

  app.post(
    "/api/orgs/:orgId/inbox/templates",
    { config: { access: { kind: "org", action: "knowledge.edit" } } },
    async (request, response) => {
      const { orgId } = ZOrgParams.parse(request.params);
      response.status(201);
      return saveReplyTemplate(ctx, { actor: orgActorOf(request), orgId, templateId: null, input: request.body });
    },
  );

  app.put(
    "/api/orgs/:orgId/inbox/templates/:templateId",
    { config: { access: { kind: "org", action: "knowledge.edit" } } },
    async (request) => {
      const { orgId, templateId } = ZTemplateParams.parse(request.params);
      return saveReplyTemplate(ctx, { actor: orgActorOf(request), orgId, templateId, input: request.body });
    },
  );

  app.delete(
    "/api/orgs/:orgId/inbox/templates/:templateId",
    { config: { access: { kind: "org", action: "knowledge.edit" } } },
    async (request) => {
      const { orgId, templateId } = ZTemplateParams.parse(request.params);
      return archiveReplyTemplate(ctx, { actor: orgActorOf(request), orgId, templateId });
    },
  );

  app.get("/api/orgs/:orgId/inbox/rules", view, async (request) => {
    const { orgId } = ZOrgParams.parse(request.params);
    return getInboxRules(ctx, { actor: orgActorOf(request), orgId });
  });

  app.put(
    "/api/orgs/:orgId/inbox/rules",
    { config: { access: { kind: "org", action: "org.update" } } },
    async (request) => {
      const { orgId } = ZOrgParams.parse(request.params);
      return updateInboxRules(ctx, { actor: orgActorOf(request), orgId, input: request.body });
    },
  );

  app.get("/api/orgs/:orgId/inbox/coverage", view, async (request) => {
    const { orgId } = ZOrgParams.parse(request.params);
    return getCoveragePlan(ctx, { actor: orgActorOf(request), orgId });
  });

  app.put(
    "/api/orgs/:orgId/inbox/coverage",
    { config: { access: { kind: "org", action: "org.update" } } },
    async (request) => {
      const { orgId } = ZOrgParams.parse(request.params);
      return updateCoveragePlan(ctx, { actor: orgActorOf(request), orgId, input: request.body });
    },
  );

  app.post("/api/orgs/:orgId/inbox/absences", view, async (request, response) => {
    const { orgId } = ZOrgParams.parse(request.params);
    response.status(201);
    return addAbsence(ctx, { actor: orgActorOf(request), orgId, input: request.body });
  });

  app.delete("/api/orgs/:orgId/inbox/absences/:absenceId", view, async (request) => {
    const { orgId, absenceId } = ZOrgParams.extend({ absenceId: z.uuid() }).parse(request.params);
    return removeAbsence(ctx, { actor: orgActorOf(request), orgId, absenceId });
  });

  app.get("/api/orgs/:orgId/inbox/colleagues", view, async (request) => {
    const { orgId } = ZOrgParams.parse(request.params);
    return listColleagues(ctx, { actor: orgActorOf(request), orgId });
  });

  app.get("/api/orgs/:orgId/inbox/workload", view, async (request) => {
    const { orgId } = ZOrgParams.parse(request.params);
    return getWorkload(ctx, { actor: orgActorOf(request), orgId });
  });

  app.get("/api/orgs/:orgId/inbox/notifications", view, async (request) => {
    const { orgId } = ZOrgParams.parse(request.params);
    return listMyNotifications(ctx, { actor: orgActorOf(request), orgId });
  });

  app.post("/api/orgs/:orgId/inbox/notifications/read", view, async (request) => {
    const { orgId } = ZOrgParams.parse(request.params);
    return markNotificationsRead(ctx, { actor: orgActorOf(request), orgId, input: request.body });
  });
}
