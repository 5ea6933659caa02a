// The network's approved message templates for a conversation (WhatsApp outside its 24-hour window), for the
// composer to offer. Thin: call one use case; access as for answering (inbox.reply).
import type { FastifyInstance } from "fastify";
import { listMessageTemplates } from "../../app/inbox/message-templates.js";
import type { AppContext } from "../../app/context.js";
import type { ConnectorRegistry } from "../../domain/connector.js";
import { contractRoute } from "../contractRoutes.js";
import { orgActorOf } from "../plugins/auth.js";

export function inboxMessageTemplateRoutes(
  app: FastifyInstance,
  options: { ctx: AppContext; connectors: ConnectorRegistry },
) {
  const reply = { config: { access: { kind: "org", action: "inbox.reply" } as const } };
  contractRoute(
    app,
    "GET /api/orgs/:orgId/inbox/conversations/:conversationId/message-templates",
    reply,
    async (request) =>
      listMessageTemplates(
        options.ctx,
        { connectors: options.connectors },
        { actor: orgActorOf(request), ...request.params },
      ),
  );
}
