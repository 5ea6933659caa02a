// What every way of connecting a channel account shares: the account loaded for someone who may manage it, a
// network call whose failure is told in draht's words only, the app-password connect (Bluesky, a mailbox's
// sign-in), and saving a connection — credentials checked with the network, sealed and stored, the sync state
// started afresh, the audit trail told. OAuth and delegated OAuth are in connect-channel-account.ts.
import { and, eq } from "drizzle-orm";
import type { Tx } from "../../db/client.js";
import { channelAccounts, channelCredentials, channelSyncStates } from "../../db/schema/index.js";
import { mailServerUrlsOf, serverUrlOf } from "../../domain/channelSettings.js";
import { type ChannelConnector, ConnectorError, type ConnectorRegistry } from "../../domain/connector.js";
import { AppError } from "../../domain/errors.js";
import { addressRefusalIn } from "../../domain/serverAddress.js";
import { appendAuditEvent } from "../audit/auditTrail.js";
import { type OrgActor, requireAllowed } from "../authorization.js";
import type { AppContext } from "../context.js";
import { requireNetworkEnabled } from "./network-enablement.js";
import { channelAccountResource } from "./channelAccess.js";
import { storeCredentials } from "./channelCredentials.js";
import { requireAllowedServerOf } from "./requireAllowedServer.js";

export async function loadManagedAccount(
  ctx: AppContext,
  deps: { connectors: ConnectorRegistry },
  options: { actor: OrgActor; orgId: string; accountId: string },
) {
  const [account] = await ctx.db
    .select()
    .from(channelAccounts)
    .where(and(eq(channelAccounts.id, options.accountId), eq(channelAccounts.orgId, options.orgId)));
  if (!account) throw new AppError("NOT_FOUND");
  requireAllowed(ctx, options.actor, "channel.manage", channelAccountResource(account));
  const connector = deps.connectors.get(account.network);
  if (!connector) throw new AppError("CHANNEL_UNSUPPORTED", { details: { network: account.network } });
  return { account, connector };
}

/** The account's server, checked again against the address rule before anything is sent there. */
export async function allowedServerUrl(ctx: AppContext, settings: Record<string, unknown>): Promise<string> {
  // A mailbox has no one server URL: its IMAP server stands for it (the connector reads both from the settings).
  const url = serverUrlOf(settings) ?? mailServerUrlsOf(settings)[0]?.url;
  if (!url)
    throw new AppError("VALIDATION_FAILED", {
      details: { field: "settings.serverUrl" },
      userMessage: "The account has no server URL.",
    });
  await requireAllowedServerOf(ctx, settings);
  return url;
}

/**
 * A network call while connecting, its failure told in draht's words only — never the server's answer, and
 * one error for a server that refused the connection, timed out or is some other kind of server, so that
 * the answers map no ports. `refusal`: what a server's refusal means here — credentials refused (the code
 * exchange, where the server has shown it speaks OAuth) or the server unusable (anything before that).
 */
export async function networkCall<T>(
  ctx: AppContext,
  call: () => Promise<T>,
  refusal: "credentials" | "server" = "server",
): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const refused = addressRefusalIn(error);
    if (refused)
      throw new AppError("CHANNEL_SERVER_NOT_ALLOWED", { details: { reason: refused.reason }, cause: error });
    if (!(error instanceof ConnectorError)) throw error;
    ctx.log.warn({ kind: error.kind, status: error.status }, "connecting a channel account failed at the network");
    if (error.kind === "auth_expired" || (error.kind === "permanent" && refusal === "credentials"))
      throw new AppError("CHANNEL_AUTH_FAILED", { details: { reason: "credentials_refused" }, cause: error });
    throw new AppError("CHANNEL_SERVER_UNAVAILABLE", { cause: error });
  }
}

export async function connectWithAppPassword(
  ctx: AppContext,
  deps: { connectors: ConnectorRegistry },
  options: { actor: OrgActor; orgId: string; accountId: string; identifier: string; password: string },
): Promise<{ handle: string }> {
  const { account, connector } = await loadManagedAccount(ctx, deps, options);
  await requireNetworkEnabled(ctx.db, account.orgId, account.network);
  const appPassword = connector.appPassword;
  if (!appPassword)
    throw new AppError("CHANNEL_UNSUPPORTED", { details: { network: account.network, action: "app_password" } });
  const serverUrl = await allowedServerUrl(ctx, account.settings);
  const credentials = await networkCall(ctx, () =>
    appPassword.connect({
      serverUrl,
      identifier: options.identifier.trim(),
      password: options.password,
    }),
  );
  return {
    handle: await saveConnection(ctx, {
      account,
      connector,
      credentials,
      userId: options.actor.userId,
      actorLabel: options.actor.label,
      method: "app_password",
    }),
  };
}

/** Checks the credentials with the network, then seals and stores them; the sync starts afresh. */
export async function saveConnection(
  ctx: AppContext,
  args: {
    account: typeof channelAccounts.$inferSelect;
    connector: ChannelConnector;
    credentials: unknown;
    userId: string | null;
    actorLabel: string;
    method: "oauth" | "app_password";
  },
): Promise<string> {
  const { account, connector } = args;
  // Also here: the network may have been turned off while the person was on its consent page.
  await requireNetworkEnabled(ctx.db, account.orgId, account.network);
  const whoAmI = connector.whoAmI;
  const returned = { id: account.id, orgId: account.orgId, settings: account.settings, credentials: args.credentials };
  const keep = connector.credentialsToKeep;
  const credentials = keep ? await networkCall(ctx, async () => keep(returned), "credentials") : args.credentials;
  const target = { ...returned, credentials };
  const identity = whoAmI ? await networkCall(ctx, () => whoAmI(target)) : null;
  const now = ctx.clock();
  // The server's own limits and streaming address; a server that will not say keeps the network's usual ones.
  const server = connector.describeServer
    ? await connector.describeServer(target).then(
        (facts) => ({ ...facts, checkedAt: now.toISOString() }),
        (error: unknown) => {
          ctx.log.warn(
            { channelAccountId: account.id, err: error },
            "the server did not describe itself; the network's usual limits apply",
          );
          return null;
        },
      )
    : null;
  await ctx.db.transaction(async (tx) => {
    // Reconnecting the same network account keeps the sync cursor: nothing that arrived meanwhile is skipped.
    const [previous] = await tx
      .select({ handle: channelCredentials.remoteHandle })
      .from(channelCredentials)
      .where(eq(channelCredentials.channelAccountId, account.id));
    const keepCursor = previous !== undefined && previous.handle === (identity?.handle ?? null);
    await storeCredentials(tx, ctx, {
      accountId: account.id,
      orgId: account.orgId,
      credentials,
      remoteHandle: identity?.handle ?? null,
      remoteUrl: identity?.url ?? null,
      userId: args.userId,
      now,
    });
    if (identity?.remoteAccountId || server) {
      const settings = {
        ...account.settings,
        ...(identity?.remoteAccountId ? { remoteAccountId: identity.remoteAccountId } : {}),
        ...(server ? { server: stripUndefined(server) } : {}),
      };
      await tx.update(channelAccounts).set({ settings, updatedAt: now }).where(eq(channelAccounts.id, account.id));
    }
    await resetSyncState(tx, { accountId: account.id, orgId: account.orgId, status: "never_synced", now, keepCursor });
    await appendAuditEvent(tx, {
      orgId: account.orgId,
      actor: { userId: args.userId, label: args.actorLabel },
      action: "channel_account.connected",
      target: { type: "channel_account", id: account.id },
      data: { network: account.network, method: args.method, remoteHandle: identity?.handle ?? null },
      occurredAt: now,
    });
  });
  return identity?.handle ?? "";
}

function stripUndefined<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

export async function resetSyncState(
  tx: Tx,
  args: { accountId: string; orgId: string; status: "never_synced" | "disconnected"; now: Date; keepCursor?: boolean },
): Promise<void> {
  const fresh = {
    status: args.status,
    ...(args.keepCursor ? {} : { cursor: null }),
    lastErrorAt: null,
    lastErrorKind: null,
    lastErrorMessage: null,
    consecutiveFailures: 0,
    rateLimitRemaining: null,
    rateLimitResetAt: null,
    nextSyncAt: null,
    updatedAt: args.now,
  };
  await tx
    .insert(channelSyncStates)
    .values({ channelAccountId: args.accountId, orgId: args.orgId, ...fresh })
    .onConflictDoUpdate({ target: channelSyncStates.channelAccountId, set: fresh });
}
