// The connection and health of each channel account a person may see: how it connects (nothing, OAuth,
// app password), whether it is connected and as whom, and how its inbound sync is doing (last sync,
// last error, rate limit, the warning state), and its webhook's address and counters. Never a credential or secret.
import { eq } from "drizzle-orm";
import { channelAccounts, channelCredentials, channelSyncStates, channelWebhooks } from "../../db/schema/index.js";
import { serverLimitsOf, serverUrlOf, ZXSettings } from "../../domain/channelSettings.js";
import type { ConnectorRegistry } from "../../domain/connector.js";
import { inOrganisation } from "../../domain/policy.js";
import { type WebhookRefusal, webhookPath } from "../../domain/webhooks.js";
import { type OrgActor, requireAllowed } from "../authorization.js";
import type { AppContext } from "../context.js";
import { visibleChannelAccounts } from "./channelAccess.js";

export async function listChannelConnections(
  ctx: AppContext,
  deps: { connectors: ConnectorRegistry },
  options: { actor: OrgActor; orgId: string },
) {
  requireAllowed(ctx, options.actor, "channel.view", inOrganisation(options.orgId));
  const rows = await ctx.db
    .select({
      account: channelAccounts,
      credentials: {
        remoteHandle: channelCredentials.remoteHandle,
        remoteUrl: channelCredentials.remoteUrl,
        connectedAt: channelCredentials.connectedAt,
      },
      sync: channelSyncStates,
      webhook: {
        createdAt: channelWebhooks.createdAt,
        eventsAccepted: channelWebhooks.eventsAccepted,
        messagesReceived: channelWebhooks.messagesReceived,
        requestsRefused: channelWebhooks.requestsRefused,
        lastReceivedAt: channelWebhooks.lastReceivedAt,
        lastRefusedAt: channelWebhooks.lastRefusedAt,
        lastRefusal: channelWebhooks.lastRefusal,
      },
    })
    .from(channelAccounts)
    .leftJoin(channelCredentials, eq(channelCredentials.channelAccountId, channelAccounts.id))
    .leftJoin(channelSyncStates, eq(channelSyncStates.channelAccountId, channelAccounts.id))
    .leftJoin(channelWebhooks, eq(channelWebhooks.channelAccountId, channelAccounts.id))
    .where(visibleChannelAccounts(options.actor, options.orgId));
  return rows.map(({ account, credentials, sync, webhook }) => {
    const connector = deps.connectors.get(account.network);
    const methods = connector?.capabilities.connect ?? [];
    const connected = methods.length === 0 || (credentials !== null && credentials.connectedAt !== null);
    return {
      channelAccountId: account.id,
      network: account.network,
      connectMethods: methods,
      serverUrl: serverUrlOf(account.settings),
      /** The server's own limits, as it told them when the account was connected (Mastodon). */
      serverLimits: serverLimitsOf(account.settings),
      accessTier: account.network === "x" ? (ZXSettings.safeParse(account.settings).data?.tier ?? null) : null,
      connected,
      remoteHandle: credentials?.remoteHandle ?? null,
      remoteUrl: credentials?.remoteUrl ?? null,
      connectedAt: credentials?.connectedAt ?? null,
      capabilities: connector?.capabilities ?? null,
      webhookSupported: connector?.webhooks !== undefined,
      webhook: webhook
        ? {
            ...webhook,
            callbackUrl: `${ctx.publicUrl}${webhookPath(account.network, account.id)}`,
            lastRefusal: webhook.lastRefusal as WebhookRefusal | null,
          }
        : null,
      sync: sync
        ? {
            status: sync.status,
            lastAttemptAt: sync.lastAttemptAt,
            lastSuccessAt: sync.lastSuccessAt,
            lastErrorAt: sync.lastErrorAt,
            lastErrorKind: sync.lastErrorKind,
            lastErrorMessage: sync.lastErrorMessage,
            consecutiveFailures: sync.consecutiveFailures,
            rateLimitRemaining: sync.rateLimitRemaining,
            rateLimitResetAt: sync.rateLimitResetAt,
            nextSyncAt: sync.nextSyncAt,
            itemsReceived: sync.itemsReceived,
          }
        : null,
    };
  });
}
