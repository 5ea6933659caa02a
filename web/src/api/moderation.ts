// The admin app's calls for moderation: the queue, a case, decisions, reviews, objections, evidence and
// the moderation settings. Shapes come from the server's contract.
import type { ZCaseDetail, ZCaseSummary, ZModerationMessage, ZStormAlert } from "@contract/moderation";
import type { Wire } from "@contract/route";
import { type Answer, type Body, call, urlOf } from "./client";

export type ModerationAction = Body<"POST /api/orgs/:orgId/moderation/cases/:caseId/decision">["action"];
// Every action of the contract, in the order the decision form offers them (a missing one fails to build).
const ACTIONS: { [A in ModerationAction]: A } = {
  approve: "approve",
  hide: "hide",
  delete: "delete",
  remind: "remind",
  warn: "warn",
  mute: "mute",
  block: "block",
  report: "report",
  escalate: "escalate",
};
export const MODERATION_ACTIONS = Object.values(ACTIONS);
export type ThreatLabel = NonNullable<Body<"POST /api/orgs/:orgId/moderation/cases/:caseId/decision">["threat"]>;
// The answers to "a threat?", in the order the decision form offers them (a missing one fails to build).
const THREAT_ANSWERS: { [L in ThreatLabel]: L } = { threat: "threat", not_threat: "not_threat" };
export const THREAT_LABELS = Object.values(THREAT_ANSWERS);
export type ModerationMessage = Wire<typeof ZModerationMessage>;
export type CaseSummary = Wire<typeof ZCaseSummary>;
export type CaseDetail = Wire<typeof ZCaseDetail>;
export type StormAlert = Wire<typeof ZStormAlert>;
export type ModerationSettings = Answer<"GET /api/orgs/:orgId/moderation/settings">["settings"];
export type WordRule = ModerationSettings["wordRules"][number];

interface Options {
  signal?: AbortSignal;
}

export const moderationApi = {
  queue: (orgId: string, view: "open" | "decided" | "unreviewed", options?: Options) =>
    call("GET /api/orgs/:orgId/moderation/cases", { params: { orgId }, query: { view } }, options),
  detail: (orgId: string, caseId: string, options?: Options) =>
    call("GET /api/orgs/:orgId/moderation/cases/:caseId", { params: { orgId, caseId } }, options),
  decide: (orgId: string, caseId: string, input: Body<"POST /api/orgs/:orgId/moderation/cases/:caseId/decision">) =>
    call("POST /api/orgs/:orgId/moderation/cases/:caseId/decision", { params: { orgId, caseId }, body: input }),
  review: (orgId: string, caseId: string, input: Body<"POST /api/orgs/:orgId/moderation/cases/:caseId/review">) =>
    call("POST /api/orgs/:orgId/moderation/cases/:caseId/review", { params: { orgId, caseId }, body: input }),
  appeal: (orgId: string, caseId: string, text: string) =>
    call("POST /api/orgs/:orgId/moderation/cases/:caseId/appeal", { params: { orgId, caseId }, body: { text } }),
  secureEvidence: (orgId: string, caseId: string) =>
    call("POST /api/orgs/:orgId/moderation/cases/:caseId/evidence", { params: { orgId, caseId } }),
  evidenceUrl: (orgId: string, caseId: string, evidenceId: string, format: "json" | "pdf") =>
    urlOf("GET /api/orgs/:orgId/moderation/cases/:caseId/evidence/:evidenceId/:format", {
      params: { orgId, caseId, evidenceId, format },
    }),
  acknowledge: (orgId: string, alertId: string, preModerate: boolean) =>
    call("POST /api/orgs/:orgId/moderation/alerts/:alertId/acknowledge", {
      params: { orgId, alertId },
      body: { preModerate },
    }),
  settings: (orgId: string, options?: Options) =>
    call("GET /api/orgs/:orgId/moderation/settings", { params: { orgId } }, options),
  saveSettings: (orgId: string, settings: Body<"PUT /api/orgs/:orgId/moderation/settings">) =>
    call("PUT /api/orgs/:orgId/moderation/settings", { params: { orgId }, body: settings }),
  report: (orgId: string, messageId: string, reason: string) =>
    call("POST /api/orgs/:orgId/moderation/reports", { params: { orgId }, body: { messageId, reason } }),
};
