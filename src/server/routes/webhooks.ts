// The webhook endpoint networks push to, and the channels page's setting up of it. The endpoint is registered
// in a scope of its own: deliveries arrive as raw bytes (the signature is over them), whatever their content type, under
// a body limit of their own (over it Fastify answers 413 before reading on).
import type { FastifyInstance } from "fastify";
import { removeWebhook, setUpWebhook } from "../../app/channels/channel-webhook.js";
import { answerWebhookHandshake, receiveWebhook } from "../../app/channels/receive-webhook.js";
import type { AppContext } from "../../app/context.js";
import type { ConnectorRegistry } from "../../domain/connector.js";
import { contractRoute } from "../contractRoutes.js";
import { orgActorOf } from "../plugins/auth.js";

export function webhookRoutes(
  app: FastifyInstance,
  deps: { ctx: AppContext; connectors: ConnectorRegistry; bodyLimit: number },
) {
  const { ctx, bodyLimit } = deps;
  app.removeAllContentTypeParsers();
  app.addContentTypeParser("*", { parseAs: "buffer", bodyLimit }, (_request, body, done) => done(null, body));
  const open = { config: { access: { kind: "public" } as const } };

  contractRoute(app, "GET /api/webhooks/:network/:channelAccountId", open, async (request, reply) => {
    const challenge = await answerWebhookHandshake(ctx, deps, {
      network: request.params.network,
      accountId: request.params.channelAccountId,
      query: request.query,
    });
    return reply.header("content-type", "text/plain; charset=utf-8").send(challenge);
  });

  contractRoute(app, "POST /api/webhooks/:network/:channelAccountId", { ...open, bodyLimit }, async (request) =>
    receiveWebhook(ctx, deps, {
      network: request.params.network,
      accountId: request.params.channelAccountId,
      headers: request.headers,
      body: Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0),
    }),
  );
}

/** Setting the webhook up and removing it: JSON routes of the channels page, registered outside that scope. */
export function webhookSetupRoutes(app: FastifyInstance, deps: { ctx: AppContext; connectors: ConnectorRegistry }) {
  const { ctx } = deps;
  const manage = { config: { access: { kind: "org", action: "channel.manage" } as const } };
  contractRoute(app, "PUT /api/orgs/:orgId/channels/:channelAccountId/webhook", manage, async (request) =>
    setUpWebhook(ctx, deps, {
      actor: orgActorOf(request),
      orgId: request.params.orgId,
      accountId: request.params.channelAccountId,
      secret: request.body.secret,
    }),
  );

  contractRoute(app, "DELETE /api/orgs/:orgId/channels/:channelAccountId/webhook", manage, async (request) =>
    removeWebhook(ctx, deps, {
      actor: orgActorOf(request),
      orgId: request.params.orgId,
      accountId: request.params.channelAccountId,
    }),
  );
}
