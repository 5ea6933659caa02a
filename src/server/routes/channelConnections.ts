// Connecting channel accounts to their networks: OAuth (start, and the network's redirect back), app
// passwords, disconnecting, syncing now, and the connections' health. Thin: parse, call one use case.
import type { FastifyInstance } from "fastify";
import {
  beginChannelAuthorisation,
  completeChannelAuthorisation,
  connectWithAppPassword,
  delegatedClientDocuments,
} from "../../app/channels/connect-channel-account.js";
import { disconnectChannelAccount } from "../../app/channels/disconnect-channel-account.js";
import { listChannelConnections } from "../../app/channels/list-channel-connections.js";
import { listNetworkEnablements, setNetworkEnabled } from "../../app/channels/network-enablement.js";
import { syncChannelNow } from "../../app/channels/sync-channel-inbound.js";
import type { AppContext } from "../../app/context.js";
import { type ConnectorRegistry, delegatedClientDocumentPaths } from "../../domain/connector.js";
import { isAppError } from "../../domain/errors.js";
import { contractRoute } from "../contractRoutes.js";
import { actorInOrganisation } from "../../app/auth/actor-in-organisation.js";
import { orgActorOf, sessionOf } from "../plugins/auth.js";

export const OAUTH_CALLBACK_PATH = "/api/channel-authorisations/callback" as const;
/**
 * Where a loopback OAuth client (AT Protocol, when draht has no public HTTPS address) is sent back: always
 * 127.0.0.1 on draht's port. It forwards to the callback on the public address, where the session cookie is.
 */
export const OAUTH_RETURN_PATH = "/api/channel-authorisations/return" as const;

export function channelConnectionRoutes(
  app: FastifyInstance,
  options: { ctx: AppContext; connectors: ConnectorRegistry },
) {
  const { ctx, connectors } = options;
  const deps = { connectors };
  const manage = { config: { access: { kind: "org", action: "channel.manage" } as const } };

  contractRoute(
    app,
    "GET /api/orgs/:orgId/channel-connections",
    { config: { access: { kind: "org", action: "channel.view" } } },
    async (request) => ({
      connections: await listChannelConnections(ctx, deps, { actor: orgActorOf(request), orgId: request.params.orgId }),
    }),
  );

  contractRoute(
    app,
    "GET /api/orgs/:orgId/channel-networks",
    { config: { access: { kind: "org", action: "channel.view" } } },
    async (request) => ({
      networks: await listNetworkEnablements(ctx, { actor: orgActorOf(request), orgId: request.params.orgId }),
    }),
  );

  contractRoute(
    app,
    "PUT /api/orgs/:orgId/channel-networks/:network",
    { config: { access: { kind: "org", action: "org.update" } } },
    async (request) =>
      setNetworkEnabled(ctx, {
        actor: orgActorOf(request),
        orgId: request.params.orgId,
        network: request.params.network,
        enabled: request.body.enabled,
      }),
  );

  contractRoute(app, "POST /api/orgs/:orgId/channels/:channelAccountId/connection/oauth", manage, async (request) => {
    const publicUrl = new URL(ctx.publicUrl);
    const loopbackRedirectUri = `http://127.0.0.1:${publicUrl.port || (publicUrl.protocol === "https:" ? 443 : 80)}${OAUTH_RETURN_PATH}`;
    return beginChannelAuthorisation(ctx, deps, {
      actor: orgActorOf(request),
      orgId: request.params.orgId,
      accountId: request.params.channelAccountId,
      redirectUri: `${ctx.publicUrl}${OAUTH_CALLBACK_PATH}`,
      loopbackRedirectUri,
    });
  });

  contractRoute(app, `GET ${OAUTH_RETURN_PATH}`, { config: { access: { kind: "public" } } }, async (request, reply) => {
    const query = request.raw.url?.split("?")[1] ?? "";
    return reply.redirect(`${ctx.publicUrl}${OAUTH_CALLBACK_PATH}${query ? `?${query}` : ""}`, 303);
  });

  // What an AT Protocol authorisation server fetches about draht as a confidential client (public HTTPS address only).
  const paths = delegatedClientDocumentPaths("bluesky");
  for (const [path, part] of [
    [paths.metadata, "metadata"],
    [paths.jwks, "jwks"],
  ] as const) {
    app.get(path, async (_request, reply) => {
      const documents = await delegatedClientDocuments(ctx, deps, {
        network: "bluesky",
        redirectUri: `${ctx.publicUrl}${OAUTH_CALLBACK_PATH}`,
      });
      if (!documents)
        return reply.code(404).send({
          error: {
            code: "NOT_FOUND",
            message: "draht has no public HTTPS address, so it is a loopback client without client documents",
          },
        });
      return reply.header("cache-control", "public, max-age=600").send(documents[part]);
    });
  }

  // The network sends the person's browser back here; the answer is a redirect to the channels page.
  contractRoute(
    app,
    `GET ${OAUTH_CALLBACK_PATH}`,
    { config: { access: { kind: "session" } } },
    async (request, reply) => {
      const query = request.query;
      const session = sessionOf(request);
      try {
        const params = new URLSearchParams(request.raw.url?.split("?")[1] ?? "");
        const done = await completeChannelAuthorisation(ctx, deps, {
          userId: session.user.id,
          actorLabel: session.user.email,
          actorIn: (orgId) =>
            actorInOrganisation(ctx, {
              userId: session.user.id,
              label: session.user.email,
              orgId,
              requestId: request.id,
            }),
          state: query.state,
          code: query.code ?? null,
          error: query.error ?? null,
          params,
        });
        return reply.redirect(`/o/${done.orgId}/admin/channels?connected=${done.accountId}`, 303);
      } catch (error) {
        if (!isAppError(error)) throw error;
        request.log.warn({ code: error.code }, "channel authorisation not completed");
        const orgId = error.details?.orgId;
        const page = typeof orgId === "string" ? `/o/${orgId}/admin/channels` : "/";
        return reply.redirect(`${page}?connectionError=${encodeURIComponent(error.code)}`, 303);
      }
    },
  );

  contractRoute(
    app,
    "POST /api/orgs/:orgId/channels/:channelAccountId/connection/app-password",
    manage,
    async (request) =>
      connectWithAppPassword(ctx, deps, {
        actor: orgActorOf(request),
        orgId: request.params.orgId,
        accountId: request.params.channelAccountId,
        ...request.body,
      }),
  );

  contractRoute(app, "DELETE /api/orgs/:orgId/channels/:channelAccountId/connection", manage, async (request) => {
    return disconnectChannelAccount(ctx, deps, {
      actor: orgActorOf(request),
      orgId: request.params.orgId,
      accountId: request.params.channelAccountId,
    });
  });

  contractRoute(app, "POST /api/orgs/:orgId/channels/:channelAccountId/connection/sync", manage, async (request) => {
    return {
      outcome: await syncChannelNow(ctx, deps, {
        actor: orgActorOf(request),
        orgId: request.params.orgId,
        accountId: request.params.channelAccountId,
      }),
    };
  });
}
