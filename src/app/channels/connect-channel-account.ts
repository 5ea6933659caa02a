// Connecting a channel account to its network account: OAuth (authorisation code with PKCE, S256; one
// registered client per server, its secret sealed), OAuth run by the network's own client library
// (AT Protocol: its pending state sealed here, draht's client key made once and sealed), or an app
// password (Bluesky). Credentials are checked with the network (who are we there? what are the server's
// own limits?) before they are sealed and stored; the account's sync state starts afresh. Every
// connection goes to the audit trail, without any secret.
import { createHash, randomBytes } from "node:crypto";
import { and, eq, lt } from "drizzle-orm";
import type { Tx } from "../../db/client.js";
import {
  channelAccounts,
  channelCredentials,
  channelOauthClients,
  channelOauthStates,
  channelSyncStates,
} from "../../db/schema/index.js";
import { mailServerUrlsOf, serverUrlOf } from "../../domain/channelSettings.js";
import { type ChannelConnector, ConnectorError, type ConnectorRegistry } from "../../domain/connector.js";
import { AppError } from "../../domain/errors.js";
import { addressRefusalIn } from "../../domain/serverAddress.js";
import { appendAuditEvent } from "../audit/auditTrail.js";
import { type OrgActor, requireAllowed } from "../authorization.js";
import type { AppContext } from "../context.js";
import { channelAccountResource } from "./channelAccess.js";
import { storeCredentials } from "./channelCredentials.js";
import { requireAllowedServerOf } from "./requireAllowedServer.js";

const STATE_TTL_MS = 10 * 60_000;

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
async function allowedServerUrl(ctx: AppContext, settings: Record<string, unknown>): Promise<string> {
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

const clientKey = (network: string, serverUrl: string, redirectUri: string) => `${network} ${serverUrl} ${redirectUri}`;

/** The OAuth client draht has at this server for this redirect URI, registered on first use. */
async function oauthClient(ctx: AppContext, connector: ChannelConnector, serverUrl: string, redirectUri: string) {
  const oauth = connector.oauth;
  if (!oauth) throw new AppError("CHANNEL_UNSUPPORTED", { details: { network: connector.network, action: "oauth" } });
  const where = and(
    eq(channelOauthClients.network, connector.network),
    eq(channelOauthClients.serverUrl, serverUrl),
    eq(channelOauthClients.redirectUri, redirectUri),
    eq(channelOauthClients.scopes, oauth.scopes),
  );
  const [known] = await ctx.db.select().from(channelOauthClients).where(where);
  if (known)
    return {
      clientId: known.clientId,
      clientSecret: ctx.credentials.open(
        JSON.parse(known.sealedSecret),
        clientKey(connector.network, serverUrl, redirectUri),
      ) as string,
    };
  const registered = await networkCall(ctx, () => oauth.registerClient({ serverUrl, redirectUri }));
  const sealedSecret = JSON.stringify(
    ctx.credentials.seal(registered.clientSecret, clientKey(connector.network, serverUrl, redirectUri)),
  );
  await ctx.db
    .insert(channelOauthClients)
    .values({
      network: connector.network,
      serverUrl,
      redirectUri,
      scopes: oauth.scopes,
      clientId: registered.clientId,
      sealedSecret,
      createdAt: ctx.clock(),
    })
    .onConflictDoNothing();
  return registered;
}

/**
 * A network call while connecting, its failure told in draht's words only — never the server's answer, and
 * one error for a server that refused the connection, timed out or is some other kind of server, so that
 * the answers map no ports. `refusal`: what a server's refusal means here — credentials refused (the code
 * exchange, where the server has shown it speaks OAuth) or the server unusable (anything before that).
 */
async function networkCall<T>(
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

const DELEGATED_KEY_SERVER = "*";
const DELEGATED_KEY_SCOPES = "client-key";

/**
 * draht's private key as a confidential client of networks whose OAuth library runs the flow (AT Protocol),
 * made on first use and kept sealed; none where draht has no public HTTPS address (a loopback client).
 */
async function delegatedClientKey(
  ctx: AppContext,
  connector: ChannelConnector,
  redirectUri: string,
): Promise<string | null> {
  const delegated = connector.delegatedOAuth;
  if (!delegated || new URL(redirectUri).protocol !== "https:") return null;
  const aad = clientKey(connector.network, DELEGATED_KEY_SERVER, redirectUri);
  const where = and(
    eq(channelOauthClients.network, connector.network),
    eq(channelOauthClients.serverUrl, DELEGATED_KEY_SERVER),
    eq(channelOauthClients.redirectUri, redirectUri),
    eq(channelOauthClients.scopes, DELEGATED_KEY_SCOPES),
  );
  const [known] = await ctx.db.select().from(channelOauthClients).where(where);
  if (!known) {
    const sealedSecret = JSON.stringify(ctx.credentials.seal(await delegated.generateClientKey(), aad));
    await ctx.db
      .insert(channelOauthClients)
      .values({
        network: connector.network,
        serverUrl: DELEGATED_KEY_SERVER,
        redirectUri,
        scopes: DELEGATED_KEY_SCOPES,
        clientId: "draht",
        sealedSecret,
        createdAt: ctx.clock(),
      })
      .onConflictDoNothing();
  }
  // Two first uses at once: both read the one that was stored.
  const [stored] = await ctx.db.select().from(channelOauthClients).where(where);
  if (!stored) throw new Error("client key not stored");
  return ctx.credentials.open(JSON.parse(stored.sealedSecret), aad) as string;
}

/** The documents a network fetches about draht as its client (AT Protocol client metadata and public keys); null where there are none. */
export async function delegatedClientDocuments(
  ctx: AppContext,
  deps: { connectors: ConnectorRegistry },
  options: { network: string; redirectUri: string },
) {
  const connector = deps.connectors.get(options.network);
  if (!connector?.delegatedOAuth) return null;
  return connector.delegatedOAuth.clientDocuments({
    redirectUri: options.redirectUri,
    clientKey: await delegatedClientKey(ctx, connector, options.redirectUri),
  });
}

/** The pending authorisation, sealed to its state and dropped when it expires or is used. */
async function keepPendingAuthorisation(
  ctx: AppContext,
  args: {
    state: string;
    secret: unknown;
    orgId: string;
    accountId: string;
    userId: string | null;
    redirectUri: string;
  },
) {
  // Authorisations never completed are dropped when they expire.
  await ctx.db.delete(channelOauthStates).where(lt(channelOauthStates.expiresAt, ctx.clock()));
  await ctx.db.insert(channelOauthStates).values({
    state: args.state,
    orgId: args.orgId,
    channelAccountId: args.accountId,
    userId: args.userId,
    sealedVerifier: JSON.stringify(ctx.credentials.seal(args.secret, args.state)),
    redirectUri: args.redirectUri,
    expiresAt: new Date(ctx.clock().getTime() + STATE_TTL_MS),
  });
}

export async function beginChannelAuthorisation(
  ctx: AppContext,
  deps: { connectors: ConnectorRegistry },
  options: { actor: OrgActor; orgId: string; accountId: string; redirectUri: string; loopbackRedirectUri?: string },
): Promise<{ authoriseUrl: string }> {
  const { account, connector } = await loadManagedAccount(ctx, deps, options);
  const delegated = connector.delegatedOAuth;
  if (delegated) {
    // Without a public HTTPS address draht is a loopback client, and the browser comes back to 127.0.0.1.
    const redirectUri =
      new URL(options.redirectUri).protocol === "https:"
        ? options.redirectUri
        : (options.loopbackRedirectUri ?? options.redirectUri);
    const serverUrl = await allowedServerUrl(ctx, account.settings);
    const clientKey = await delegatedClientKey(ctx, connector, redirectUri);
    const begun = await networkCall(ctx, () => delegated.begin({ serverUrl, redirectUri, clientKey }));
    await keepPendingAuthorisation(ctx, {
      state: begun.state,
      secret: begun.pending,
      orgId: options.orgId,
      accountId: account.id,
      userId: options.actor.userId,
      redirectUri,
    });
    return { authoriseUrl: begun.authoriseUrl };
  }
  if (!connector.oauth)
    throw new AppError("CHANNEL_UNSUPPORTED", { details: { network: account.network, action: "oauth" } });
  const serverUrl = await allowedServerUrl(ctx, account.settings);
  const client = await oauthClient(ctx, connector, serverUrl, options.redirectUri);
  const state = randomBytes(24).toString("base64url");
  const verifier = randomBytes(32).toString("base64url");
  const codeChallenge = createHash("sha256").update(verifier).digest("base64url");
  await keepPendingAuthorisation(ctx, {
    state,
    secret: verifier,
    orgId: options.orgId,
    accountId: account.id,
    userId: options.actor.userId,
    redirectUri: options.redirectUri,
  });
  return {
    authoriseUrl: connector.oauth.authoriseUrl({
      serverUrl,
      clientId: client.clientId,
      redirectUri: options.redirectUri,
      state,
      codeChallenge,
    }),
  };
}

/** The network sent the person back: exchange the code (once; the state is single-use and expires). */
export async function completeChannelAuthorisation(
  ctx: AppContext,
  deps: { connectors: ConnectorRegistry },
  options: {
    userId: string | null;
    actorLabel: string;
    /** The person as they stand in the account's organisation now (their grant may have changed since the start). */
    actorIn: (orgId: string) => Promise<OrgActor>;
    state: string;
    code: string | null;
    error: string | null;
    params?: URLSearchParams;
  },
): Promise<{ orgId: string; accountId: string; handle: string }> {
  const [pending] = await ctx.db
    .delete(channelOauthStates)
    .where(eq(channelOauthStates.state, options.state))
    .returning();
  if (!pending || pending.expiresAt.getTime() < ctx.clock().getTime() || pending.userId !== options.userId)
    throw new AppError("CHANNEL_AUTH_FAILED", { details: { reason: "unknown_or_expired" } });
  try {
    return await completePending(ctx, deps, options, pending);
  } catch (error) {
    // The state named the organisation: the person goes back to its channels page with the reason.
    if (error instanceof AppError)
      throw new AppError(error.code, {
        details: { ...error.details, orgId: pending.orgId },
        userMessage: error.userMessage,
        cause: error,
      });
    throw error;
  }
}

async function completePending(
  ctx: AppContext,
  deps: { connectors: ConnectorRegistry },
  options: Parameters<typeof completeChannelAuthorisation>[2],
  pending: typeof channelOauthStates.$inferSelect,
): Promise<{ orgId: string; accountId: string; handle: string }> {
  if (options.error || !options.code)
    throw new AppError("CHANNEL_AUTH_FAILED", { details: { reason: options.error ?? "no_code" } });
  const [account] = await ctx.db.select().from(channelAccounts).where(eq(channelAccounts.id, pending.channelAccountId));
  // Ten minutes may pass on the network's pages: whoever comes back must still be allowed to manage the account.
  if (account)
    requireAllowed(ctx, await options.actorIn(account.orgId), "channel.manage", channelAccountResource(account));
  const connector = account ? deps.connectors.get(account.network) : undefined;
  const delegated = connector?.delegatedOAuth;
  if (account && connector && delegated) {
    const pendingState = ctx.credentials.open(JSON.parse(pending.sealedVerifier), options.state);
    const clientKey = await delegatedClientKey(ctx, connector, pending.redirectUri);
    const params = options.params ?? new URLSearchParams({ state: options.state, code: options.code });
    const credentials = await networkCall(
      ctx,
      () =>
        delegated.complete({
          redirectUri: pending.redirectUri,
          params,
          state: options.state,
          pending: pendingState,
          clientKey,
        }),
      "credentials",
    );
    const handle = await saveConnection(ctx, {
      account,
      connector,
      credentials,
      userId: options.userId,
      actorLabel: options.actorLabel,
      method: "oauth",
    });
    return { orgId: account.orgId, accountId: account.id, handle };
  }
  if (!account || !connector?.oauth) throw new AppError("NOT_FOUND");
  const serverUrl = await allowedServerUrl(ctx, account.settings);
  const client = await oauthClient(ctx, connector, serverUrl, pending.redirectUri);
  const verifier = ctx.credentials.open(JSON.parse(pending.sealedVerifier), options.state) as string;
  const oauth = connector.oauth;
  const credentials = await networkCall(
    ctx,
    () =>
      oauth.exchangeCode({
        serverUrl,
        clientId: client.clientId,
        clientSecret: client.clientSecret,
        redirectUri: pending.redirectUri,
        code: options.code ?? "",
        codeVerifier: verifier,
      }),
    "credentials",
  );
  const handle = await saveConnection(ctx, {
    account,
    connector,
    credentials,
    userId: options.userId,
    actorLabel: options.actorLabel,
    method: "oauth",
  });
  return { orgId: account.orgId, accountId: account.id, handle };
}

export async function connectWithAppPassword(
  ctx: AppContext,
  deps: { connectors: ConnectorRegistry },
  options: { actor: OrgActor; orgId: string; accountId: string; identifier: string; password: string },
): Promise<{ handle: string }> {
  const { account, connector } = await loadManagedAccount(ctx, deps, options);
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
async function saveConnection(
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
  const whoAmI = connector.whoAmI;
  const target = { id: account.id, orgId: account.orgId, settings: account.settings, credentials: args.credentials };
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
      credentials: args.credentials,
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
