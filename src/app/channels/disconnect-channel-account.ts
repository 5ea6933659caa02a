// Disconnecting a channel account: the token is revoked at the network where it can be (best effort:
// a network that is down must not keep draht holding credentials), the sealed credentials are wiped,
// syncing stops. Publishing and answering on the account fail as "not connected" until it is connected again.
import { and, eq } from "drizzle-orm";
import { channelOauthClients } from "../../db/schema/index.js";
import { serverUrlOf } from "../../domain/channelSettings.js";
import type { ConnectorRegistry } from "../../domain/connector.js";
import { appendAuditEvent } from "../audit/auditTrail.js";
import type { OrgActor } from "../authorization.js";
import type { AppContext } from "../context.js";
import { openCredentials, wipeCredentials } from "./channelCredentials.js";
import { loadManagedAccount, resetSyncState } from "./connect-channel-account.js";

export async function disconnectChannelAccount(
  ctx: AppContext,
  deps: { connectors: ConnectorRegistry },
  options: { actor: OrgActor; orgId: string; accountId: string },
): Promise<{ revoked: boolean }> {
  const { account, connector } = await loadManagedAccount(ctx, deps, options);
  const credentials = await openCredentials(ctx.db, ctx, account.id);
  let revoked = false;
  const serverUrl = serverUrlOf(account.settings);
  if (credentials !== null && connector.oauth?.revoke && serverUrl) {
    const clients = await ctx.db
      .select()
      .from(channelOauthClients)
      .where(and(eq(channelOauthClients.network, account.network), eq(channelOauthClients.serverUrl, serverUrl)));
    for (const client of clients) {
      try {
        const secret = ctx.credentials.open(
          JSON.parse(client.sealedSecret),
          `${client.network} ${client.serverUrl} ${client.redirectUri}`,
        ) as string;
        await connector.oauth.revoke({ serverUrl, clientId: client.clientId, clientSecret: secret, credentials });
        revoked = true;
        break;
      } catch (error) {
        ctx.log.warn(
          { channelAccountId: account.id, err: error },
          "token not revoked at the network; credentials are wiped anyway",
        );
      }
    }
  }
  if (credentials !== null && connector.delegatedOAuth?.revoke) {
    try {
      revoked = await connector.delegatedOAuth.revoke({
        id: account.id,
        orgId: account.orgId,
        settings: account.settings,
        credentials,
      });
    } catch (error) {
      ctx.log.warn(
        { channelAccountId: account.id, err: error },
        "session not ended at the network; credentials are wiped anyway",
      );
    }
  }
  const now = ctx.clock();
  await ctx.db.transaction(async (tx) => {
    const wiped = await wipeCredentials(tx, account.id);
    await resetSyncState(tx, {
      accountId: account.id,
      orgId: account.orgId,
      status: "disconnected",
      now,
      keepCursor: true,
    });
    await appendAuditEvent(tx, {
      orgId: account.orgId,
      actor: options.actor,
      action: "channel_account.disconnected",
      target: { type: "channel_account", id: account.id },
      data: { network: account.network, credentialsWiped: wiped, tokenRevoked: revoked },
      occurredAt: now,
    });
  });
  return { revoked };
}
