// Sign-in, sign-out, the current session and changing one's own password.
import type { FastifyInstance } from "fastify";
import { changePassword } from "../../app/auth/change-password.js";
import { login } from "../../app/auth/login.js";
import { logout, logoutEverywhere } from "../../app/auth/logout.js";
import type { AppContext } from "../../app/context.js";
import { listMyOrganisations } from "../../app/orgs/list-my-organisations.js";
import { OK } from "../../contract/common.js";
import { contractRoute } from "../contractRoutes.js";
import { SESSION_COOKIE, sessionOf } from "../plugins/auth.js";
import { setSessionCookie } from "../sessionCookie.js";

export function authRoutes(
  app: FastifyInstance,
  options: { ctx: AppContext; cookie: { secure: boolean; maxAgeSeconds: number }; loginRatePerMinute: number },
) {
  const { ctx } = options;
  const principalOf = (session: ReturnType<typeof sessionOf>, requestId: string) => ({
    userId: session.user.id,
    label: session.user.email,
    requestId,
  });

  contractRoute(
    app,
    "POST /api/auth/login",
    {
      config: {
        access: { kind: "public" },
        rateLimit: { max: options.loginRatePerMinute, timeWindow: "1 minute" },
      },
    },
    async (request, reply) => {
      const result = await login(ctx, {
        ...request.body,
        // The client address as Fastify's trustProxy setting (TRUST_PROXY) establishes it.
        clientAddress: request.ip,
        userAgent: request.headers["user-agent"],
        requestId: request.id,
      });
      setSessionCookie(reply, result.token, options.cookie);
      return { mustChangePassword: result.mustChangePassword };
    },
  );

  contractRoute(
    app,
    "GET /api/auth/session",
    { config: { access: { kind: "session", duringPasswordChange: true } } },
    async (request) => {
      const session = sessionOf(request);
      const mine = session.user.mustChangePassword
        ? { organisations: [], homeOrganisationId: null }
        : await listMyOrganisations(ctx, { userId: session.user.id });
      return { user: session.user, csrfToken: session.csrfToken, ...mine };
    },
  );

  contractRoute(
    app,
    "POST /api/auth/logout",
    { config: { access: { kind: "session", duringPasswordChange: true } } },
    async (request, reply) => {
      const session = sessionOf(request);
      await logout(ctx, { actor: principalOf(session, request.id), sessionId: session.sessionId });
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
      return OK;
    },
  );

  contractRoute(
    app,
    "POST /api/auth/logout-everywhere",
    { config: { access: { kind: "session", duringPasswordChange: true } } },
    async (request, reply) => {
      const session = sessionOf(request);
      const result = await logoutEverywhere(ctx, { actor: principalOf(session, request.id), userId: session.user.id });
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
      return result;
    },
  );

  contractRoute(
    app,
    "POST /api/auth/password",
    { config: { access: { kind: "session", duringPasswordChange: true } } },
    async (request) => {
      const session = sessionOf(request);
      await changePassword(ctx, {
        actor: { ...principalOf(session, request.id), userId: session.user.id },
        sessionId: session.sessionId,
        ...request.body,
      });
      return OK;
    },
  );
}
