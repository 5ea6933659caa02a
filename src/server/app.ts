// The app factory: builds the Fastify server from its dependencies, without listening, so that
// tests run it in-process with inject() and the process entry (cli/commands/serve.ts) listens.
import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import cookie from "@fastify/cookie";
import helmet from "@fastify/helmet";
import rateLimit from "@fastify/rate-limit";
import fastifyStatic from "@fastify/static";
import Fastify, {
  type FastifyBaseLogger,
  type FastifyError,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
} from "fastify";
import type { AppContext } from "../app/context.js";
import { type TConfig, cookieIsSecure, metaAppOf, xAppOf } from "../config.js";
import { throttleAddressOf } from "../domain/clientAddress.js";
import type { Logger } from "../logger.js";
import type { RegisteredRoute } from "./access.js";
import { registerContractHandling } from "./contractRoutes.js";
import { registerAuth } from "./plugins/auth.js";
import { registerInputBoundary } from "./plugins/inputBoundary.js";
import { channelConnectionRoutes } from "./routes/channelConnections.js";
import { moderationRoutes } from "./routes/moderation.js";
import { errorBody, registerErrorHandling } from "./plugins/errors.js";
import { authRoutes } from "./routes/auth.js";
import { healthRoutes } from "./routes/health.js";
import { invitationRoutes } from "./routes/invitations.js";
import { memberRoutes } from "./routes/members.js";
import { campaignRoutes } from "./routes/campaigns.js";
import { mediaRoutes } from "./routes/media.js";
import { notificationRoutes } from "./routes/notifications.js";
import { orgRoutes } from "./routes/orgs.js";
import { overviewRoutes } from "./routes/overview.js";
import { postRoutes } from "./routes/posts.js";
import { channelAndGuidelineRoutes } from "./routes/publishing.js";
import { websiteRoutes } from "./routes/website.js";
import { inboxRoutes } from "./routes/inbox.js";
import { knowledgeRoutes } from "./routes/knowledge.js";
import { sharingRoutes } from "./routes/sharing.js";
import { feedRoutes } from "./routes/feeds.js";
import { searchRoutes } from "./routes/search.js";
import { inboxMessageTemplateRoutes } from "./routes/inboxMessageTemplates.js";
import { reportRoutes } from "./routes/reports.js";
import { webhookRoutes, webhookSetupRoutes } from "./routes/webhooks.js";
import { openApiRoutes } from "./routes/openapi.js";
import { type InboxHub, type Listen, createInboxHub } from "./liveInbox.js";
import { type ConnectorRegistry, createConnectorRegistry } from "../channels/registry.js";
import { publicApiRoutes } from "./public/publicApi.js";
import { publicErrorPage } from "./public/errorPages.js";
import { publicPageRoutes } from "./public/publicPages.js";

export interface BuildAppOptions {
  config: TConfig;
  ctx: AppContext;
  logger: Logger;
  ping: () => Promise<void>;
  /** Folder of the built web UI; omitted or missing: the API runs without it. */
  webRoot?: string;
  /** Folder of the built citizen widget (draht-widget.js, demo page). */
  widgetRoot?: string;
  isReady?: () => boolean;
  /** NOTIFY subscription of the database (Database.listen), for the inbox's live updates. */
  listen: Listen;
  /** The channel connectors; built from the context when omitted. */
  connectors?: ConnectorRegistry;
}

export interface DrahtApp {
  app: FastifyInstance;
  routes: RegisteredRoute[];
  hub: InboxHub;
}

export async function buildApp(options: BuildAppOptions): Promise<DrahtApp> {
  const { config, ctx } = options;
  const app = Fastify({
    loggerInstance: options.logger as FastifyBaseLogger,
    bodyLimit: config.BODY_LIMIT_BYTES,
    trustProxy: config.TRUST_PROXY,
    requestIdHeader: "x-request-id",
    genReqId: () => randomUUID(),
    frameworkErrors: (error, request, reply) => refuseAddress(error, request, reply),
  });
  app.addHook("onSend", async (request, reply) => {
    reply.header("x-request-id", request.id);
  });
  warnAboutUntrustedForwarding(app);

  registerErrorHandling(app);
  registerContractHandling(app);
  registerInputBoundary(app);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", "data:"],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: cookieIsSecure(config) ? [] : null,
      },
    },
    strictTransportSecurity: cookieIsSecure(config),
  });
  await app.register(cookie);
  // Routes with a rate limit (sign-in, invitation links) count an IPv6 client by its /64 network.
  await app.register(rateLimit, { global: false, keyGenerator: (request) => throttleAddressOf(request.ip) });
  const routes = registerAuth(app, { ctx, publicUrl: config.PUBLIC_URL });

  healthRoutes(app, { ping: options.ping, isReady: options.isReady ?? (() => true) });
  authRoutes(app, {
    ctx,
    cookie: { secure: cookieIsSecure(config), maxAgeSeconds: config.SESSION_TTL_HOURS * 3600 },
    loginRatePerMinute: config.LOGIN_RATE_PER_MINUTE,
  });
  notificationRoutes(app, { ctx });
  orgRoutes(app, { ctx });
  overviewRoutes(app, { ctx });
  memberRoutes(app, { ctx });
  invitationRoutes(app, {
    ctx,
    cookie: { secure: cookieIsSecure(config), maxAgeSeconds: config.SESSION_TTL_HOURS * 3600 },
    linkRatePerMinute: config.LOGIN_RATE_PER_MINUTE,
  });
  channelAndGuidelineRoutes(app, { ctx });
  const connectors =
    options.connectors ??
    createConnectorRegistry({
      db: ctx.db,
      clock: ctx.clock,
      publicUrl: ctx.publicUrl,
      atproto: { plcDirectoryUrl: config.ATPROTO_PLC_URL },
      networkServers: ctx.networkServers,
      meta: metaAppOf(config),
      x: xAppOf(config),
    });
  postRoutes(app, { ctx, connectors });
  campaignRoutes(app, { ctx });
  // Its own scope: the raw-file body parser and its larger body limit apply to the upload route only.
  await app.register(async (scope) =>
    mediaRoutes(scope, { ctx, maxBytes: config.MEDIA_MAX_BYTES, maxVideoSeconds: config.MEDIA_MAX_VIDEO_SECONDS }),
  );
  websiteRoutes(app, { ctx });
  const hub = createInboxHub(options.listen);
  app.addHook("onClose", () => hub.close());
  inboxRoutes(app, { ctx, connectors, hub });
  knowledgeRoutes(app, { ctx });
  sharingRoutes(app, { ctx });
  feedRoutes(app, { ctx });
  searchRoutes(app, { ctx });
  inboxMessageTemplateRoutes(app, { ctx, connectors });
  webhookSetupRoutes(app, { ctx, connectors });
  // Its own scope: raw-byte bodies (the signature is over them) and the webhook body limit for these routes only.
  await app.register(async (scope) =>
    webhookRoutes(scope, { ctx, connectors, bodyLimit: config.WEBHOOK_BODY_LIMIT_BYTES }),
  );
  moderationRoutes(app, { ctx, connectors });
  reportRoutes(app, { ctx });
  channelConnectionRoutes(app, { ctx, connectors });
  publicApiRoutes(app, { ctx });
  openApiRoutes(app, { routes, serverUrl: config.PUBLIC_URL });
  // Own scope under /p: the form-body parser and the HTML error and not-found pages apply to the citizen pages only.
  await app.register(async (scope) => publicPageRoutes(scope, { ctx }), { prefix: "/p" });
  await registerWidget(app, options.widgetRoot);
  await registerWebUi(app, options.webRoot);
  return { app, routes, hub };
}

/**
 * Behind a proxy that TRUST_PROXY does not name, every client appears with the proxy's address, so the
 * sign-in throttle would count all of them as one: say so once in the log.
 */
function warnAboutUntrustedForwarding(app: FastifyInstance): void {
  let warned = false;
  app.addHook("onRequest", async (request) => {
    if (warned || request.headers["x-forwarded-for"] === undefined) return;
    if (request.ip !== request.socket.remoteAddress) return;
    warned = true;
    request.log.warn(
      "requests carry X-Forwarded-For from a peer TRUST_PROXY does not name: client addresses (and the sign-in throttle) see the proxy",
    );
  });
}

/**
 * Serves the embeddable widget to any site (cross-origin resource policy relaxed for it and for the
 * citizens' API, which other sites' pages call when the organisation lists them for embedding).
 */
async function registerWidget(app: FastifyInstance, widgetRoot: string | undefined): Promise<void> {
  app.addHook("onSend", async (request, reply) => {
    if (request.url.startsWith("/widget/") || request.url.startsWith("/api/public/"))
      reply.header("cross-origin-resource-policy", "cross-origin");
  });
  if (widgetRoot === undefined || !existsSync(widgetRoot)) return;
  await app.register(fastifyStatic, { root: widgetRoot, prefix: "/widget/", decorateReply: false, maxAge: 300_000 });
}

/**
 * Addresses the router cannot take apart (bad %-encoding, an overlong segment) are refused before any
 * route or hook runs, in the format of their part of the site.
 */
function refuseAddress(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  request.log.info({ code: error.code }, "request refused");
  // No hook runs for these (helmet neither): the headers every answer carries are set here.
  reply
    .header("x-request-id", request.id)
    .header("x-content-type-options", "nosniff")
    .header("content-security-policy", "default-src 'self'; frame-ancestors 'none'");
  if (areaOf(request.url) === "public") {
    const page = publicErrorPage("bad_address", null);
    return reply.status(page.status).type("text/html; charset=utf-8").send(page.body);
  }
  const tooLong = error.code === "FST_ERR_MAX_PARAM_LENGTH";
  const message = tooLong
    ? "Die Adresse ist ungültig: Ein Teil von ihr ist zu lang."
    : "Die Adresse ist ungültig: Sie enthält eine fehlerhafte %-Kodierung.";
  const details = { reason: tooLong ? "address_too_long" : "bad_url_encoding" };
  return reply.status(400).send(errorBody("VALIDATION_FAILED", request.id, message, details));
}

/** The parts of the address space; each answers errors in its own format. */
type AddressArea = "api" | "public" | "widget" | "staff";

function areaOf(url: string): AddressArea {
  const path = url.split("?")[0] ?? "";
  const under = (prefix: string) => path === prefix || path.startsWith(`${prefix}/`);
  if (under("/api")) return "api";
  if (under("/p")) return "public";
  if (under("/widget")) return "widget";
  return "staff";
}

/**
 * Serves the React app. Unknown GET paths of the staff app get index.html, so that client-side routes
 * load directly; the API, the citizens' pages (their own not-found page, publicPages.ts) and the widget
 * never get the staff app's shell.
 */
async function registerWebUi(app: FastifyInstance, webRoot: string | undefined): Promise<void> {
  const hasUi = webRoot !== undefined && existsSync(`${webRoot}/index.html`);
  if (hasUi) await app.register(fastifyStatic, { root: webRoot, wildcard: false, index: ["index.html"] });
  app.setNotFoundHandler((request, reply) => {
    const wantsPage = request.method === "GET" && areaOf(request.url) === "staff" && hasUi;
    if (wantsPage) return reply.type("text/html").sendFile("index.html");
    return reply.status(404).send(errorBody("NOT_FOUND", request.id, "No such route"));
  });
}
