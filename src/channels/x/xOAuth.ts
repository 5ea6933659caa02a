// X's OAuth 2.0: the authorisation code flow with PKCE (S256) for draht's app, which the installation's operator
// registered at X (X registers no clients on the fly: its id and secret come from the configuration), as a
// confidential client (HTTP Basic at the token endpoint). Access tokens live two hours; the refresh token rotates
// on every refresh (the old one is spent at once), so a renewed pair is kept through ConnectorAccount.renewCredentials
// before it is used, under a lock across processes, re-reading what another process may have stored meanwhile.
import { z } from "zod";
import { type TXSettings, ZXSettings } from "../../domain/channelSettings.js";
import { type ConnectorAccount, ConnectorError, type OAuthConnect } from "../../domain/connector.js";
import { AppError } from "../../domain/errors.js";
import type { FetchLike } from "../http/networkHttp.js";
import { xRequest } from "./xApi.js";

/** What draht asks for: read and write posts, read users, upload media, hide replies, and a refresh token. */
export const X_SCOPES = "tweet.read tweet.write users.read offline.access media.write tweet.moderate.write";

/** draht's app at X, from the installation's configuration (X_CLIENT_ID / X_CLIENT_SECRET). */
export interface XApp {
  clientId: string;
  clientSecret: string;
}

export const ZXCredentials = z.object({
  accessToken: z.string().min(1),
  refreshToken: z.string().min(1).nullable(),
  /** When the access token runs out (ISO time). */
  expiresAt: z.iso.datetime({ offset: true }),
  scope: z.string().default(""),
});
export type TXCredentials = z.infer<typeof ZXCredentials>;

const ZToken = z.object({
  token_type: z.string().optional(),
  access_token: z.string().min(1),
  expires_in: z.number().int().positive().default(7200),
  refresh_token: z.string().min(1).optional(),
  scope: z.string().default(""),
});

/** Refreshed this long before the access token runs out, so no call starts with a token about to expire. */
const REFRESH_AHEAD_MS = 2 * 60_000;

const base = (serverUrl: string) => serverUrl.replace(/\/$/, "");

function credentialsOf(token: z.infer<typeof ZToken>, now: Date, previousRefresh: string | null): TXCredentials {
  return {
    accessToken: token.access_token,
    refreshToken: token.refresh_token ?? previousRefresh,
    expiresAt: new Date(now.getTime() + token.expires_in * 1000).toISOString(),
    scope: token.scope,
  };
}

export interface XTokenDeps {
  fetch: FetchLike;
  app?: XApp;
  clock: () => Date;
  /** A lock across processes (db/queries/leaseLock.ts): one refresh of an account at a time. */
  lock?: <T>(name: string, run: () => Promise<T>) => Promise<T>;
}

export function xTokens(deps: XTokenDeps) {
  /** The newest credentials this process has seen per account (an account object of a call may be older). */
  const newest = new Map<string, TXCredentials>();
  const appOf = (): XApp => {
    if (!deps.app) throw new AppError("CHANNEL_APP_NOT_CONFIGURED", { details: { network: "x" } });
    return deps.app;
  };
  const basic = (app: XApp) =>
    `Basic ${Buffer.from(`${encodeURIComponent(app.clientId)}:${encodeURIComponent(app.clientSecret)}`).toString("base64")}`;

  const tokenCall = (serverUrl: string, app: XApp, form: Record<string, string>, label: string) =>
    xRequest(
      deps.fetch,
      {
        method: "POST",
        url: `${base(serverUrl)}/2/oauth2/token`,
        form: new URLSearchParams({ ...form, client_id: app.clientId }),
        headers: { authorization: basic(app) },
        label,
      },
      ZToken,
    );

  const parse = (value: unknown): TXCredentials | null => ZXCredentials.safeParse(value).data ?? null;
  const later = (a: TXCredentials | null, b: TXCredentials | null) =>
    !a ? b : !b ? a : Date.parse(b.expiresAt) > Date.parse(a.expiresAt) ? b : a;
  const fresh = (c: TXCredentials | null) =>
    c !== null && Date.parse(c.expiresAt) - deps.clock().getTime() > REFRESH_AHEAD_MS;

  async function refresh(account: ConnectorAccount, settings: TXSettings, spent: string): Promise<TXCredentials> {
    // Another process (or call) may have refreshed meanwhile: its pair is the one that works now.
    const stored = later(parse(await account.storedCredentials?.()), newest.get(account.id) ?? null);
    if (stored && stored.accessToken !== spent && fresh(stored)) return stored;
    const current = stored ?? parse(account.credentials);
    if (!current?.refreshToken)
      throw new ConnectorError("auth_expired", "X: the access token ran out and there is no refresh token");
    const now = deps.clock();
    const token = await tokenCall(
      settings.serverUrl,
      appOf(),
      { grant_type: "refresh_token", refresh_token: current.refreshToken },
      "X POST /2/oauth2/token (refresh)",
    ).catch((error: unknown) => {
      // X answers a spent, revoked or unknown refresh token with 400 invalid_request: the person must connect again.
      if (error instanceof ConnectorError && (error.status === 400 || error.status === 401))
        throw new ConnectorError("auth_expired", error.message, { status: error.status, detail: error.detail });
      throw error;
    });
    const renewed = credentialsOf(token.body, now, current.refreshToken);
    // The old refresh token is spent: keep the new pair before anything else can fail.
    await account.renewCredentials?.(renewed);
    newest.set(account.id, renewed);
    return renewed;
  }

  return {
    /**
     * A working access token for the account: the one it has, or a refreshed one when it runs out soon or
     * `rejected` (X answered 401 to it).
     */
    async accessToken(account: ConnectorAccount, settings: TXSettings, rejected?: string): Promise<string> {
      const known = later(parse(account.credentials), newest.get(account.id) ?? null);
      if (!known) throw new ConnectorError("auth_expired", "the X account is not connected");
      if (fresh(known) && known.accessToken !== rejected) return known.accessToken;
      const spent = rejected ?? known.accessToken;
      const run = () => refresh(account, settings, spent);
      return (await (deps.lock ? deps.lock(`x-token:${account.id}`, run) : run())).accessToken;
    },
    oauth: {
      scopes: X_SCOPES,
      configuredClient: true,
      async registerClient() {
        const app = appOf();
        return { clientId: app.clientId, clientSecret: app.clientSecret };
      },
      authoriseUrl({ clientId, redirectUri, state, codeChallenge, settings }) {
        const query = new URLSearchParams({
          response_type: "code",
          client_id: clientId,
          redirect_uri: redirectUri,
          scope: X_SCOPES,
          state,
          code_challenge: codeChallenge,
          code_challenge_method: "S256",
        });
        return `${ZXSettings.parse(settings ?? {}).authoriseUrl}?${query.toString()}`;
      },
      async exchangeCode({ serverUrl, clientId, clientSecret, redirectUri, code, codeVerifier }) {
        const now = deps.clock();
        const token = await tokenCall(
          serverUrl,
          { clientId, clientSecret },
          { grant_type: "authorization_code", code, redirect_uri: redirectUri, code_verifier: codeVerifier },
          "X POST /2/oauth2/token",
        );
        return credentialsOf(token.body, now, null);
      },
      async revoke({ serverUrl, clientId, clientSecret, credentials }) {
        const parsed = parse(credentials);
        if (!parsed) return;
        for (const [token, hint] of [
          [parsed.refreshToken, "refresh_token"],
          [parsed.accessToken, "access_token"],
        ] as const) {
          if (!token) continue;
          await xRequest(
            deps.fetch,
            {
              method: "POST",
              url: `${base(serverUrl)}/2/oauth2/revoke`,
              form: new URLSearchParams({ token, token_type_hint: hint, client_id: clientId }),
              headers: { authorization: basic({ clientId, clientSecret }) },
              label: "X POST /2/oauth2/revoke",
            },
            z.unknown(),
          );
        }
      },
    } satisfies OAuthConnect,
  };
}
