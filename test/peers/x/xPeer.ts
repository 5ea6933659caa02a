// A protocol-faithful fake of X's API v2 for tests, written from its reference (docs.x.com): OAuth 2.0 — the consent
// page (/i/oauth2/authorize, a small accessible form "Authorize app"), the token endpoint (/2/oauth2/token: code with
// PKCE S256, confidential client by HTTP Basic, access tokens that expire, refresh tokens that rotate on use; a spent
// or unknown one is 400 invalid_request, as X answers) and revocation —; the API routes in xRoutes.ts, each answer
// with x-rate-limit-limit / -remaining / -reset (epoch seconds) for the user's 15-minute window, refusals as problem
// JSON ({title, detail, type, status}); 401 for a missing, expired or revoked token. No X server can run here.
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import { createXState, s256, type XState, type XUser } from "./xState.js";
import { registerXRoutes } from "./xRoutes.js";

export interface XPeer {
  url: string;
  state: XState;
  close(): Promise<void>;
}

const escape = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

function consentPage(query: Record<string, string>, account: XUser): string {
  const hidden = ["client_id", "redirect_uri", "state", "code_challenge", "code_challenge_method", "scope"]
    .map((k) => `<input type="hidden" name="${k}" value="${escape(query[k] ?? "")}">`)
    .join("");
  const scopes = (query.scope ?? "")
    .split(" ")
    .map((s) => `<li>${escape(s)}</li>`)
    .join("");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Authorize app – X</title></head>
<body><main><h1>Authorize app</h1>
<p>The app wants to use the account <strong>@${escape(account.username)}</strong> with these permissions:</p>
<ul>${scopes}</ul>
<form method="post" action="/i/oauth2/authorize">${hidden}
<button type="submit" name="decision" value="allow">Authorize app</button>
<button type="submit" name="decision" value="deny">Cancel</button>
</form></main></body></html>`;
}

/** The client's credentials from HTTP Basic (X's confidential clients), if they match the registered app. */
function clientOk(req: FastifyRequest, state: XState): boolean {
  const header = String(req.headers.authorization ?? "");
  if (!header.startsWith("Basic ")) return false;
  const [id, secret] = Buffer.from(header.slice(6), "base64").toString("utf8").split(":").map(decodeURIComponent);
  return id === state.client.id && secret === state.client.secret;
}

function registerOAuth(app: FastifyInstance, state: XState) {
  app.get("/i/oauth2/authorize", async (req, reply) => {
    const q = req.query as Record<string, string>;
    if (
      q.client_id !== state.client.id ||
      q.response_type !== "code" ||
      q.code_challenge_method !== "S256" ||
      !q.code_challenge
    )
      return reply
        .code(400)
        .type("text/html")
        .send('<!doctype html><html lang="en"><title>Error</title><main><h1>Something went wrong</h1></main></html>');
    return reply.type("text/html").send(consentPage(q, state.account));
  });
  app.post("/i/oauth2/authorize", async (req, reply) => {
    const f = req.body as Record<string, string>;
    const target = new URL(f.redirect_uri ?? "");
    target.searchParams.set("state", f.state ?? "");
    if (f.decision !== "allow") target.searchParams.set("error", "access_denied");
    else
      target.searchParams.set(
        "code",
        state.issueCode({
          clientId: f.client_id ?? "",
          redirectUri: f.redirect_uri ?? "",
          challenge: f.code_challenge ?? "",
          scope: f.scope ?? "",
        }),
      );
    return reply.redirect(target.toString(), 302);
  });
  const invalid = (reply: FastifyReply, description: string) =>
    reply.code(400).send({ error: "invalid_request", error_description: description });
  app.post("/2/oauth2/token", async (req, reply) => {
    if (!clientOk(req, state))
      return reply
        .code(401)
        .send({ error: "unauthorized_client", error_description: "Missing valid authorization header" });
    const f = req.body as Record<string, string>;
    if (f.grant_type === "authorization_code") {
      const grant = state.codes.get(f.code ?? "");
      state.codes.delete(f.code ?? "");
      if (
        !grant ||
        grant.expiresAt < Date.now() ||
        grant.redirectUri !== f.redirect_uri ||
        s256(f.code_verifier ?? "") !== grant.challenge
      )
        return invalid(reply, "Value passed for the authorization code was invalid.");
      return state.issueTokens(grant);
    }
    if (f.grant_type === "refresh_token") {
      const grant = state.refreshTokens.get(f.refresh_token ?? "");
      // Rotation: a refresh token works once.
      state.refreshTokens.delete(f.refresh_token ?? "");
      if (!grant) return invalid(reply, "Value passed for the token was invalid.");
      return state.issueTokens(grant);
    }
    return invalid(reply, "Missing required parameter [grant_type].");
  });
  app.post("/2/oauth2/revoke", async (req, reply) => {
    if (!clientOk(req, state)) return reply.code(401).send({ error: "unauthorized_client" });
    const token = (req.body as Record<string, string>).token ?? "";
    state.accessTokens.delete(token);
    state.refreshTokens.delete(token);
    return { revoked: true };
  });
}

export async function startXPeer(options: { clientId?: string; clientSecret?: string } = {}): Promise<XPeer> {
  const state = createXState({
    clientId: options.clientId ?? "ZHJhaHQtdGVzdC1jbGllbnQ",
    clientSecret: options.clientSecret ?? "draht-test-client-secret-0123456789",
  });
  const app = Fastify({ logger: false, bodyLimit: 60 * 1024 * 1024, forceCloseConnections: true });
  app.addContentTypeParser("multipart/form-data", { parseAs: "buffer" }, (_req, body, done) => done(null, body));
  app.addContentTypeParser("application/x-www-form-urlencoded", { parseAs: "string" }, (_req, body, done) =>
    done(null, Object.fromEntries(new URLSearchParams(String(body)))),
  );
  registerOAuth(app, state);
  registerXRoutes(app, state);
  const address = await app.listen({ port: 0, host: "127.0.0.1" });
  return { url: address, state, close: () => app.close() };
}
