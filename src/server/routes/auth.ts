// Sign-in, sign-out, the current session and changing one's own password.
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { changePassword } from "../../app/auth/change-password.js";
import { login } from "../../app/auth/login.js";
import { logout, logoutEverywhere } from "../../app/auth/logout.js";
import type { AppContext } from "../../app/context.js";
import { listMyOrganisations } from "../../app/orgs/list-my-organisations.js";
import { MAX_PASSWORD_LENGTH } from "../../domain/passwordPolicy.js";
import { SESSION_COOKIE, sessionOf } from "../plugins/auth.js";
import { setSessionCookie } from "../sessionCookie.js";

const ZLogin = z.object({ email: z.string().trim().max(254), password: z.string().max(MAX_PASSWORD_LENGTH) });
const ZChangePassword = z.object({
  currentPassword: z.string().max(MAX_PASSWORD_LENGTH),
  newPassword: z.string().max(MAX_PASSWORD_LENGTH),
});

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

  app.post(
    "/api/auth/login",
    {
      config: {
        access: { kind: "public" },
        rateLimit: { max: options.loginRatePerMinute, timeWindow: "1 minute" },
      },
    },
    async (request, reply) => {
      const input = ZLogin.parse(request.body);
      const result = await login(ctx, {
        ...input,
        // The client address as Fastify's trustProxy setting (TRUST_PROXY) establishes it.
        clientAddress: request.ip,
        userAgent: request.headers["user-agent"],
        requestId: request.id,
      });
      setSessionCookie(reply, result.token, options.cookie);
      return { mustChangePassword: result.mustChangePassword };
    },
  );

  app.get(
    "/api/auth/session",
    { config: { access: { kind: "session", duringPasswordChange: true } } },
    async (request) => {
      const session = sessionOf(request);
      const mine = session.user.mustChangePassword
        ? { organisations: [], homeOrganisationId: null }
        : await listMyOrganisations(ctx, { userId: session.user.id });
      return { user: session.user, csrfToken: session.csrfToken, ...mine };
    },
  );

  app.post(
    "/api/auth/logout",
    { config: { access: { kind: "session", duringPasswordChange: true } } },
    async (request, reply) => {
      const session = sessionOf(request);
      await logout(ctx, { actor: principalOf(session, request.id), sessionId: session.sessionId });
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
      return { ok: true };
    },
  );

  app.post(
    "/api/auth/logout-everywhere",
    { config: { access: { kind: "session", duringPasswordChange: true } } },
    async (request, reply) => {
      const session = sessionOf(request);
      const result = await logoutEverywhere(ctx, { actor: principalOf(session, request.id), userId: session.user.id });
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
      return result;
    },
  );

  app.post(
    "/api/auth/password",
    { config: { access: { kind: "session", duringPasswordChange: true } } },
    async (request) => {
      const session = sessionOf(request);
      const input = ZChangePassword.parse(request.body);
      await changePassword(ctx, {
        actor: { ...principalOf(session, request.id), userId: session.user.id },
        sessionId: session.sessionId,
        ...input,
      });
      return { ok: true };
    },
  );
}
