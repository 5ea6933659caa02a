// AT Protocol OAuth for Bluesky accounts, through the maintained client library (@atproto/oauth-client-node):
// the account's authorisation server is discovered from its PDS, the request is pushed (PAR) with PKCE,
// and the tokens are DPoP-bound; refresh tokens rotate on every refresh. draht is one of two kinds of
// client, depending on where it runs:
//   - on a public HTTPS address, a confidential web client: its client metadata and public key are
//     documents at that address (served by the server's routes), it authenticates with a signed
//     assertion (private_key_jwt, ES256), and sessions last as long as the PDS allows confidential clients;
//   - anywhere else, a loopback client ("http://localhost?…"): no documents, no key, but the PDS limits
//     its sessions, and the browser must come back to 127.0.0.1 on draht's port.
// The library's state and sessions live in draht's sealed stores: the pending state is handed to the
// caller between begin and complete, the session travels in the account's credentials and is renewed
// through ConnectorAccount.renewCredentials whenever the library refreshes it.
import { Agent } from "@atproto/api";
import {
  JoseKey,
  NodeOAuthClient,
  type NodeSavedSession,
  type OAuthClientMetadataInput,
  type NodeSavedState,
  requestLocalLock,
  type RuntimeLock,
  TokenInvalidError,
  TokenRefreshError,
  TokenRevokedError,
} from "@atproto/oauth-client-node";
import { z } from "zod";
import {
  type ConnectorAccount,
  ConnectorError,
  type DelegatedOAuthConnect,
  delegatedClientDocumentPaths,
  refusedServerError,
} from "../../domain/connector.js";

export const BLUESKY_OAUTH_SCOPE = "atproto transition:generic";
/** Where the server publishes draht's client documents (relative to its public address). */
const { metadata: CLIENT_METADATA_PATH, jwks: CLIENT_JWKS_PATH } = delegatedClientDocumentPaths("bluesky");

export const ZBlueskyOAuthCredentials = z.object({
  kind: z.literal("oauth"),
  did: z.string().startsWith("did:"),
  redirectUri: z.url(),
  /** The client's private key (JWK) for a confidential client; null for a loopback client. */
  clientKey: z.string().nullable(),
  session: z.record(z.string(), z.unknown()),
});
export type BlueskyOAuthCredentials = z.infer<typeof ZBlueskyOAuthCredentials>;

export interface BlueskyOAuthOptions {
  /** A lock across processes around token refreshes (refresh tokens are single-use); in-process only without it. */
  lock?: RuntimeLock;
  /** The PLC directory DIDs resolve at (https://plc.directory; a local one in tests). */
  plcDirectoryUrl?: string;
  /** Allows PDSes and authorisation servers on plain HTTP (a local network in tests and demos only). */
  allowHttp?: boolean;
  fetch?: typeof globalThis.fetch;
}

type SessionStore = {
  get(key: string): Promise<NodeSavedSession | undefined>;
  set(key: string, value: NodeSavedSession): Promise<void>;
  del(key: string): Promise<void>;
};
type StateStore = {
  get(key: string): Promise<NodeSavedState | undefined>;
  set(key: string, value: NodeSavedState): Promise<void>;
  del(key: string): Promise<void>;
};

const noStates: StateStore = { get: async () => undefined, set: async () => {}, del: async () => {} };
const noSessions: SessionStore = { get: async () => undefined, set: async () => {}, del: async () => {} };

/** A confidential client needs an HTTPS address the PDS can fetch its documents from. */
function isConfidential(redirectUri: string): boolean {
  return new URL(redirectUri).protocol === "https:";
}

function clientMetadataOf(redirectUri: string, publicJwk: boolean): OAuthClientMetadataInput {
  if (!isConfidential(redirectUri)) {
    const clientId = `http://localhost?redirect_uri=${encodeURIComponent(redirectUri)}&scope=${encodeURIComponent(BLUESKY_OAUTH_SCOPE)}`;
    return {
      client_id: clientId,
      redirect_uris: [redirectUri],
      scope: BLUESKY_OAUTH_SCOPE,
      token_endpoint_auth_method: "none",
      application_type: "web",
      grant_types: ["authorization_code", "refresh_token"],
      response_types: ["code"],
      dpop_bound_access_tokens: true,
    };
  }
  const base = new URL(redirectUri);
  return {
    client_id: new URL(CLIENT_METADATA_PATH, base).href,
    client_name: "draht",
    client_uri: base.origin,
    redirect_uris: [redirectUri],
    scope: BLUESKY_OAUTH_SCOPE,
    grant_types: ["authorization_code", "refresh_token"],
    response_types: ["code"],
    application_type: "web",
    token_endpoint_auth_method: "private_key_jwt",
    token_endpoint_auth_signing_alg: "ES256",
    dpop_bound_access_tokens: true,
    ...(publicJwk ? { jwks_uri: new URL(CLIENT_JWKS_PATH, base).href } : {}),
  };
}

/** A session the OAuth library gave up (refresh refused, revoked, invalid): the account needs reconnecting. */
export function sessionEnded(error: unknown): ConnectorError | null {
  if (error instanceof TokenRefreshError || error instanceof TokenRevokedError || error instanceof TokenInvalidError)
    return new ConnectorError("auth_expired", "Bluesky session ended", { cause: error, detail: error.message });
  return null;
}

/** Errors of the OAuth library as the connector port's classes (its messages may quote servers: detail only). */
function classifyOAuthError(error: unknown): ConnectorError {
  if (error instanceof ConnectorError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const ended = sessionEnded(error) ?? refusedServerError(error);
  if (ended) return ended;
  if (/fetch failed|ECONNREFUSED|ETIMEDOUT|ENOTFOUND|5\d\d/.test(message))
    return new ConnectorError("transient", "OAuth server unreachable", { cause: error, detail: message });
  const name = error instanceof Error ? error.name : "Error";
  return new ConnectorError("permanent", `OAuth refused (${name})`, { cause: error, detail: message });
}

export function createBlueskyOAuth(options: BlueskyOAuthOptions = {}) {
  /** The newest session this process knows per DID: a refresh here must not be undone by a stale copy. */
  const latest = new Map<string, NodeSavedSession>();
  const expiry = (s: NodeSavedSession | undefined) =>
    Date.parse(String((s?.tokenSet as { expires_at?: string } | undefined)?.expires_at ?? "")) || 0;

  async function clientFor(args: {
    redirectUri: string;
    clientKey: string | null;
    stateStore?: StateStore;
    sessionStore?: SessionStore;
  }) {
    const keyset = args.clientKey ? [await JoseKey.fromImportable(args.clientKey)] : undefined;
    return new NodeOAuthClient({
      clientMetadata: clientMetadataOf(args.redirectUri, keyset !== undefined),
      ...(keyset ? { keyset } : {}),
      stateStore: args.stateStore ?? noStates,
      sessionStore: args.sessionStore ?? noSessions,
      requestLock: options.lock ?? requestLocalLock,
      allowHttp: options.allowHttp ?? false,
      ...(options.plcDirectoryUrl ? { plcDirectoryUrl: options.plcDirectoryUrl } : {}),
      ...(options.fetch ? { fetch: options.fetch } : {}),
    });
  }

  const connect: DelegatedOAuthConnect = {
    async generateClientKey() {
      const key = await JoseKey.generate(["ES256"], `draht-${Date.now().toString(36)}`);
      return JSON.stringify(key.privateJwk);
    },
    async begin({ serverUrl, redirectUri, clientKey }) {
      let saved: { key: string; value: NodeSavedState } | null = null;
      const client = await clientFor({
        redirectUri,
        clientKey,
        stateStore: { ...noStates, set: async (key, value) => void (saved = { key, value }) },
      });
      // Starting from the PDS (or entryway): the person signs in there with whichever account they choose.
      const url = await client.authorize(serverUrl, { scope: BLUESKY_OAUTH_SCOPE }).catch((error: unknown) => {
        throw classifyOAuthError(error);
      });
      const kept = saved as { key: string; value: NodeSavedState } | null;
      if (!kept) throw new ConnectorError("permanent", "the OAuth client kept no state");
      return { authoriseUrl: url.href, state: kept.key, pending: kept.value };
    },
    async complete({ redirectUri, params, state, pending, clientKey }) {
      let session: NodeSavedSession | null = null;
      const client = await clientFor({
        redirectUri,
        clientKey,
        stateStore: {
          get: async (key) => (key === state ? (pending as NodeSavedState) : undefined),
          set: async () => {},
          del: async () => {},
        },
        sessionStore: { ...noSessions, set: async (_did, value) => void (session = value) },
      });
      const done = await client.callback(params).catch((error: unknown) => {
        throw classifyOAuthError(error);
      });
      const kept = session as NodeSavedSession | null;
      if (!kept) throw new ConnectorError("permanent", "the OAuth client kept no session");
      return ZBlueskyOAuthCredentials.parse({
        kind: "oauth",
        did: done.session.did,
        redirectUri,
        clientKey,
        session: kept,
      });
    },
    async revoke(account) {
      if (!ZBlueskyOAuthCredentials.safeParse(account.credentials).success) return false;
      const session = await agentOf(account);
      await session.signOut();
      return true;
    },
    async clientDocuments({ redirectUri, clientKey }) {
      if (!isConfidential(redirectUri) || !clientKey) return null;
      const key = await JoseKey.fromImportable(clientKey);
      return { metadata: clientMetadataOf(redirectUri, true), jwks: { keys: [key.publicJwk] } };
    },
  };

  /** Clients for sessions, one per configuration (they cache the servers' metadata); sessions are keyed by DID. */
  const sessionClients = new Map<string, Promise<NodeOAuthClient>>();
  const renewers = new Map<string, (session: NodeSavedSession) => Promise<void>>();
  const readers = new Map<string, () => Promise<unknown>>();
  const sessionStore: SessionStore = {
    // The newest of what this process holds and what is stored (a worker elsewhere may have refreshed it:
    // the library reads again under the lock before it refreshes, so a spent refresh token is never used).
    get: async (did) => {
      const stored = ZBlueskyOAuthCredentials.safeParse(
        await readers
          .get(did)?.()
          .catch(() => null),
      );
      const fromStore =
        stored.success && stored.data.did === did ? (stored.data.session as NodeSavedSession) : undefined;
      const held = latest.get(did);
      const newest = !held || (fromStore && expiry(fromStore) > expiry(held)) ? fromStore : held;
      if (newest) latest.set(did, newest);
      return newest;
    },
    set: async (did, value) => {
      latest.set(did, value);
      await renewers.get(did)?.(value);
    },
    del: async (did) => void latest.delete(did),
  };

  /**
   * The account's OAuth session as an Agent for API calls; the library refreshes it when needed, and every
   * renewed session is sealed again (through the account) before anything else uses it.
   */
  async function agentOf(account: ConnectorAccount): Promise<{ agent: Agent; did: string; signOut(): Promise<void> }> {
    const credentials = ZBlueskyOAuthCredentials.parse(account.credentials);
    const stored = credentials.session as NodeSavedSession;
    // The stored session, unless this process already holds a newer one (it refreshed since the credentials were read).
    const known = latest.get(credentials.did);
    if (!known || expiry(stored) >= expiry(known)) latest.set(credentials.did, stored);
    renewers.set(credentials.did, async (session) => {
      await account.renewCredentials?.({ ...credentials, session });
    });
    if (account.storedCredentials) readers.set(credentials.did, account.storedCredentials);
    const key = `${credentials.redirectUri}\u0000${credentials.clientKey ?? ""}`;
    let client = sessionClients.get(key);
    if (!client) {
      client = clientFor({ redirectUri: credentials.redirectUri, clientKey: credentials.clientKey, sessionStore });
      sessionClients.set(key, client);
    }
    try {
      const session = await (await client).restore(credentials.did);
      return { agent: new Agent(session), did: session.did, signOut: () => session.signOut() };
    } catch (error) {
      throw classifyOAuthError(error);
    }
  }

  return { connect, agentOf };
}
