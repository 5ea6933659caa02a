// The admin app's calls for moderation: the queue, a case, decisions, reviews, objections, evidence and
// the moderation settings.
import { call } from "./client";

export interface ModerationMessage {
  id: string;
  kind: string;
  authorName: string;
  authorHandle: string;
  text: string;
  visibility: string;
  receivedAt: string;
  /** Set when the author changed the text on the network (the case history holds the text before). */
  editedAt: string | null;
  threadExternalId: string | null;
  scores: Record<string, number>;
  labels: string[];
  reasons: string[];
}

export interface CaseSummary {
  id: string;
  status: "open" | "decided" | "reopened";
  priority: number;
  threat: boolean;
  pipelineStatus: "visible" | "held" | "hidden";
  pipelineReason: string | null;
  pipelineClause: number | null;
  action: string | null;
  clause: number | null;
  review: "confirmed" | "overturned" | null;
  openedAt: string;
  decidedAt: string | null;
  channel: { id: string; name: string; network: string };
  message: ModerationMessage;
}

export interface StormAlert {
  id: string;
  channelAccountId: string;
  channelName: string;
  threadExternalId: string | null;
  windowStart: string;
  windowEnd: string;
  offensive: number;
  total: number;
  baselineMedian: number;
  score: number;
}

export interface CaseDetail extends Omit<CaseSummary, "message" | "decidedAt"> {
  trail: { phase: string; outcome: string; reason?: string; clause?: number }[];
  decidedByUserId: string | null;
  conversationId: string | null;
  message: ModerationMessage & { evidence: { feature: string; weight: number }[] };
  thread: ModerationMessage[];
  decisions: {
    id: string;
    kind: string;
    action: string | null;
    clause: number | null;
    reason: string;
    channelOutcome: string | null;
    actorLabel: string;
    at: string;
  }[];
  evidence: { id: string; sha256: string; securedAt: string; securedBy: string; verified: boolean }[];
  netiquette: { id: string; version: number; clauses: { number: number; title: string }[] } | null;
}

export const MODERATION_ACTIONS = [
  "approve",
  "hide",
  "delete",
  "remind",
  "warn",
  "mute",
  "block",
  "report",
  "escalate",
] as const;
export type ModerationAction = (typeof MODERATION_ACTIONS)[number];

export interface WordRule {
  pattern: string;
  match: "word" | "regex";
  action: "hold" | "hide";
  clause: number;
  note: string;
}

export interface ModerationSettings {
  holdOffense: number;
  hideOffense: number;
  holdThreat: number;
  hideThreat: number;
  insultClause: number;
  threatClause: number;
  spamClause: number;
  wordRules: WordRule[];
  floodMaxMessages: number;
  floodWindowMinutes: number;
  maxLinks: number;
  onClassifierFailure: "hold" | "pass";
  hideOnNetwork: boolean;
  threatContacts: string[];
  shitstorm: { windowMinutes: number; historyWindows: number; threshold: number; minOffensive: number };
}

const base = (orgId: string) => `/api/orgs/${encodeURIComponent(orgId)}/moderation`;

export const moderationApi = {
  queue: (orgId: string, view: "open" | "decided" | "unreviewed") =>
    call<{ cases: CaseSummary[]; alerts: StormAlert[] }>("GET", `${base(orgId)}/cases?view=${view}`),
  detail: (orgId: string, caseId: string) => call<CaseDetail>("GET", `${base(orgId)}/cases/${caseId}`),
  decide: (
    orgId: string,
    caseId: string,
    input: { action: ModerationAction; clause: number; reason: string; message?: string; escalateTo?: string[] },
  ) => call<{ id: string }>("POST", `${base(orgId)}/cases/${caseId}/decision`, input),
  review: (orgId: string, caseId: string, input: { verdict: "confirmed" | "overturned"; note: string }) =>
    call<{ id: string }>("POST", `${base(orgId)}/cases/${caseId}/review`, input),
  appeal: (orgId: string, caseId: string, text: string) =>
    call<{ id: string }>("POST", `${base(orgId)}/cases/${caseId}/appeal`, { text }),
  secureEvidence: (orgId: string, caseId: string) =>
    call<{ id: string; sha256: string }>("POST", `${base(orgId)}/cases/${caseId}/evidence`),
  evidenceUrl: (orgId: string, caseId: string, evidenceId: string, format: "json" | "pdf") =>
    `${base(orgId)}/cases/${caseId}/evidence/${evidenceId}/${format}`,
  acknowledge: (orgId: string, alertId: string, preModerate: boolean) =>
    call<{ id: string }>("POST", `${base(orgId)}/alerts/${alertId}/acknowledge`, { preModerate }),
  settings: (orgId: string) => call<{ settings: ModerationSettings }>("GET", `${base(orgId)}/settings`),
  saveSettings: (orgId: string, settings: ModerationSettings) =>
    call<{ settings: ModerationSettings }>("PUT", `${base(orgId)}/settings`, settings),
  report: (orgId: string, messageId: string, reason: string) =>
    call<{ id: string }>("POST", `${base(orgId)}/reports`, { messageId, reason }),
};
