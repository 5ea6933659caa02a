// A fake of Facebook Login, written from Meta's "Manually Build a Login Flow" and "OIDC Code Flow with PKCE" guides
// and the Graph API reference for /oauth/access_token, /me/accounts and /debug_token. No Meta server can run here,
// so the fakes of Facebook pages and Instagram mount this peer: it serves the login dialog (a consent page a browser
// test clicks through), exchanges the code (app secret, redirect URI and PKCE verifier checked; a code works once and
// for ten minutes), exchanges the short-lived user token for a long-lived one, lists the person's pages with their
// page tokens (cursor paging) and answers token checks. Failures come in Graph's envelope:
// `{ error: { message, type: "OAuthException", code, error_subcode?, fbtrace_id } }` — 100 for a bad or used code,
// 101 for a wrong app, 190 for an expired or revoked token (subcode 463 expired, 458 app removed).
import { createHash, randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";

export interface FakeManagedPage {
  id: string;
  name: string;
  accessToken: string;
  instagram: { id: string; username: string } | null;
}

export interface FacebookLoginPeer {
  appId: string;
  appSecret: string;
  /** The person who logs in on the dialog. */
  person: { id: string; name: string };
  /** The pages that person manages (tests may add more before the login). */
  pages: FakeManagedPage[];
  /** Handles the dialog and the token endpoints under `/<version>/`; false when the path is not one of them. */
  handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean>;
  /** The page a bearer token belongs to, while it works (null: unknown, expired or revoked). */
  pageForToken(token: string | undefined): FakeManagedPage | null;
  /** The person removes draht's app in their settings: every token of the login stops working. */
  revoke(): void;
  readonly revoked: boolean;
  /** The permissions the last dialog asked for. */
  readonly lastScopes: string | null;
}

const CODE_TTL_MS = 10 * 60_000;
const SHORT_TOKEN_S = 2 * 3600;
const LONG_TOKEN_S = 60 * 86_400;

export function sendGraphError(res: ServerResponse, status: number, code: number, message: string, subcode?: number) {
  res.writeHead(status, { "content-type": "application/json; charset=UTF-8" });
  res.end(
    JSON.stringify({
      error: {
        message,
        type: "OAuthException",
        code,
        ...(subcode === undefined ? {} : { error_subcode: subcode }),
        fbtrace_id: randomBytes(8).toString("base64url"),
      },
    }),
  );
}

export function sendJson(res: ServerResponse, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(200, { "content-type": "application/json; charset=UTF-8", ...headers });
  res.end(JSON.stringify(body));
}

async function formOf(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

/** The bearer token of a request (header or access_token parameter, as Graph accepts both). */
export function tokenOf(req: IncomingMessage, url: URL): string | undefined {
  const header = req.headers.authorization;
  if (header?.startsWith("Bearer ")) return header.slice("Bearer ".length);
  return url.searchParams.get("access_token") ?? undefined;
}

interface PendingCode {
  redirectUri: string;
  challenge: string;
  expiresAt: number;
}

export function facebookLoginPeer(options: {
  version: string;
  clock?: () => Date;
  pages?: FakeManagedPage[];
}): FacebookLoginPeer {
  const clock = options.clock ?? (() => new Date());
  const appId = String(100_000_000_000_000 + Math.floor(Math.random() * 1e9));
  const appSecret = randomBytes(16).toString("hex");
  const person = { id: "10228000000000001", name: "Erika Mustermann" };
  const pages: FakeManagedPage[] = options.pages ?? [
    {
      id: "104000000000001",
      name: "Stadt Musterstadt",
      accessToken: `EAAPage${randomBytes(20).toString("hex")}`,
      instagram: { id: "17841400000000001", username: "stadt.musterstadt" },
    },
    {
      id: "104000000000002",
      name: "Musterstadt Kultur",
      accessToken: `EAAPage${randomBytes(20).toString("hex")}`,
      instagram: null,
    },
  ];
  const codes = new Map<string, PendingCode>();
  // Issued user tokens and when they end (ms).
  const userTokens = new Map<string, number>();
  let revoked = false;
  let lastScopes: string | null = null;
  const prefix = `/${options.version}`;
  const now = () => clock().getTime();

  const userTokenWorks = (token: string | undefined) =>
    !revoked && token !== undefined && (userTokens.get(token) ?? 0) > now();

  function dialog(res: ServerResponse, url: URL) {
    const q = url.searchParams;
    if (q.get("client_id") !== appId)
      return sendGraphError(res, 400, 101, "Error validating application. Invalid application ID.");
    const redirectUri = q.get("redirect_uri");
    if (
      !redirectUri ||
      q.get("response_type") !== "code" ||
      q.get("code_challenge_method") !== "S256" ||
      !q.get("code_challenge")
    )
      return sendGraphError(res, 400, 100, "Invalid parameter");
    lastScopes = q.get("scope");
    const hidden = ["redirect_uri", "state", "code_challenge"]
      .map((name) => `<input type="hidden" name="${name}" value="${escapeHtml(q.get(name) ?? "")}">`)
      .join("");
    const scopes = (q.get("scope") ?? "").split(",").filter(Boolean);
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(`<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Mit Facebook anmelden</title></head>
<body><main><h1>draht möchte mit deinem Facebook-Konto verbunden werden</h1>
<p>Angemeldet als ${escapeHtml(person.name)}. draht erhält Zugriff auf deine Seiten:</p>
<ul>${pages.map((p) => `<li>${escapeHtml(p.name)}</li>`).join("")}</ul>
<p>Berechtigungen: ${scopes.map(escapeHtml).join(", ")}</p>
<form method="post" action="${prefix}/dialog/oauth">${hidden}
<button type="submit" name="decision" value="allow">Weiter als ${escapeHtml(person.name.split(" ")[0] ?? "")}</button>
<button type="submit" name="decision" value="deny">Abbrechen</button></form></main></body></html>`);
  }

  async function decide(req: IncomingMessage, res: ServerResponse) {
    const form = await formOf(req);
    const redirect = new URL(form.get("redirect_uri") ?? "");
    const state = form.get("state") ?? "";
    if (form.get("decision") !== "allow") {
      redirect.search = new URLSearchParams({
        error: "access_denied",
        error_code: "200",
        error_description: "Permissions error",
        error_reason: "user_denied",
        state,
      }).toString();
    } else {
      const code = randomBytes(24).toString("base64url");
      codes.set(code, {
        redirectUri: form.get("redirect_uri") ?? "",
        challenge: form.get("code_challenge") ?? "",
        expiresAt: now() + CODE_TTL_MS,
      });
      revoked = false;
      redirect.search = new URLSearchParams({ code, state }).toString();
    }
    // Meta appends "#_=_" to the redirect after the dialog.
    res.writeHead(302, { location: `${redirect.toString()}#_=_` });
    res.end();
  }

  function accessToken(res: ServerResponse, url: URL) {
    const q = url.searchParams;
    if (q.get("client_id") !== appId)
      return sendGraphError(res, 400, 101, "Error validating application. Invalid application ID.");
    if (q.get("client_secret") !== appSecret) return sendGraphError(res, 400, 1, "Error validating client secret.");
    if (q.get("grant_type") === "fb_exchange_token") {
      if (!userTokenWorks(q.get("fb_exchange_token") ?? undefined))
        return sendGraphError(res, 400, 190, "Error validating access token: Session has expired.", 463);
      const token = `EAALong${randomBytes(20).toString("hex")}`;
      userTokens.set(token, now() + LONG_TOKEN_S * 1000);
      return sendJson(res, { access_token: token, token_type: "bearer", expires_in: LONG_TOKEN_S });
    }
    const code = q.get("code") ?? "";
    const pending = codes.get(code);
    codes.delete(code);
    if (!pending || pending.expiresAt < now())
      return sendGraphError(res, 400, 100, "This authorization code has expired or has been used.", 36009);
    if (pending.redirectUri !== q.get("redirect_uri"))
      return sendGraphError(
        res,
        400,
        100,
        "Error validating verification code. Please make sure your redirect_uri is identical.",
        36008,
      );
    const verifier = q.get("code_verifier") ?? "";
    if (createHash("sha256").update(verifier).digest("base64url") !== pending.challenge)
      return sendGraphError(res, 400, 100, "Invalid code verifier.");
    const token = `EAAShort${randomBytes(20).toString("hex")}`;
    userTokens.set(token, now() + SHORT_TOKEN_S * 1000);
    return sendJson(res, { access_token: token, token_type: "bearer", expires_in: SHORT_TOKEN_S });
  }

  function accounts(req: IncomingMessage, res: ServerResponse, url: URL) {
    if (!userTokenWorks(tokenOf(req, url)))
      return sendGraphError(res, 400, 190, "Error validating access token: The session has been invalidated.", 458);
    const limit = Math.min(Math.max(Number(url.searchParams.get("limit") ?? 25) || 25, 1), 100);
    const after = url.searchParams.get("after");
    const start = after ? Number(Buffer.from(after, "base64url").toString("utf8")) : 0;
    const withInstagram = (url.searchParams.get("fields") ?? "").includes("instagram_business_account");
    const slice = pages.slice(start, start + limit);
    const cursor = (index: number) => Buffer.from(String(index)).toString("base64url");
    const more = start + limit < pages.length;
    const next = new URL(url.toString());
    next.searchParams.set("after", cursor(start + limit));
    next.searchParams.delete("access_token");
    return sendJson(res, {
      data: slice.map((p) => ({
        id: p.id,
        name: p.name,
        access_token: p.accessToken,
        category: "Regierungsbehörde",
        tasks: ["ADVERTISE", "ANALYZE", "CREATE_CONTENT", "MESSAGING", "MODERATE", "MANAGE"],
        ...(withInstagram && p.instagram ? { instagram_business_account: p.instagram } : {}),
      })),
      paging: {
        cursors: { before: cursor(start), after: cursor(start + slice.length - 1) },
        ...(more ? { next: `http://${req.headers.host ?? "fake"}${next.pathname}${next.search}` } : {}),
      },
    });
  }

  function debugToken(res: ServerResponse, url: URL) {
    if (url.searchParams.get("access_token") !== `${appId}|${appSecret}`)
      return sendGraphError(res, 400, 190, "Invalid OAuth access token - Cannot parse access token");
    const input = url.searchParams.get("input_token") ?? "";
    const page = revoked ? undefined : pages.find((p) => p.accessToken === input);
    const user = userTokenWorks(input);
    return sendJson(res, {
      data: {
        app_id: appId,
        type: page ? "PAGE" : "USER",
        is_valid: Boolean(page) || user,
        expires_at: page ? 0 : Math.floor((userTokens.get(input) ?? 0) / 1000),
        ...(page ? { profile_id: page.id } : { user_id: person.id }),
      },
    });
  }

  return {
    appId,
    appSecret,
    person,
    pages,
    get revoked() {
      return revoked;
    },
    get lastScopes() {
      return lastScopes;
    },
    async handle(req, res, url) {
      const path = url.pathname.startsWith(prefix) ? url.pathname.slice(prefix.length) : null;
      const route = `${req.method ?? "GET"} ${path ?? ""}`;
      if (route === "GET /dialog/oauth") dialog(res, url);
      else if (route === "POST /dialog/oauth") await decide(req, res);
      else if (route === "GET /oauth/access_token") accessToken(res, url);
      else if (route === "GET /me/accounts") accounts(req, res, url);
      else if (route === "GET /debug_token") debugToken(res, url);
      else return false;
      return true;
    },
    pageForToken(token) {
      if (revoked || token === undefined) return null;
      return pages.find((p) => p.accessToken === token) ?? null;
    },
    revoke() {
      revoked = true;
    },
  };
}
