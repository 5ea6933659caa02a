// Mastodon's OAuth: draht registers itself as a client at each instance, sends the person to the
// instance's consent page (authorisation code with PKCE, S256), exchanges the code for a token, and
// revokes the token when the account is disconnected.
import { z } from "zod";
import type { OAuthConnect } from "../../domain/connector.js";
import { type FetchLike, networkRequest } from "../http/networkHttp.js";
import { ZMastodonApp, ZMastodonCredentials, ZMastodonToken } from "./mastodonSchemas.js";

export const MASTODON_SCOPES =
  "read:accounts read:notifications read:statuses write:statuses write:media write:mutes write:blocks write:reports";

const base = (serverUrl: string) => serverUrl.replace(/\/$/, "");

export function mastodonOAuth(fetchImpl: FetchLike): OAuthConnect {
  return {
    scopes: MASTODON_SCOPES,
    async registerClient({ serverUrl, redirectUri }) {
      const app = await networkRequest(
        fetchImpl,
        {
          method: "POST",
          url: `${base(serverUrl)}/api/v1/apps`,
          json: {
            client_name: "draht",
            redirect_uris: redirectUri,
            scopes: MASTODON_SCOPES,
            website: "https://github.com/draht",
          },
        },
        ZMastodonApp,
      );
      return { clientId: app.body.client_id, clientSecret: app.body.client_secret };
    },
    authoriseUrl({ serverUrl, clientId, redirectUri, state, codeChallenge }) {
      const query = new URLSearchParams({
        response_type: "code",
        client_id: clientId,
        redirect_uri: redirectUri,
        scope: MASTODON_SCOPES,
        state,
        code_challenge: codeChallenge,
        code_challenge_method: "S256",
      });
      return `${base(serverUrl)}/oauth/authorize?${query.toString()}`;
    },
    async exchangeCode({ serverUrl, clientId, clientSecret, redirectUri, code, codeVerifier }) {
      const token = await networkRequest(
        fetchImpl,
        {
          method: "POST",
          url: `${base(serverUrl)}/oauth/token`,
          json: {
            grant_type: "authorization_code",
            code,
            client_id: clientId,
            client_secret: clientSecret,
            redirect_uri: redirectUri,
            code_verifier: codeVerifier,
            scope: MASTODON_SCOPES,
          },
        },
        ZMastodonToken,
      );
      return ZMastodonCredentials.parse({ accessToken: token.body.access_token, scope: token.body.scope });
    },
    async revoke({ serverUrl, clientId, clientSecret, credentials }) {
      const parsed = ZMastodonCredentials.safeParse(credentials);
      if (!parsed.success) return;
      await networkRequest(
        fetchImpl,
        {
          method: "POST",
          url: `${base(serverUrl)}/oauth/revoke`,
          json: { client_id: clientId, client_secret: clientSecret, token: parsed.data.accessToken },
        },
        z.unknown(),
      );
    },
  };
}
