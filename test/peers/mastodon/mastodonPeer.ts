// A protocol-faithful Mastodon server for tests, written from the public API documentation
// (docs.joinmastodon.org): OAuth apps, authorisation code with PKCE (S256), statuses with Idempotency-Key
// (remembered for an hour of the peer's clock, which tests can advance), account timelines, media uploads
// processed asynchronously (202, then 206 until ready), notifications paged with max_id/since_id/min_id
// and Link headers, contexts, mutes, blocks, reports, and the rate-limit headers
// (X-RateLimit-Limit/Remaining/Reset, 429 when exhausted). Errors are {"error": "..."} with the
// documented status codes. State lives in memory; /_peer/* lets a test act as other people.
import { createHash, randomBytes } from "node:crypto";
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import { accountJson, createPeerState, type PeerAccount, type PeerState, type PeerStatus } from "./peerState.js";
import { registerAccountStatusRoutes } from "./accountStatusRoutes.js";
import { registerStatusRoutes } from "./statusRoutes.js";
import { registerReactionRoutes } from "./reactionRoutes.js";

export interface MastodonPeer {
  url: string;
  host: string;
  state: PeerState;
  /** Creates a local account with an access token (as if it had authorised an app). */
  createAccount(username: string, displayName?: string): { account: PeerAccount; token: string };
  /** Moves the server's clock on (Idempotency-Keys expire after an hour of it, as on Mastodon). */
  advanceClock(ms: number): void;
  /** Resolves once a streaming connection of the account is open (at once when one already is). */
  untilStreaming(accountId: string): Promise<void>;
  close(): Promise<void>;
}

const ok = (reply: FastifyReply, body: unknown, status = 200) => reply.code(status).send(body);
const fail = (reply: FastifyReply, status: number, error: string) => reply.code(status).send({ error });

export async function startMastodonPeer(
  options: {
    rateLimit?: number;
    mediaProcessingPolls?: number;
    /** A server before Mastodon 4.3: no GET /api/v1/statuses?id[]= for several statuses at once. */
    version?: "4.3" | "4.2";
  } = {},
): Promise<MastodonPeer> {
  const app: FastifyInstance = Fastify({ logger: false, bodyLimit: 50 * 1024 * 1024, forceCloseConnections: true });
  const state = createPeerState({
    rateLimit: options.rateLimit ?? 300,
    mediaProcessingPolls: options.mediaProcessingPolls ?? 1,
  });
  app.addContentTypeParser("multipart/form-data", { parseAs: "buffer" }, (_req, body, done) => done(null, body));
  app.addContentTypeParser("application/x-www-form-urlencoded", { parseAs: "string" }, (_req, body, done) =>
    done(null, Object.fromEntries(new URLSearchParams(String(body)))),
  );

  // Every API call counts against the token's window (300 per 5 minutes by default), as Mastodon does.
  app.addHook("onRequest", async (req, reply) => {
    if (!req.url.startsWith("/api/")) return;
    if (state.outage) return reply.code(503).header("retry-after", "30").send({ error: "Service Unavailable" });
    const key = (req.headers.authorization ?? req.ip).toString();
    const window = state.rateWindow(key);
    reply.header("x-ratelimit-limit", String(state.rateLimit));
    reply.header("x-ratelimit-remaining", String(Math.max(0, state.rateLimit - window.used)));
    reply.header("x-ratelimit-reset", new Date(window.resetAt).toISOString());
    if (window.used >= state.rateLimit) return reply.code(429).send({ error: "Too many requests" });
    window.used++;
  });

  const authed = (req: FastifyRequest, reply: FastifyReply, scope?: string): PeerAccount | null => {
    const match = /^Bearer (.+)$/.exec(req.headers.authorization ?? "");
    const token = match?.[1] ? state.tokens.get(match[1]) : undefined;
    if (!token || token.revoked) {
      void fail(reply, 401, "The access token is invalid");
      return null;
    }
    if (scope && !token.scopes.some((s) => s === scope || s === scope.split(":")[0])) {
      void fail(reply, 403, "This action is outside the authorized scopes");
      return null;
    }
    return state.accounts.get(token.accountId) ?? null;
  };

  // The instance describes itself (public, no token needed), as Mastodon 4 does.
  app.get("/api/v2/instance", async () => ({
    domain: state.host,
    title: "Mastodon (Testinstanz)",
    version: "4.3.0",
    source_url: "https://github.com/mastodon/mastodon",
    configuration: {
      urls: { streaming: (state.instance.streamingUrl ?? state.baseUrl).replace(/^http/, "ws") },
      accounts: { max_featured_tags: 10 },
      statuses: {
        max_characters: state.instance.maxCharacters,
        max_media_attachments: state.instance.maxMediaAttachments,
        characters_reserved_per_url: state.instance.charactersReservedPerUrl,
      },
      media_attachments: {
        supported_mime_types: ["image/jpeg", "image/png", "image/gif", "image/webp", "video/mp4"],
        image_size_limit: 16_777_216,
        video_size_limit: 103_809_024,
      },
      polls: {
        max_options: state.instance.maxPollOptions,
        max_characters_per_option: 50,
        min_expiration: 300,
        max_expiration: 2_629_746,
      },
    },
    registrations: { enabled: false, approval_required: false },
  }));

  app.post("/api/v1/apps", async (req, reply) => {
    const body = (req.body ?? {}) as Record<string, string>;
    if (!body.client_name || !body.redirect_uris)
      return fail(reply, 422, "Validation failed: Application name can't be blank, Redirect URI can't be blank");
    const client = {
      clientId: randomBytes(16).toString("hex"),
      clientSecret: randomBytes(24).toString("hex"),
      redirectUris: String(body.redirect_uris).split(/\s+/),
      scopes: String(body.scopes ?? "read").split(/\s+/),
    };
    state.apps.set(client.clientId, client);
    return ok(reply, {
      id: String(state.apps.size),
      name: body.client_name,
      website: body.website ?? null,
      redirect_uri: body.redirect_uris,
      client_id: client.clientId,
      client_secret: client.clientSecret,
      vapid_key: "",
    });
  });

  // The consent page: real servers ask the signed-in person; here the form names the account (tests click it).
  app.get("/oauth/authorize", async (req, reply) => {
    const q = req.query as Record<string, string>;
    const client = state.apps.get(q.client_id ?? "");
    if (!client || !client.redirectUris.includes(q.redirect_uri ?? ""))
      return reply
        .code(400)
        .type("text/html")
        .send("<p>Client authentication failed due to unknown client or invalid redirect URI.</p>");
    if (q.response_type !== "code") return reply.code(400).type("text/html").send("<p>unsupported_response_type</p>");
    const hidden = ["client_id", "redirect_uri", "scope", "state", "code_challenge", "code_challenge_method"]
      .map((k) => `<input type="hidden" name="${k}" value="${escapeHtml(q[k] ?? "")}">`)
      .join("");
    return reply
      .type("text/html")
      .send(
        `<!doctype html><html lang="en"><title>Authorize draht</title><main><h1>Authorization required</h1><form method="post" action="/oauth/authorize">${hidden}<label>Username <input name="username" required></label><button type="submit">Authorize</button><button type="submit" name="decision" value="deny" formnovalidate>Deny</button></form></main></html>`,
      );
  });

  app.post("/oauth/authorize", async (req, reply) => {
    const body = req.body as Record<string, string>;
    const client = state.apps.get(body.client_id ?? "");
    if (body.decision === "deny" && client?.redirectUris.includes(body.redirect_uri ?? "")) {
      // RFC 6749 4.1.2.1: the person said no.
      const target = new URL(body.redirect_uri ?? "");
      target.searchParams.set("error", "access_denied");
      if (body.state) target.searchParams.set("state", body.state);
      return reply.redirect(target.toString(), 302);
    }
    const account = [...state.accounts.values()].find((a) => a.username === body.username && a.local);
    if (!client || !account || !client.redirectUris.includes(body.redirect_uri ?? ""))
      return reply.code(400).type("text/html").send("<p>invalid_request</p>");
    const code = randomBytes(16).toString("hex");
    state.codes.set(code, {
      clientId: client.clientId,
      accountId: account.id,
      redirectUri: body.redirect_uri ?? "",
      scopes: (body.scope || "read").split(/\s+/),
      challenge: body.code_challenge ?? null,
      method: body.code_challenge_method ?? null,
    });
    const target = new URL(body.redirect_uri ?? "");
    target.searchParams.set("code", code);
    if (body.state) target.searchParams.set("state", body.state);
    return reply.redirect(target.toString(), 302);
  });

  app.post("/oauth/token", async (req, reply) => {
    const body = (req.body ?? {}) as Record<string, string>;
    const client = state.apps.get(body.client_id ?? "");
    if (!client || client.clientSecret !== body.client_secret)
      return ok(
        reply,
        {
          error: "invalid_client",
          error_description:
            "Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.",
        },
        401,
      );
    if (body.grant_type !== "authorization_code")
      return ok(
        reply,
        {
          error: "unsupported_grant_type",
          error_description: "The authorization grant type is not supported by the authorization server.",
        },
        400,
      );
    const code = state.codes.get(body.code ?? "");
    state.codes.delete(body.code ?? "");
    const verifierOk =
      !code?.challenge ||
      createHash("sha256")
        .update(body.code_verifier ?? "")
        .digest("base64url") === code.challenge;
    if (!code || code.clientId !== client.clientId || code.redirectUri !== body.redirect_uri || !verifierOk) {
      return ok(
        reply,
        {
          error: "invalid_grant",
          error_description:
            "The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.",
        },
        400,
      );
    }
    const token = state.issueToken(code.accountId, code.scopes);
    return ok(reply, {
      access_token: token,
      token_type: "Bearer",
      scope: code.scopes.join(" "),
      created_at: Math.floor(Date.now() / 1000),
    });
  });

  app.post("/oauth/revoke", async (req, reply) => {
    const body = (req.body ?? {}) as Record<string, string>;
    const token = state.tokens.get(body.token ?? "");
    if (token) token.revoked = true;
    return ok(reply, {});
  });

  app.get("/api/v1/accounts/verify_credentials", async (req, reply) => {
    const me = authed(req, reply, "read:accounts");
    if (me) return ok(reply, { ...accountJson(me, state), source: { privacy: "public", language: "de" } });
  });

  registerStatusRoutes(app, state, authed);
  registerAccountStatusRoutes(app, state, authed);
  registerReactionRoutes(app, state, authed, { multipleStatuses: options.version !== "4.2" });

  await app.listen({ host: "127.0.0.1", port: 0 });
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  const url = `http://127.0.0.1:${port}`;
  state.host = `127.0.0.1:${port}`;
  state.baseUrl = url;
  return {
    url,
    host: state.host,
    state,
    createAccount: (username, displayName) => {
      const account = state.addAccount(username, displayName ?? username, true);
      return { account, token: state.issueToken(account.id, ["read", "write", "follow"]) };
    },
    advanceClock: (ms) => {
      state.clockOffsetMs += ms;
    },
    untilStreaming: (accountId) =>
      new Promise((resolve) => {
        if ((state.streams.get(accountId)?.size ?? 0) > 0) return resolve();
        const opened = (id: string) => {
          if (id !== accountId) return;
          state.streamOpened.delete(opened);
          resolve();
        };
        state.streamOpened.add(opened);
      }),
    close: () => app.close(),
  };
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

export type { PeerStatus };
