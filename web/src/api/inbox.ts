// The admin app's calls for the inbox: conversations (list, one, assign, status, replies, notes,
// presence), live events, templates, rules, coverage plan, workload and notifications.
import { call } from "./client";

export type Intent = "question" | "complaint" | "praise" | "fact_claim" | "other";
export type ConversationStatus = "new" | "open" | "waiting_for_citizen" | "answered" | "closed";

export interface ConversationSummary {
  id: string;
  channelAccountId: string;
  channelName: string;
  network: string;
  threadKey: string;
  citizenHandle: string;
  citizenName: string;
  status: ConversationStatus;
  departmentId: string | null;
  departmentName: string | null;
  assigneeUserId: string | null;
  assigneeName?: string | null;
  intent: Intent;
  sentiment: number;
  flagged: boolean;
  askedAgain: boolean;
  priority: number;
  overdue: boolean;
  dueSoon: boolean;
  escalationLevel: number;
  resolutionDueAt: string | null;
  waitingSince: string | null;
  responseDueAt: string | null;
  firstMessageAt: string;
  lastMessageAt: string;
  firstResponseAt: string | null;
  firstResponseBusinessMs: number | null;
  preview?: string;
}

export interface ConversationDetail {
  conversation: ConversationSummary & { remainingBusinessMs: number | null };
  messages: {
    id: string;
    externalId: string;
    kind: string;
    authorName: string;
    text: string;
    visibility: string;
    intent: Intent;
    sentiment: number;
    flagged: boolean;
    analysis: { reasons?: string[] } | null;
    receivedAt: string;
    /** Set when the citizen changed the text on the network; the earlier versions, oldest first. */
    editedAt: string | null;
    earlierVersions: { text: string; replacedAt: string }[];
    /** The message on its network, where it has an address there. */
    url: string | null;
  }[];
  replies: {
    id: string;
    text: string;
    status: "in_review" | "returned" | "queued" | "sending" | "sent" | "failed";
    error: string | null;
    automatic: boolean;
    authorName: string | null;
    authorUserId: string | null;
    reviewComment: string | null;
    createdAt: string;
    sentAt: string | null;
  }[];
  notes: { id: string; text: string; authorName: string | null; createdAt: string }[];
  history: { id: string; status: ConversationStatus; lastMessageAt: string; intent: Intent }[];
}

export interface ConversationFilter {
  status?: string;
  channelAccountId?: string;
  departmentId?: string;
  assignee?: string;
  intent?: string;
  overdue?: string;
  sentiment?: string;
  flagged?: string;
  askedAgain?: string;
  offset?: number;
}

export interface ReplyTemplate {
  id: string;
  title: string;
  body: string;
  departmentId: string | null;
  tags: string[];
}

export interface InboxRules {
  routing: {
    name: string;
    channelAccountId: string | null;
    keywords: string[];
    intent: Intent | null;
    departmentId: string | null;
    assigneeUserId: string | null;
  }[];
  targets: {
    channelAccountId: string | null;
    intent: Intent | null;
    firstResponseMinutes: number;
    resolutionMinutes: number | null;
  }[];
  defaultTarget: { firstResponseMinutes: number; resolutionMinutes: number | null };
  settings: {
    autoAcknowledge: boolean;
    acknowledgeOnNetworks: boolean;
    idleWarningDays: number;
    repeatWindowDays: number;
    replyApproval: "none" | "keywords" | "all";
    replyApprovalKeywords: string[];
  };
}

export interface CoveragePlan {
  plan: {
    channelAccountId: string;
    userId: string;
    userName?: string;
    role: "responsible" | "deputy";
    window: { days: number[]; from: string; to: string; timeZone?: string } | null;
  }[];
  absences: { id: string; userId: string; userName: string; startsOn: string; endsOn: string; note: string }[];
}

export interface Workload {
  people: {
    userId: string | null;
    name: string | null;
    active: number;
    overdue: number;
    questions: number;
    oldestWaitingSince: string | null;
  }[];
  departments: {
    departmentId: string | null;
    name: string | null;
    active: number;
    overdue: number;
    questions: number;
    oldestWaitingSince: string | null;
  }[];
  idleWarningDays: number;
  channels: {
    channelAccountId: string;
    name: string;
    idle: "posts" | "answers" | null;
    lastPostAt: string | null;
    lastAnswerAt: string | null;
  }[];
}

export interface InboxNotification {
  id: string;
  kind:
    | "mention"
    | "assigned"
    | "due_soon"
    | "reminder"
    | "escalation"
    | "idle_channel"
    | "threat"
    | "shitstorm"
    | "moderation_escalation"
    | "channel_health";
  conversationId: string | null;
  citizenName: string | null;
  actorLabel: string;
  createdAt: string;
}

const base = (orgId: string) => `/api/orgs/${encodeURIComponent(orgId)}/inbox`;

function query(filter: ConversationFilter): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter))
    if (value !== undefined && value !== "") params.set(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : "";
}

export const inboxApi = {
  list: (orgId: string, filter: ConversationFilter) =>
    call<{ conversations: ConversationSummary[]; hasMore: boolean; now: string }>(
      "GET",
      `${base(orgId)}/conversations${query(filter)}`,
    ),
  get: (orgId: string, id: string) => call<ConversationDetail>("GET", `${base(orgId)}/conversations/${id}`),
  assign: (
    orgId: string,
    input: { conversationIds: string[]; departmentId?: string | null; assigneeUserId?: string | null },
  ) => call<{ changed: number }>("POST", `${base(orgId)}/assignments`, input),
  status: (orgId: string, conversationIds: string[], event: "closed" | "reopened" | "staff_viewed") =>
    call<{ changed: number }>("POST", `${base(orgId)}/status`, { conversationIds, event }),
  reply: (orgId: string, id: string, input: { text: string; templateId: string | null }) =>
    call<{ id: string; status: string }>("POST", `${base(orgId)}/conversations/${id}/replies`, input),
  retry: (orgId: string, id: string, replyId: string) =>
    call<{ status: string }>("POST", `${base(orgId)}/conversations/${id}/replies/${replyId}/retry`),
  decide: (
    orgId: string,
    id: string,
    replyId: string,
    input: { decision: "approved" } | { decision: "returned"; comment: string },
  ) => call<{ status: string }>("POST", `${base(orgId)}/conversations/${id}/replies/${replyId}/decision`, input),
  note: (orgId: string, id: string, input: { text: string; mentionedUserIds: string[] }) =>
    call<{ id: string }>("POST", `${base(orgId)}/conversations/${id}/notes`, input),
  presence: (orgId: string, id: string, state: "viewing" | "replying" | "left") =>
    call<{ ok: true }>("POST", `${base(orgId)}/conversations/${id}/presence`, { state }),
  fillTemplate: (orgId: string, id: string, templateId: string) =>
    call<{ text: string; templateId: string }>("GET", `${base(orgId)}/conversations/${id}/templates/${templateId}`),
  templates: (orgId: string) =>
    call<{ templates: ReplyTemplate[]; placeholders: string[] }>("GET", `${base(orgId)}/templates`),
  saveTemplate: (orgId: string, id: string | null, input: Omit<ReplyTemplate, "id">) =>
    id
      ? call<{ id: string }>("PUT", `${base(orgId)}/templates/${id}`, input)
      : call<{ id: string }>("POST", `${base(orgId)}/templates`, input),
  archiveTemplate: (orgId: string, id: string) => call<{ id: string }>("DELETE", `${base(orgId)}/templates/${id}`),
  rules: (orgId: string) => call<InboxRules>("GET", `${base(orgId)}/rules`),
  saveRules: (orgId: string, rules: Omit<InboxRules, "defaultTarget">) =>
    call<InboxRules>("PUT", `${base(orgId)}/rules`, rules),
  coverage: (orgId: string) => call<CoveragePlan>("GET", `${base(orgId)}/coverage`),
  saveCoverage: (orgId: string, plan: CoveragePlan["plan"]) =>
    call<CoveragePlan>("PUT", `${base(orgId)}/coverage`, { plan }),
  addAbsence: (orgId: string, input: { userId: string; startsOn: string; endsOn: string; note: string }) =>
    call<{ id: string }>("POST", `${base(orgId)}/absences`, input),
  removeAbsence: (orgId: string, id: string) => call<{ id: string }>("DELETE", `${base(orgId)}/absences/${id}`),
  colleagues: (orgId: string) =>
    call<{ colleagues: { userId: string; name: string; canReply: boolean }[] }>("GET", `${base(orgId)}/colleagues`),
  workload: (orgId: string) => call<Workload>("GET", `${base(orgId)}/workload`),
  notifications: (orgId: string) => call<{ notifications: InboxNotification[] }>("GET", `${base(orgId)}/notifications`),
  markRead: (orgId: string, ids: string[]) =>
    call<{ read: number }>("POST", `${base(orgId)}/notifications/read`, { ids }),
  eventsUrl: (orgId: string) => `${base(orgId)}/events`,
};
