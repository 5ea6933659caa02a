// Connecting channel accounts to their networks: OAuth (start, and the network's redirect back), app
// passwords, disconnecting, syncing now, and the connections' health. Thin: parse, call one use case.
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import {
  beginChannelAuthorisation,
  completeChannelAuthorisation,
  connectWithAppPassword,
  delegatedClientDocuments,
} from "../../app/channels/connect-channel-account.js";
import { disconnectChannelAccount } from "../../app/channels/disconnect-channel-account.js";
import { listChannelConnections } from "../../app/channels/list-channel-connections.js";
import { syncChannelNow } from "../../app/channels/sync-channel-inbound.js";
import type { AppContext } from "../../app/context.js";
import { type ConnectorRegistry, delegatedClientDocumentPaths } from "../../domain/connector.js";
import { isAppError } from "../../domain/errors.js";
import { orgActorOf, sessionOf } from "../plugins/auth.js";
import { ZOrgParams } from "./params.js";

const ZChannelParams = ZOrgParams.extend({ channelAccountId: z.uuid() });
const ZAppPassword = z.object({ identifier: z.string().trim().min(1).max(300), password: z.string().min(1).max(300) });
const ZCallback = z.object({
  state: z.string().min(1).max(200),
  code: z.string().max(2000).optional(),
  error: z.string().max(200).optional(),
  iss: z.string().max(500).optional(),
});

export const OAUTH_CALLBACK_PATH = "/api/channel-authorisations/callback";
/**
 * Where a loopback OAuth client (AT Protocol, when draht has no public HTTPS address) is sent back: always
 * 127.0.0.1 on draht's port. It forwards to the callback on the public address, where the session cookie is.
 */
export const OAUTH_RETURN_PATH = "/api/channel-authorisations/return";

export function channelConnectionRoutes(
  app: FastifyInstance,
  options: { ctx: AppContext; connectors: ConnectorRegistry },
) {
  const { ctx, connectors } = options;
  const deps = { connectors };

  app.get(
    "/api/orgs/:orgId/channel-connections",
    { config: { access: { kind: "org", action: "channel.view" } } },
    async (request) => {
      const { orgId } = ZOrgParams.parse(request.params);
      return { connections: await listChannelConnections(ctx, deps, { actor: orgActorOf(request), orgId }) };
    },
  );

  app.post(
    "/api/orgs/:orgId/channels/:channelAccountId/connection/oauth",
    { config: { access: { kind: "org", action: "channel.manage" } } },
    async (request) => {
      const params = ZChannelParams.parse(request.params);
      const publicUrl = new URL(ctx.publicUrl);
      const loopbackRedirectUri = `http://127.0.0.1:${publicUrl.port || (publicUrl.protocol === "https:" ? 443 : 80)}${OAUTH_RETURN_PATH}`;
      return beginChannelAuthorisation(ctx, deps, {
        actor: orgActorOf(request),
        orgId: params.orgId,
        accountId: params.channelAccountId,
        redirectUri: `${ctx.publicUrl}${OAUTH_CALLBACK_PATH}`,
        loopbackRedirectUri,
      });
    },
  );

  app.get(OAUTH_RETURN_PATH, { config: { access: { kind: "public" } } }, async (request, reply) => {
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
  app.get(OAUTH_CALLBACK_PATH, { config: { access: { kind: "session" } } }, async (request, reply) => {
    const query = ZCallback.parse(request.query);
    const session = sessionOf(request);
    try {
      const params = new URLSearchParams(request.raw.url?.split("?")[1] ?? "");
      const done = await completeChannelAuthorisation(ctx, deps, {
        userId: session.user.id,
        actorLabel: session.user.email,
        state: query.state,
        code: query.code ?? null,
        error: query.error ?? null,
        params,
      });
      return reply.redirect(`/o/${done.orgId}/admin/channels?connected=${done.accountId}`, 303);
    } catch (error) {
      if (!isAppError(error)) throw error;
      request.log.warn({ code: error.code }, "channel authorisation not completed");
      return reply.redirect(`/?connectionError=${encodeURIComponent(error.code)}`, 303);
    }
  });

  app.post(
    "/api/orgs/:orgId/channels/:channelAccountId/connection/app-password",
    { config: { access: { kind: "org", action: "channel.manage" } } },
    async (request) => {
      const params = ZChannelParams.parse(request.params);
      const input = ZAppPassword.parse(request.body);
      return connectWithAppPassword(ctx, deps, {
        actor: orgActorOf(request),
        orgId: params.orgId,
        accountId: params.channelAccountId,
        ...input,
      });
    },
  );

  app.delete(
    "/api/orgs/:orgId/channels/:channelAccountId/connection",
    { config: { access: { kind: "org", action: "channel.manage" } } },
    async (request) => {
      const params = ZChannelParams.parse(request.params);
      return disconnectChannelAccount(ctx, deps, {
        actor: orgActorOf(request),
        orgId: params.orgId,
        accountId: params.channelAccountId,
      });
    },
  );

  app.post(
    "/api/orgs/:orgId/channels/:channelAccountId/connection/sync",
    { config: { access: { kind: "org", action: "channel.manage" } } },
    async (request) => {
      const params = ZChannelParams.parse(request.params);
      return {
        outcome: await syncChannelNow(ctx, deps, {
          actor: orgActorOf(request),
          orgId: params.orgId,
          accountId: params.channelAccountId,
        }),
      };
    },
  );
}
