// Authentication and authorisation for every route: resolves the session cookie, checks the CSRF
// token and Origin on state-changing requests, and enforces each route's declared access through
// the policy module. Routes never check roles themselves.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { inOrganisation } from "../../domain/policy.js";
import { requireAllowed } from "../../app/authorization.js";
import type { AppContext } from "../../app/context.js";
import { actorInOrganisation } from "../../app/auth/actor-in-organisation.js";
import { resolveSession } from "../../app/auth/resolve-session.js";
import { tokensEqual } from "../../app/security/tokens.js";
import { AppError } from "../../domain/errors.js";
import type { Action } from "../../domain/roles.js";
import type { RegisteredRoute, RouteAccess } from "../access.js";

export const SESSION_COOKIE = "draht_session";
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const ZOrgId = z.uuid();

export function registerAuth(app: FastifyInstance, options: { ctx: AppContext; publicUrl: string }): RegisteredRoute[] {
  const { ctx } = options;
  const publicOrigin = new URL(options.publicUrl).origin;
  const routes: RegisteredRoute[] = [];

  app.decorateRequest("session", null);
  app.decorateRequest("orgActor", null);

  app.addHook("onRoute", (route) => {
    const access = route.config?.access;
    if (!route.url.startsWith("/api/")) return;
    if (!access) throw new Error(`Route ${String(route.method)} ${route.url} declares no access rule`);
    for (const method of [route.method].flat()) {
      if (method !== "HEAD") routes.push({ method, url: route.url, access });
    }
  });

  app.addHook("onRequest", async (request) => {
    // The citizens' API carries no ambient credentials; its cross-site rules live in public/publicCors.ts.
    if (!SAFE_METHODS.has(request.method) && !request.url.startsWith("/api/public/"))
      checkOrigin(request, publicOrigin);
  });

  // Before the body is read: nobody without the right gets a (possibly large) upload parsed.
  app.addHook("preParsing", async (request, reply, payload) => {
    const access = request.routeOptions.config.access;
    if (!access || access.kind === "public") return payload;
    await authenticate(ctx, request, reply, access);
    if (access.kind === "org") await authorizeOrg(ctx, request, access.action);
    return payload;
  });

  return routes;
}

/** Browsers send Origin on cross-site requests; a foreign one is refused before anything runs. */
function checkOrigin(request: FastifyRequest, publicOrigin: string): void {
  const origin = request.headers.origin;
  if (!origin) return;
  const sameHost = `${request.protocol}://${request.host}`;
  if (origin !== publicOrigin && origin !== sameHost) {
    throw new AppError("CSRF_FAILED", { details: { reason: "foreign_origin" } });
  }
}

async function authenticate(
  ctx: AppContext,
  request: FastifyRequest,
  reply: FastifyReply,
  access: Exclude<RouteAccess, { kind: "public" }>,
): Promise<void> {
  const token = request.cookies[SESSION_COOKIE];
  const session = token ? await resolveSession(ctx, { token }) : null;
  if (!session) {
    if (token) reply.clearCookie(SESSION_COOKIE, { path: "/" });
    throw new AppError("NOT_AUTHENTICATED");
  }
  if (!SAFE_METHODS.has(request.method)) {
    const sent = request.headers["x-csrf-token"];
    if (typeof sent !== "string" || !tokensEqual(sent, session.csrfToken)) throw new AppError("CSRF_FAILED");
  }
  const passwordChangeAllowed = access.kind === "session" && access.duringPasswordChange;
  if (session.user.mustChangePassword && !passwordChangeAllowed) throw new AppError("PASSWORD_CHANGE_REQUIRED");
  request.session = session;
  request.log = request.log.child({ userId: session.user.id });
}

async function authorizeOrg(ctx: AppContext, request: FastifyRequest, action: Action) {
  const session = request.session;
  const orgId = ZOrgId.safeParse((request.params as Record<string, unknown>).orgId);
  if (!session || !orgId.success) throw new AppError("NOT_FOUND");
  const actor = await actorInOrganisation(ctx, {
    userId: session.user.id,
    label: session.user.email,
    orgId: orgId.data,
    requestId: request.id,
  });
  requireAllowed(ctx, actor, action, inOrganisation(orgId.data));
  request.orgActor = actor;
  request.log = request.log.child({ orgId: orgId.data });
}

/** The actor of an org route; the preHandler guarantees it is set. */
export function orgActorOf(request: FastifyRequest) {
  if (!request.orgActor) throw new AppError("NOT_AUTHENTICATED");
  return request.orgActor;
}

export function sessionOf(request: FastifyRequest) {
  if (!request.session) throw new AppError("NOT_AUTHENTICATED");
  return request.session;
}
