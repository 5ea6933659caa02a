// Facebook Login as Meta's connectors use it (Facebook pages; Instagram professional accounts, which are reached
// through their Facebook page): the manually built login flow with PKCE (developers.facebook.com/documentation/
// facebook-login/guides/advanced/manual-flow and …/oidc-token).
//  1. the person is sent to the login dialog (www.facebook.com/<version>/dialog/oauth) with draht's app id, the
//     permissions, the state and the S256 code challenge;
//  2. the code comes back and is exchanged at GET <graph>/oauth/access_token (app secret + code verifier) for a
//     short-lived user token (about two hours);
//  3. that is exchanged for a long-lived user token (grant_type=fb_exchange_token, about 60 days);
//  4. GET <graph>/me/accounts with it lists the pages the person manages, each with a page access token — one
//     obtained from a long-lived user token has no expiry (it stops working when the person loses the page role,
//     changes the password or removes draht's app, which the connectors then report as "bitte erneut verbinden").
// Every page's token comes back from the exchange; `keepPage` keeps only the account's own page (least privilege).
// draht's app at Meta is the installation's (META_APP_ID / META_APP_SECRET), not registered per server.
import { z } from "zod";
import { ConnectorError, type OAuthConnect } from "../../domain/connector.js";
import { AppError } from "../../domain/errors.js";
import type { FetchFunction } from "../../net/guardedFetch.js";
import { graphRequest } from "./graphApi.js";

/** draht's app at Meta: its id (the OAuth client id) and secret (token exchange, webhook signatures). */
export interface MetaApp {
  appId: string;
  appSecret: string;
}

/** A page the person manages, with its token, and the Instagram professional account linked to it (if any). */
export const ZFacebookPage = z.object({
  id: z.string().min(1),
  name: z.string(),
  accessToken: z.string().min(1),
  instagram: z.object({ id: z.string().min(1), username: z.string() }).nullable(),
});
export type TFacebookPage = z.infer<typeof ZFacebookPage>;

/** What Facebook Login leaves, sealed as the account's credentials (after keepPage: one page). */
export const ZFacebookLoginCredentials = z.object({
  /** The long-lived user token: kept to list the pages again on reconnect checks; null once narrowed to a page. */
  userToken: z.string().min(1).nullable(),
  /** When the long-lived user token ends (ISO); the page tokens it gave do not. */
  userTokenExpiresAt: z.string().nullable(),
  pages: z.array(ZFacebookPage),
});
export type TFacebookLoginCredentials = z.infer<typeof ZFacebookLoginCredentials>;

const ZToken = z.object({
  access_token: z.string().min(1),
  token_type: z.string().optional(),
  expires_in: z.number().int().nonnegative().optional(),
});

const ZAccounts = z.object({
  data: z.array(
    z.object({
      id: z.string().min(1),
      name: z.string().default(""),
      access_token: z.string().min(1).optional(),
      instagram_business_account: z.object({ id: z.string().min(1), username: z.string().default("") }).optional(),
    }),
  ),
  paging: z
    .object({ next: z.string().optional(), cursors: z.object({ after: z.string().optional() }).optional() })
    .optional(),
});

/** At most this many pages of /me/accounts are read (100 each): more pages than anyone manages. */
const MAX_ACCOUNT_PAGES = 10;

const trimmed = (url: string) => url.replace(/\/$/, "");

/**
 * Where the login dialog is, for a Graph API address: Meta's dialog is on www.facebook.com under the same version
 * (graph.facebook.com/v26.0 → www.facebook.com/v26.0/dialog/oauth); any other address (a test's fake) serves both.
 */
export function facebookDialogUrl(graphUrl: string): string {
  const url = new URL(trimmed(graphUrl));
  if (url.hostname === "graph.facebook.com") url.hostname = "www.facebook.com";
  return `${trimmed(url.toString())}/dialog/oauth`;
}

function requireApp(app: MetaApp | null, network: string): MetaApp {
  if (!app)
    throw new AppError("CHANNEL_APP_NOT_CONFIGURED", {
      details: { network, settings: ["META_APP_ID", "META_APP_SECRET"] },
    });
  return app;
}

/** The pages the long-lived user token manages, following Graph's cursor paging. */
async function managedPages(fetchImpl: FetchFunction, graphUrl: string, userToken: string): Promise<TFacebookPage[]> {
  const fields = "id,name,access_token,instagram_business_account{id,username}";
  let next: string | null = `${trimmed(graphUrl)}/me/accounts?fields=${encodeURIComponent(fields)}&limit=100`;
  const pages: TFacebookPage[] = [];
  for (let round = 0; next && round < MAX_ACCOUNT_PAGES; round++) {
    const answer: z.infer<typeof ZAccounts> = await graphRequest(fetchImpl, { url: next, token: userToken }, ZAccounts);
    for (const page of answer.data) {
      // A page listed without a token is one the person may see but not manage.
      if (!page.access_token) continue;
      const instagram = page.instagram_business_account;
      pages.push({
        id: page.id,
        name: page.name,
        accessToken: page.access_token,
        instagram: instagram ? { id: instagram.id, username: instagram.username } : null,
      });
    }
    const after = answer.paging?.cursors?.after;
    next = answer.paging?.next && after ? answer.paging.next : null;
  }
  return pages;
}

/** Facebook Login for one of Meta's networks: `scopes` are the permissions its connector needs. */
export function facebookLogin(deps: {
  fetchImpl: FetchFunction;
  app: MetaApp | null;
  network: string;
  scopes: string;
  clock: () => Date;
}): OAuthConnect {
  return {
    scopes: deps.scopes,
    // The app's secret stays in the configuration: never copied into the database, a new one takes effect at once.
    configuredClient: true,
    registerClient: async () => {
      const app = requireApp(deps.app, deps.network);
      return { clientId: app.appId, clientSecret: app.appSecret };
    },
    authoriseUrl: ({ serverUrl, clientId, redirectUri, state, codeChallenge }) => {
      const query = new URLSearchParams({
        client_id: clientId,
        redirect_uri: redirectUri,
        state,
        response_type: "code",
        scope: deps.scopes,
        code_challenge: codeChallenge,
        code_challenge_method: "S256",
      });
      return `${facebookDialogUrl(serverUrl)}?${query.toString()}`;
    },
    exchangeCode: async ({ serverUrl, clientId, clientSecret, redirectUri, code, codeVerifier }) => {
      const tokenUrl = `${trimmed(serverUrl)}/oauth/access_token`;
      const short = await graphRequest(
        deps.fetchImpl,
        {
          url: `${tokenUrl}?${new URLSearchParams({
            client_id: clientId,
            client_secret: clientSecret,
            redirect_uri: redirectUri,
            code,
            code_verifier: codeVerifier,
          }).toString()}`,
        },
        ZToken,
      );
      const long = await graphRequest(
        deps.fetchImpl,
        {
          url: `${tokenUrl}?${new URLSearchParams({
            grant_type: "fb_exchange_token",
            client_id: clientId,
            client_secret: clientSecret,
            fb_exchange_token: short.access_token,
          }).toString()}`,
        },
        ZToken,
      );
      const expiresAt =
        long.expires_in === undefined || long.expires_in === 0
          ? null
          : new Date(deps.clock().getTime() + long.expires_in * 1000).toISOString();
      const pages = await managedPages(deps.fetchImpl, serverUrl, long.access_token);
      return ZFacebookLoginCredentials.parse({ userToken: long.access_token, userTokenExpiresAt: expiresAt, pages });
    },
  };
}

/**
 * Narrows what Facebook Login returned to the account's own page: the page's token is kept, the user token and
 * the other pages' tokens are not. Credentials already narrowed pass unchanged. A page the person does not manage
 * (or whose token Meta did not give) is refused in draht's words.
 */
export function keepPage(credentials: unknown, pageId: string): TFacebookLoginCredentials {
  const parsed = ZFacebookLoginCredentials.safeParse(credentials);
  if (!parsed.success) throw new ConnectorError("auth_expired", "the Facebook credentials are incomplete");
  const page = parsed.data.pages.find((p) => p.id === pageId);
  if (!page)
    throw new ConnectorError(
      "permanent",
      `Die Facebook-Seite ${pageId} gehört nicht zu den Seiten, die die angemeldete Person verwaltet.`,
    );
  return { userToken: null, userTokenExpiresAt: parsed.data.userTokenExpiresAt, pages: [page] };
}

/** The one page of narrowed credentials (what the connectors call with). */
export function pageOf(credentials: unknown, pageId: string): TFacebookPage {
  const parsed = ZFacebookLoginCredentials.safeParse(credentials);
  const page = parsed.success ? parsed.data.pages.find((p) => p.id === pageId) : undefined;
  if (!page) throw new ConnectorError("auth_expired", "the account is not connected to its Facebook page");
  return page;
}
