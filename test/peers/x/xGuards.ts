// The fake X's checks before every API route (xRoutes.ts): the bearer token (401 problem JSON when it is missing,
// expired or revoked) and the user's 15-minute rate window per endpoint, told in x-rate-limit-limit / -remaining /
// -reset (epoch seconds), refused with 429 when spent or when a test exhausted it.
import type { FastifyReply, FastifyRequest } from "fastify";
import type { XState, XUser } from "./xState.js";

export function problem(
  reply: FastifyReply,
  status: number,
  title: string,
  detail: string,
  type = "about:blank",
  extra: Record<string, unknown> = {},
) {
  return reply
    .code(status)
    .type("application/json")
    .send({ title, detail, type, status, ...extra });
}

/** The user a bearer token stands for, or a 401 (missing, expired, revoked). */
export function authorised(req: FastifyRequest, reply: FastifyReply, state: XState): XUser | null {
  const token = /^Bearer (.+)$/.exec(String(req.headers.authorization ?? ""))?.[1];
  const grant = token ? state.accessTokens.get(token) : undefined;
  if (!grant || grant.expiresAt < Date.now()) {
    void problem(reply, 401, "Unauthorized", "Unauthorized");
    return null;
  }
  return state.users.get(grant.userId) ?? null;
}

/** Counts the call in the user's window of the endpoint and sets X's rate headers; false (429 sent) when spent. */
export function withinRateLimit(req: FastifyRequest, reply: FastifyReply, state: XState, user: XUser): boolean {
  const key = `${req.method} ${req.routeOptions.url} ${user.id}`;
  state.calls.push(`${req.method} ${req.routeOptions.url}`);
  const now = Date.now();
  let window = state.windows.get(key);
  if (!window || window.resetAt <= now) {
    window = { remaining: state.windowLimit, resetAt: now + 15 * 60_000 };
    state.windows.set(key, window);
  }
  const refused = state.exhaustedUntil > now || window.remaining === 0;
  if (!refused) window.remaining -= 1;
  reply.header("x-rate-limit-limit", String(state.windowLimit));
  reply.header("x-rate-limit-remaining", String(refused ? 0 : window.remaining));
  reply.header(
    "x-rate-limit-reset",
    String(Math.ceil((state.exhaustedUntil > now ? state.exhaustedUntil : window.resetAt) / 1000)),
  );
  if (refused) {
    void problem(reply, 429, "Too Many Requests", "Too Many Requests");
    return false;
  }
  return true;
}
