// Contract of moderation: the queue, a case, decisions, reviews, objections, evidence (secured, exported
// as JSON or PDF), reports from the inbox, shitstorm alerts and the moderation settings.
import { z } from "zod";
import { INBOUND_KINDS, INBOUND_VISIBILITIES } from "../domain/inbound.js";
import {
  CASE_STATUSES,
  MODERATION_ACTIONS,
  ZAppeal,
  ZDecisionReview,
  ZModerationDecision,
} from "../domain/moderation/decisions.js";
import { ZModerationSettings } from "../domain/moderation/settings.js";
import { THREAT_LABELS } from "../domain/moderation/threatLabels.js";
import { ZId, ZIdOnly, ZOrgParams, ZTimestamp } from "./common.js";
import type { ContractGroup } from "./route.js";

// ---- Requests ----

export const ZQueueFilter = z.object({
  view: z.enum(["open", "decided", "unreviewed"]).default("open"),
  channelAccountId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const ZReport = z.object({ messageId: z.uuid(), reason: z.string().trim().min(3).max(2000) });
/** Sent without a body: acknowledged without switching to pre-moderation. */
export const ZAcknowledge = z.object({ preModerate: z.boolean().default(false) }).default({ preModerate: false });

// ---- Answers ----

/** One step of the moderation pipeline as it ran on the message. */
export const ZTrailStep = z
  .object({
    phase: z.string(),
    outcome: z.enum(["pass", "info", "visible", "held", "hidden", "failed"]),
    reason: z.string().optional(),
    clause: z.number().int().optional(),
  })
  .meta({ id: "ModerationTrailStep" });

export const ZModerationMessage = z
  .object({
    id: ZId,
    kind: z.enum(INBOUND_KINDS),
    authorName: z.string(),
    authorHandle: z.string(),
    text: z.string(),
    visibility: z.enum(INBOUND_VISIBILITIES),
    receivedAt: ZTimestamp,
    /** Set when the author changed the text on the network (the case history holds the text before). */
    editedAt: ZTimestamp.nullable(),
    threadExternalId: z.string().nullable(),
    scores: z.record(z.string(), z.number()),
    labels: z.array(z.string()),
    reasons: z.array(z.string()),
  })
  .meta({ id: "ModerationMessage" });

const ZCaseFields = z.object({
  id: ZId,
  status: z.enum(CASE_STATUSES),
  priority: z.number().int(),
  threat: z.boolean(),
  pipelineStatus: z.enum(["visible", "held", "hidden"]),
  pipelineReason: z.string().nullable(),
  pipelineClause: z.number().int().nullable(),
  action: z.enum(MODERATION_ACTIONS).nullable(),
  clause: z.number().int().nullable(),
  review: z.enum(["confirmed", "overturned"]).nullable(),
  openedAt: ZTimestamp,
  decidedAt: ZTimestamp.nullable(),
  channel: z.object({ id: ZId, name: z.string(), network: z.string() }),
});

export const ZCaseSummary = ZCaseFields.extend({ message: ZModerationMessage }).meta({ id: "ModerationCaseSummary" });

export const ZStormAlert = z
  .object({
    id: ZId,
    channelAccountId: ZId,
    channelName: z.string(),
    threadExternalId: z.string().nullable(),
    windowStart: ZTimestamp,
    windowEnd: ZTimestamp,
    offensive: z.number().int(),
    total: z.number().int(),
    baselineMedian: z.number(),
    score: z.number(),
  })
  .meta({ id: "ShitstormAlert" });

export const ZCaseDetail = ZCaseFields.extend({
  trail: z.array(ZTrailStep),
  decidedByUserId: ZId.nullable(),
  conversationId: ZId.nullable(),
  message: ZModerationMessage.extend({
    /** The classifier's strongest features for the offensive-language score. */
    evidence: z.array(z.object({ feature: z.string(), weight: z.number() })),
  }),
  /** Earlier messages of the thread, oldest first. */
  thread: z.array(ZModerationMessage),
  decisions: z.array(
    z.object({
      id: ZId,
      kind: z.enum(["filter", "report", "review", "decision", "appeal", "edit"]),
      action: z.string().nullable(),
      clause: z.number().int().nullable(),
      reason: z.string(),
      /** What the network answered where the action ran there. */
      channelOutcome: z.string().nullable(),
      actorLabel: z.string(),
      at: ZTimestamp,
    }),
  ),
  evidence: z.array(
    z.object({ id: ZId, sha256: z.string(), securedAt: ZTimestamp, securedBy: z.string(), verified: z.boolean() }),
  ),
  /** The moderators' latest word on whether the message is a threat (null: none given). */
  threatLabel: z.enum(THREAT_LABELS).nullable(),
  /** The Netiquette in force, whose clauses a decision cites. */
  netiquette: z
    .object({
      id: ZId,
      version: z.number().int(),
      clauses: z.array(z.object({ number: z.number().int(), title: z.string() })),
    })
    .nullable(),
}).meta({ id: "ModerationCase" });

export const ZSettingsAnswer = z.object({ settings: ZModerationSettings });

const ZCaseParams = ZOrgParams.extend({ caseId: z.uuid() });
const tag = "Moderation";

export const moderationContract = {
  "GET /api/orgs/:orgId/moderation/cases": {
    tag,
    summary: "The moderation queue and open shitstorm alerts",
    params: ZOrgParams,
    query: ZQueueFilter,
    responses: { 200: z.object({ cases: z.array(ZCaseSummary), alerts: z.array(ZStormAlert) }) },
  },
  "GET /api/orgs/:orgId/moderation/cases/:caseId": {
    tag,
    summary: "One case: message, pipeline trail, thread, decisions, evidence and the Netiquette's clauses",
    params: ZCaseParams,
    responses: { 200: ZCaseDetail },
  },
  "POST /api/orgs/:orgId/moderation/cases/:caseId/decision": {
    tag,
    summary: "Decide a case (an action citing a Netiquette clause, with a reason)",
    params: ZCaseParams,
    body: ZModerationDecision,
    responses: {
      200: z.object({ id: ZId, action: z.enum(MODERATION_ACTIONS), status: z.enum(CASE_STATUSES) }),
    },
  },
  "POST /api/orgs/:orgId/moderation/cases/:caseId/review": {
    tag,
    summary: "Second moderator: confirm or overturn a decision",
    params: ZCaseParams,
    body: ZDecisionReview,
    responses: {
      200: z.object({ id: ZId, review: z.enum(["confirmed", "overturned"]), status: z.enum(CASE_STATUSES) }),
    },
  },
  "POST /api/orgs/:orgId/moderation/cases/:caseId/appeal": {
    tag,
    summary: "Record a citizen's objection received another way (reopens the case)",
    params: ZCaseParams,
    body: ZAppeal,
    responses: { 200: z.object({ id: ZId, status: z.literal("reopened") }) },
  },
  "POST /api/orgs/:orgId/moderation/cases/:caseId/evidence": {
    tag,
    summary: "Secure evidence (an append-only package with its SHA-256)",
    params: ZCaseParams,
    responses: { 201: z.object({ id: ZId, sha256: z.string(), securedAt: ZTimestamp }) },
  },
  "GET /api/orgs/:orgId/moderation/cases/:caseId/evidence/:evidenceId/:format": {
    tag,
    summary: "Export an evidence package as JSON or PDF (a download)",
    params: ZCaseParams.extend({ evidenceId: z.uuid(), format: z.enum(["json", "pdf"]) }),
    responses: {
      200: {
        raw: "file",
        description: "The package as a file.",
        contentTypes: ["application/json", "application/pdf"],
      },
    },
  },
  "POST /api/orgs/:orgId/moderation/reports": {
    tag,
    summary: "Report a message from the inbox to moderation",
    params: ZOrgParams,
    body: ZReport,
    responses: { 201: ZIdOnly },
  },
  "POST /api/orgs/:orgId/moderation/alerts/:alertId/acknowledge": {
    tag,
    summary: "Acknowledge a shitstorm alert, optionally switching to pre-moderation",
    params: ZOrgParams.extend({ alertId: z.uuid() }),
    body: ZAcknowledge,
    responses: { 200: z.object({ id: ZId, preModerated: z.boolean() }) },
  },
  "GET /api/orgs/:orgId/moderation/settings": {
    tag,
    summary: "Moderation settings (thresholds, word rules, flood limits, threat contacts, shitstorm)",
    params: ZOrgParams,
    responses: { 200: ZSettingsAnswer },
  },
  "PUT /api/orgs/:orgId/moderation/settings": {
    tag,
    summary: "Replace the moderation settings",
    params: ZOrgParams,
    body: ZModerationSettings,
    responses: { 200: ZSettingsAnswer },
  },
} as const satisfies ContractGroup;
