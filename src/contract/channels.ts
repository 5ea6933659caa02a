// Contract of channel accounts, their connection to the networks (OAuth, app passwords, health) and the
// guideline (Richtlinie) versions.
import { z } from "zod";
import { SYNC_STATUSES } from "../domain/channelHealth.js";
import { X_ACCESS_TIERS } from "../domain/channelSettings.js";
import { ZGuidelineRules } from "../domain/guidelineRules.js";
import { EMULATED_NETWORKS, NETWORKS } from "../domain/networks.js";
import { APPROVAL_MODES } from "../domain/postWorkflow.js";
import { WEBHOOK_REFUSALS } from "../domain/webhooks.js";
import { ZWeeklyWindow } from "../domain/schedule.js";
import { ZDay, ZId, ZOrgParams, ZTimestamp } from "./common.js";
import type { ContractGroup } from "./route.js";

// ---- Requests ----

const ZMode = z.enum(APPROVAL_MODES);

export const ZChannelAccountInput = z.object({
  name: z.string().trim().min(2).max(120),
  network: z.enum(NETWORKS),
  emulates: z.enum(EMULATED_NETWORKS).nullable().default(null),
  departmentId: z.uuid().nullable().default(null),
  accountableUserId: z.uuid().nullable().default(null),
  postingWindows: z.array(ZWeeklyWindow).max(20).default([]),
  limits: z
    .object({
      maxLength: z.number().int().min(1).max(100_000).optional(),
      maxMedia: z.number().int().min(0).max(20).optional(),
      maxHashtags: z.number().int().min(0).max(100).optional(),
    })
    .default({}),
  approval: z
    .object({
      post: ZMode.default("single"),
      campaign_template: ZMode.default("none"),
      campaign_free: ZMode.default("single"),
    })
    .default({ post: "single", campaign_template: "none", campaign_free: "single" }),
  settings: z.record(z.string(), z.unknown()).default({}),
});
export type TChannelAccountInput = z.input<typeof ZChannelAccountInput>;

// Without defaults: a field left out stays as it is.
const shape = ZChannelAccountInput.shape;
export const ZChannelAccountUpdate = z.object({
  name: shape.name.optional(),
  emulates: z.enum(EMULATED_NETWORKS).nullable().optional(),
  departmentId: z.uuid().nullable().optional(),
  accountableUserId: z.uuid().nullable().optional(),
  postingWindows: z.array(ZWeeklyWindow).max(20).optional(),
  limits: shape.limits.unwrap().optional(),
  approval: shape.approval.unwrap().optional(),
  settings: z.record(z.string(), z.unknown()).optional(),
  disabled: z.boolean().optional(),
});
export type TChannelAccountUpdate = z.input<typeof ZChannelAccountUpdate>;

export const ZAppPassword = z.object({
  identifier: z.string().trim().min(1).max(300),
  password: z.string().min(1).max(300),
});
export const ZOAuthCallback = z.object({
  state: z.string().min(1).max(200),
  code: z.string().max(2000).optional(),
  error: z.string().max(200).optional(),
  iss: z.string().max(500).optional(),
});

export const ZGuidelineInput = z.object({
  title: z.string().trim().min(2).max(200),
  document: z.string().max(200_000).default(""),
  rules: ZGuidelineRules,
  ownerUserId: z.uuid().nullable().default(null),
  reviewBy: z.iso.date(),
});
export type TGuidelineInput = z.input<typeof ZGuidelineInput>;

// ---- Answers ----

export const ZChannelAccount = z
  .object({
    id: ZId,
    name: z.string(),
    /** One of website, sandbox, mastodon, bluesky. */
    network: z.string(),
    /** The network a sandbox account behaves like (limits, counting). */
    emulates: z.enum(EMULATED_NETWORKS).nullable(),
    departmentId: ZId.nullable(),
    accountableUserId: ZId.nullable(),
    postingWindows: z.array(ZWeeklyWindow),
    limits: z.object({
      maxLength: z.number().int().optional(),
      maxMedia: z.number().int().optional(),
      maxHashtags: z.number().int().nullable().optional(),
    }),
    approval: z.object({ post: ZMode, campaign_template: ZMode, campaign_free: ZMode }),
    /** Non-secret settings of the network (instance, visibility, simulation); never credentials. */
    settings: z.record(z.string(), z.unknown()),
    disabledAt: ZTimestamp.nullable(),
    createdAt: ZTimestamp,
    updatedAt: ZTimestamp,
  })
  .meta({ id: "ChannelAccount" });

const ZCapabilities = z.object({
  publish: z.object({
    text: z.boolean(),
    media: z.boolean(),
    altText: z.boolean(),
    threads: z.boolean(),
    polls: z.boolean(),
    contentWarning: z.boolean(),
    replyPolicy: z.boolean(),
  }),
  editOwn: z.boolean(),
  deleteOwn: z.boolean(),
  inbound: z.object({
    mode: z.enum(["poll", "push", "stored", "none"]),
    replies: z.boolean(),
    mentions: z.boolean(),
    quotes: z.boolean(),
    directMessages: z.boolean(),
    edits: z.boolean(),
    deletions: z.boolean(),
    streaming: z.boolean(),
  }),
  reply: z.boolean(),
  connect: z.array(z.enum(["oauth", "app_password"])),
});

export const ZChannelConnection = z
  .object({
    channelAccountId: ZId,
    network: z.string(),
    /** How the account can be connected, preferred first; empty = nothing to connect. */
    connectMethods: z.array(z.enum(["oauth", "app_password"])),
    serverUrl: z.string().nullable(),
    /** The server's own limits, learnt when connecting (Mastodon instances). */
    serverLimits: z.object({
      maxLength: z.number().int().optional(),
      maxMedia: z.number().int().optional(),
      linkLength: z.number().int().optional(),
      maxPollOptions: z.number().int().optional(),
    }),
    /** The app's paid access tier at the network, where it has tiers (X): its monthly caps are shown with it. */
    accessTier: z.enum(X_ACCESS_TIERS).nullable(),
    connected: z.boolean(),
    remoteHandle: z.string().nullable(),
    remoteUrl: z.string().nullable(),
    connectedAt: ZTimestamp.nullable(),
    capabilities: ZCapabilities.nullable(),
    /** Whether the network can push to draht's webhook endpoint. */
    webhookSupported: z.boolean(),
    /** The account's webhook, when set up: its address and what arrived (never the secret). */
    webhook: z
      .object({
        callbackUrl: z.string(),
        createdAt: ZTimestamp,
        eventsAccepted: z.number().int(),
        messagesReceived: z.number().int(),
        requestsRefused: z.number().int(),
        lastReceivedAt: ZTimestamp.nullable(),
        lastRefusedAt: ZTimestamp.nullable(),
        lastRefusal: z.enum(WEBHOOK_REFUSALS).nullable(),
      })
      .nullable(),
    sync: z
      .object({
        status: z.enum(SYNC_STATUSES),
        lastAttemptAt: ZTimestamp.nullable(),
        lastSuccessAt: ZTimestamp.nullable(),
        lastErrorAt: ZTimestamp.nullable(),
        lastErrorKind: z.string().nullable(),
        lastErrorMessage: z.string().nullable(),
        consecutiveFailures: z.number().int(),
        rateLimitRemaining: z.number().int().nullable(),
        rateLimitResetAt: ZTimestamp.nullable(),
        nextSyncAt: ZTimestamp.nullable(),
        itemsReceived: z.number().int(),
      })
      .nullable(),
  })
  .meta({ id: "ChannelConnection" });

export const ZGuideline = z
  .object({
    id: ZId,
    version: z.number().int(),
    title: z.string(),
    document: z.string(),
    rules: ZGuidelineRules,
    status: z.enum(["draft", "active", "superseded"]),
    ownerUserId: ZId.nullable(),
    reviewBy: ZDay,
    createdByUserId: ZId.nullable(),
    createdAt: ZTimestamp,
    activatedAt: ZTimestamp.nullable(),
  })
  .meta({ id: "Guideline" });

const ZChannelParams = ZOrgParams.extend({ channelAccountId: z.uuid() });
const ZGuidelineParams = ZOrgParams.extend({ guidelineId: z.uuid() });
const ZWebhookParams = z.object({ network: z.string().regex(/^[a-z]{2,20}$/), channelAccountId: z.uuid() });
const redirect = (description: string) => ({ raw: "redirect", description }) as const;
const tag = "Channels";

export const channelsContract = {
  "GET /api/orgs/:orgId/channels": {
    tag,
    summary: "Channel accounts the caller may see",
    params: ZOrgParams,
    responses: { 200: z.object({ channels: z.array(ZChannelAccount) }) },
  },
  "POST /api/orgs/:orgId/channels": {
    tag,
    summary: "Create a channel account",
    params: ZOrgParams,
    body: ZChannelAccountInput,
    responses: { 201: ZChannelAccount },
  },
  "PATCH /api/orgs/:orgId/channels/:channelAccountId": {
    tag,
    summary: "Change a channel account (fields left out stay)",
    params: ZChannelParams,
    body: ZChannelAccountUpdate,
    responses: { 200: ZChannelAccount },
  },
  "GET /api/orgs/:orgId/channel-connections": {
    tag,
    summary: "Connection and sync health of each channel account",
    params: ZOrgParams,
    responses: { 200: z.object({ connections: z.array(ZChannelConnection) }) },
  },
  "POST /api/orgs/:orgId/channels/:channelAccountId/connection/oauth": {
    tag,
    summary: "Start connecting by OAuth: the address to send the person's browser to",
    params: ZChannelParams,
    responses: { 200: z.object({ authoriseUrl: z.string() }) },
  },
  "GET /api/channel-authorisations/return": {
    tag,
    summary: "Where a loopback OAuth client returns (127.0.0.1); forwards the query to the callback",
    responses: { 303: redirect("To the callback on draht's public address.") },
  },
  "GET /api/channel-authorisations/callback": {
    tag,
    summary: "The network sends the browser back here after authorising",
    query: ZOAuthCallback,
    responses: {
      303: redirect(
        "To the channels page with connected=… or connectionError=… (the start page where the state is unknown).",
      ),
    },
  },
  "POST /api/orgs/:orgId/channels/:channelAccountId/connection/app-password": {
    tag,
    summary: "Connect with an app password (Bluesky)",
    params: ZChannelParams,
    body: ZAppPassword,
    responses: { 200: z.object({ handle: z.string() }) },
  },
  "DELETE /api/orgs/:orgId/channels/:channelAccountId/connection": {
    tag,
    summary: "Disconnect: revoke at the network where possible and wipe the credentials",
    params: ZChannelParams,
    responses: { 200: z.object({ revoked: z.boolean() }) },
  },
  "POST /api/orgs/:orgId/channels/:channelAccountId/connection/sync": {
    tag,
    summary: "Fetch the account's new citizen messages now",
    params: ZChannelParams,
    responses: {
      200: z.object({
        /** null: nothing to sync (not connected, or not a polled network). */
        outcome: z
          .object({
            accountId: ZId,
            /** already_running: another sync of the account holds its lease; this one fetched nothing. */
            status: z.enum(["ok", "warning", "needs_reconnect", "already_running"]),
            received: z.number().int(),
            error: z.string().optional(),
          })
          .nullable(),
      }),
    },
  },
  "PUT /api/orgs/:orgId/channels/:channelAccountId/webhook": {
    tag,
    summary: "Set up the account's webhook: the network's app secret, or a new one made by draht",
    description:
      "Answers the address and the verification token to enter at the network, and the secret when draht made " +
      "it — shown this once. Setting it up again replaces the secret.",
    params: ZChannelParams,
    body: z.object({ secret: z.string().trim().min(16).max(500).optional() }).default({}),
    responses: {
      200: z.object({ callbackUrl: z.string(), verifyToken: z.string(), secret: z.string().nullable() }),
    },
  },
  "DELETE /api/orgs/:orgId/channels/:channelAccountId/webhook": {
    tag,
    summary: "Remove the account's webhook (its deliveries are refused from then on; polling goes on)",
    params: ZChannelParams,
    responses: { 200: z.object({ removed: z.boolean() }) },
  },
  "GET /api/webhooks/:network/:channelAccountId": {
    tag: "Webhooks",
    summary: "The network's subscription handshake (Meta: hub.mode, hub.verify_token, hub.challenge)",
    params: ZWebhookParams,
    query: z.object({
      "hub.mode": z.string().max(50).optional(),
      "hub.verify_token": z.string().max(200).optional(),
      "hub.challenge": z.string().max(200).optional(),
    }),
    responses: { 200: { raw: "file", description: "The challenge, as text.", contentTypes: ["text/plain"] } },
  },
  "POST /api/webhooks/:network/:channelAccountId": {
    tag: "Webhooks",
    summary: "A network delivers citizens' items (signed; answered after they are stored)",
    description:
      "The body is checked against the network's signature before it is read (Meta: X-Hub-Signature-256). Each " +
      "event is taken once; events seen before are answered 200 without storing anything (`replayed`), so a " +
      "network that retries stops; events outside the 7-day window are left out (`stale`). 401 bad signature, " +
      "400 not the network's format or only events outside the window, 404 no webhook for the account, 413 body " +
      "over the limit.",
    params: ZWebhookParams,
    rawBody: ["application/json"],
    responses: {
      200: z.object({
        events: z.number().int(),
        received: z.number().int(),
        /** Seen before: not stored again. */
        replayed: z.number().int(),
        /** Outside the 7-day window: left out (a delivery of nothing else is refused, 400). */
        stale: z.number().int(),
      }),
    },
  },
  "GET /api/orgs/:orgId/guidelines": {
    tag: "Guidelines",
    summary: "Guideline versions, the one in force, its review state and whether the caller acknowledged it",
    params: ZOrgParams,
    responses: {
      200: z.object({
        versions: z.array(ZGuideline),
        activeId: ZId.nullable(),
        review: z.object({ state: z.enum(["current", "due_soon", "overdue"]), reviewBy: ZDay, today: ZDay }).nullable(),
        acknowledged: z.boolean(),
      }),
    },
  },
  "POST /api/orgs/:orgId/guidelines": {
    tag: "Guidelines",
    summary: "Create a guideline version (a draft)",
    params: ZOrgParams,
    body: ZGuidelineInput,
    responses: { 201: ZGuideline },
  },
  "POST /api/orgs/:orgId/guidelines/:guidelineId/activate": {
    tag: "Guidelines",
    summary: "Put a guideline version in force",
    params: ZGuidelineParams,
    responses: { 200: ZGuideline },
  },
  "POST /api/orgs/:orgId/guidelines/:guidelineId/acknowledge": {
    tag: "Guidelines",
    summary: "Acknowledge having read the guideline in force",
    params: ZGuidelineParams,
    responses: {
      200: z.object({ guidelineId: ZId, version: z.number().int(), acknowledgedAt: ZTimestamp.nullable() }),
    },
  },
} as const satisfies ContractGroup;
