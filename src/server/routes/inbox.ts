// The inbox: conversations (list, one, assign, status, reply, notes, presence), live events (SSE),
// templates, rules, workload and the person's notifications. Thin: parse, call one use case.
import type { FastifyInstance, FastifyReply } from "fastify";
import { inOrganisation } from "../../domain/policy.js";
import { addConversationNote } from "../../app/inbox/add-conversation-note.js";
import { announcePresence } from "../../app/inbox/announce-presence.js";
import { assignConversations } from "../../app/inbox/assign-conversations.js";
import { changeConversationStatus } from "../../app/inbox/change-conversation-status.js";
import { getAttachment } from "../../app/inbox/get-attachment.js";
import { getConversation } from "../../app/inbox/get-conversation.js";
import { inboxEventFor } from "../../app/inbox/conversationAccess.js";
import type { TInboxEvent } from "../../app/inbox/inboxEvents.js";
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
import { type ContractRequest, contractRoute } from "../contractRoutes.js";
import { orgActorOf } from "../plugins/auth.js";

export function inboxRoutes(
  app: FastifyInstance,
  options: { ctx: AppContext; connectors: ConnectorRegistry; hub: InboxHub },
) {
  const { ctx, hub } = options;
  const view = { config: { access: { kind: "org", action: "inbox.view" } as const } };
  const reply = { config: { access: { kind: "org", action: "inbox.reply" } as const } };
  const knowledge = { config: { access: { kind: "org", action: "knowledge.edit" } as const } };
  const orgUpdate = { config: { access: { kind: "org", action: "org.update" } as const } };

  contractRoute(app, "GET /api/orgs/:orgId/inbox/conversations", view, async (request) => {
    return listConversations(ctx, { actor: orgActorOf(request), orgId: request.params.orgId, filter: request.query });
  });

  contractRoute(app, "GET /api/orgs/:orgId/inbox/conversations/:conversationId", view, async (request) => {
    return getConversation(ctx, options, { actor: orgActorOf(request), ...request.params });
  });

  contractRoute(
    app,
    "GET /api/orgs/:orgId/inbox/conversations/:conversationId/attachments/:attachmentId",
    view,
    async (request, reply) => {
      const file = await getAttachment(ctx, { actor: orgActorOf(request), ...request.params });
      return reply.headers(file.headers).send(file.content);
    },
  );

  contractRoute(app, "POST /api/orgs/:orgId/inbox/assignments", reply, async (request) => {
    return assignConversations(ctx, { actor: orgActorOf(request), orgId: request.params.orgId, input: request.body });
  });

  contractRoute(app, "POST /api/orgs/:orgId/inbox/status", view, async (request) => {
    return changeConversationStatus(ctx, {
      actor: orgActorOf(request),
      orgId: request.params.orgId,
      input: request.body,
    });
  });

  contractRoute(
    app,
    "POST /api/orgs/:orgId/inbox/conversations/:conversationId/replies",
    reply,
    async (request, response) => {
      response.status(201);
      return replyToConversation(
        ctx,
        { connectors: options.connectors },
        { actor: orgActorOf(request), ...request.params, input: request.body },
      );
    },
  );

  contractRoute(
    app,
    "POST /api/orgs/:orgId/inbox/conversations/:conversationId/replies/:replyId/retry",
    reply,
    async (request) => {
      return retryReply(ctx, { connectors: options.connectors }, { actor: orgActorOf(request), ...request.params });
    },
  );

  contractRoute(
    app,
    "POST /api/orgs/:orgId/inbox/conversations/:conversationId/replies/:replyId/decision",
    { config: { access: { kind: "org", action: "post.approve" } } },
    async (request) => {
      return decideReply(
        ctx,
        { connectors: options.connectors },
        { actor: orgActorOf(request), ...request.params, input: request.body },
      );
    },
  );

  contractRoute(
    app,
    "POST /api/orgs/:orgId/inbox/conversations/:conversationId/notes",
    view,
    async (request, response) => {
      response.status(201);
      return addConversationNote(ctx, { actor: orgActorOf(request), ...request.params, input: request.body });
    },
  );

  contractRoute(app, "POST /api/orgs/:orgId/inbox/conversations/:conversationId/presence", view, async (request) => {
    return announcePresence(ctx, { actor: orgActorOf(request), ...request.params, input: request.body });
  });

  contractRoute(app, "GET /api/orgs/:orgId/inbox/events", view, async (request, response) => {
    const actor = orgActorOf(request);
    requireAllowed(ctx, actor, "inbox.view", inOrganisation(request.params.orgId));
    return streamEvents(hub, request, response, (event) => inboxEventFor(ctx, actor, event));
  });

  // The knowledge base (Wissen) is read by everyone who works in the organisation, answering or not.
  const readKnowledge = { config: { access: { kind: "org", action: "knowledge.view" } as const } };
  contractRoute(app, "GET /api/orgs/:orgId/inbox/templates", readKnowledge, async (request) => {
    return listReplyTemplates(ctx, { actor: orgActorOf(request), orgId: request.params.orgId });
  });

  contractRoute(
    app,
    "GET /api/orgs/:orgId/inbox/conversations/:conversationId/templates/:templateId",
    reply,
    async (request) => {
      return fillReplyTemplate(ctx, { actor: orgActorOf(request), ...request.params });
    },
  );

  contractRoute(app, "POST /api/orgs/:orgId/inbox/templates", knowledge, async (request, response) => {
    response.status(201);
    return saveReplyTemplate(ctx, {
      actor: orgActorOf(request),
      orgId: request.params.orgId,
      templateId: null,
      input: request.body,
    });
  });

  contractRoute(app, "PUT /api/orgs/:orgId/inbox/templates/:templateId", knowledge, async (request) => {
    const { orgId, templateId } = request.params;
    return saveReplyTemplate(ctx, { actor: orgActorOf(request), orgId, templateId, input: request.body });
  });

  contractRoute(app, "DELETE /api/orgs/:orgId/inbox/templates/:templateId", knowledge, async (request) => {
    const { orgId, templateId } = request.params;
    return archiveReplyTemplate(ctx, { actor: orgActorOf(request), orgId, templateId });
  });

  contractRoute(app, "GET /api/orgs/:orgId/inbox/rules", view, async (request) => {
    return getInboxRules(ctx, { actor: orgActorOf(request), orgId: request.params.orgId });
  });

  contractRoute(app, "PUT /api/orgs/:orgId/inbox/rules", orgUpdate, async (request) => {
    return updateInboxRules(ctx, { actor: orgActorOf(request), orgId: request.params.orgId, input: request.body });
  });

  contractRoute(app, "GET /api/orgs/:orgId/inbox/coverage", view, async (request) => {
    return getCoveragePlan(ctx, { actor: orgActorOf(request), orgId: request.params.orgId });
  });

  contractRoute(app, "PUT /api/orgs/:orgId/inbox/coverage", orgUpdate, async (request) => {
    return updateCoveragePlan(ctx, { actor: orgActorOf(request), orgId: request.params.orgId, input: request.body });
  });

  contractRoute(app, "POST /api/orgs/:orgId/inbox/absences", view, async (request, response) => {
    response.status(201);
    return addAbsence(ctx, { actor: orgActorOf(request), orgId: request.params.orgId, input: request.body });
  });

  contractRoute(app, "DELETE /api/orgs/:orgId/inbox/absences/:absenceId", view, async (request) => {
    const { orgId, absenceId } = request.params;
    return removeAbsence(ctx, { actor: orgActorOf(request), orgId, absenceId });
  });

  contractRoute(app, "GET /api/orgs/:orgId/inbox/colleagues", view, async (request) => {
    return listColleagues(ctx, { actor: orgActorOf(request), orgId: request.params.orgId });
  });

  contractRoute(app, "GET /api/orgs/:orgId/inbox/workload", view, async (request) => {
    return getWorkload(ctx, { actor: orgActorOf(request), orgId: request.params.orgId });
  });

  contractRoute(app, "GET /api/orgs/:orgId/inbox/notifications", view, async (request) => {
    return listMyNotifications(ctx, { actor: orgActorOf(request), orgId: request.params.orgId });
  });

  contractRoute(app, "POST /api/orgs/:orgId/inbox/notifications/read", view, async (request) => {
    return markNotificationsRead(ctx, { actor: orgActorOf(request), orgId: request.params.orgId, input: request.body });
  });
}

/** The organisation's live inbox events as server-sent events, until the stream's lifetime ends. */
async function streamEvents(
  hub: InboxHub,
  request: ContractRequest<"GET /api/orgs/:orgId/inbox/events">,
  response: FastifyReply,
  /** What of an event this person may see (null: nothing). */
  visible: (event: TInboxEvent) => Promise<TInboxEvent | null>,
): Promise<FastifyReply> {
  const raw = response.raw;
  // Events are filtered one after the other, so they reach the browser in the order they happened.
  let delivered = Promise.resolve();
  const deliver = (event: TInboxEvent) => {
    delivered = delivered
      .then(() => visible(event))
      .then((shown) => {
        if (shown && !raw.writableEnded) raw.write(`event: ${shown.kind}\ndata: ${JSON.stringify(shown)}\n\n`);
      })
      .catch((error: unknown) => request.log.error({ err: error }, "live inbox event not delivered"));
  };
  // Subscribed before the stream opens, so a failing listener is an ordinary error response.
  const unsubscribe = await hub.subscribe(request.params.orgId, deliver);
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
  const expiry = setTimeout(end, request.query.lifetime * 1000);
  request.raw.on("close", end);
  return response;
}
