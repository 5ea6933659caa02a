// Connecting a channel account by OAuth: the authorisation code flow with PKCE (S256; one registered client per
// server, its secret sealed), or OAuth run by the network's own client library (AT Protocol: its pending state
// sealed here, draht's client key made once and sealed). What all ways of connecting share — the managed account,
// network calls in draht's words, the app-password connect, saving a checked connection — is in
// channelConnecting.ts (re-exported here for the callers that import it from this module).
import { createHash, randomBytes } from "node:crypto";
import { and, eq, lt } from "drizzle-orm";
import { channelAccounts, channelOauthClients, channelOauthStates } from "../../db/schema/index.js";
import { type ChannelConnector, type ConnectorRegistry } from "../../domain/connector.js";
import { AppError } from "../../domain/errors.js";
import { type OrgActor, requireAllowed } from "../authorization.js";
import type { AppContext } from "../context.js";
import { channelAccountResource } from "./channelAccess.js";
import { requireNetworkEnabled } from "./network-enablement.js";

import { allowedServerUrl, loadManagedAccount, networkCall, saveConnection } from "./channelConnecting.js";

export { connectWithAppPassword, loadManagedAccount, resetSyncState } from "./channelConnecting.js";

const STATE_TTL_MS = 10 * 60_000;

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
  await requireNetworkEnabled(ctx.db, account.orgId, account.network);
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
