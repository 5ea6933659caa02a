// The admin app's calls for the inbox: conversations (list, one, assign, status, replies, notes,
// presence), live events, templates, rules, coverage plan, workload and notifications. Shapes come
// from the server's contract.
import type {
  ZConversationDetail,
  ZConversationListItem,
  ZCoverageView,
  ZInboxEvent,
  ZInboxRulesView,
  ZMessageTemplate,
  ZNotification,
  ZReplyTemplateView,
  ZWorkload,
} from "@contract/inboxSchemas";
import type { Wire } from "@contract/route";
import { type Answer, type Body, type Input, call, urlOf } from "./client";

export type ConversationSummary = Wire<typeof ZConversationListItem>;
export type Intent = ConversationSummary["intent"];
export type ConversationStatus = ConversationSummary["status"];
export type ConversationDetail = Wire<typeof ZConversationDetail>;
type ListQuery = NonNullable<Input<"GET /api/orgs/:orgId/inbox/conversations">["query"]>;
/** The list's filters as the address holds them: the contract's names with text values (the server checks them). */
export type ConversationFilter = { [K in Exclude<keyof ListQuery, "offset" | "limit">]?: string } & { offset?: number };
export type ReplyTemplate = Wire<typeof ZReplyTemplateView>;
export type MessageTemplate = Wire<typeof ZMessageTemplate>;
export type InboxRules = Wire<typeof ZInboxRulesView>;
export type CoveragePlan = Wire<typeof ZCoverageView>;
export type Workload = Wire<typeof ZWorkload>;
export type InboxNotification = Wire<typeof ZNotification>;
export type Colleague = Answer<"GET /api/orgs/:orgId/inbox/colleagues">["colleagues"][number];
/** What the live stream sends (the server-sent events' data). */
export type InboxEvent = Wire<typeof ZInboxEvent>;

interface Options {
  signal?: AbortSignal;
}

export const inboxApi = {
  attachmentUrl: (orgId: string, conversationId: string, attachmentId: string) =>
    urlOf("GET /api/orgs/:orgId/inbox/conversations/:conversationId/attachments/:attachmentId", {
      params: { orgId, conversationId, attachmentId },
    }),
  list: (orgId: string, filter: ConversationFilter, options?: Options) =>
    call("GET /api/orgs/:orgId/inbox/conversations", { params: { orgId }, query: filter }, options),
  get: (orgId: string, conversationId: string, options?: Options) =>
    call("GET /api/orgs/:orgId/inbox/conversations/:conversationId", { params: { orgId, conversationId } }, options),
  assign: (orgId: string, input: Body<"POST /api/orgs/:orgId/inbox/assignments">) =>
    call("POST /api/orgs/:orgId/inbox/assignments", { params: { orgId }, body: input }),
  status: (orgId: string, conversationIds: string[], event: "closed" | "reopened" | "staff_viewed") =>
    call("POST /api/orgs/:orgId/inbox/status", { params: { orgId }, body: { conversationIds, event } }),
  messageTemplates: (orgId: string, conversationId: string, options?: Options) =>
    call(
      "GET /api/orgs/:orgId/inbox/conversations/:conversationId/message-templates",
      { params: { orgId, conversationId } },
      options,
    ),
  reply: (
    orgId: string,
    conversationId: string,
    input: Body<"POST /api/orgs/:orgId/inbox/conversations/:conversationId/replies">,
  ) =>
    call("POST /api/orgs/:orgId/inbox/conversations/:conversationId/replies", {
      params: { orgId, conversationId },
      body: input,
    }),
  retry: (orgId: string, conversationId: string, replyId: string) =>
    call("POST /api/orgs/:orgId/inbox/conversations/:conversationId/replies/:replyId/retry", {
      params: { orgId, conversationId, replyId },
    }),
  decide: (
    orgId: string,
    conversationId: string,
    replyId: string,
    input: Body<"POST /api/orgs/:orgId/inbox/conversations/:conversationId/replies/:replyId/decision">,
  ) =>
    call("POST /api/orgs/:orgId/inbox/conversations/:conversationId/replies/:replyId/decision", {
      params: { orgId, conversationId, replyId },
      body: input,
    }),
  note: (orgId: string, conversationId: string, input: { text: string; mentionedUserIds: string[] }) =>
    call("POST /api/orgs/:orgId/inbox/conversations/:conversationId/notes", {
      params: { orgId, conversationId },
      body: input,
    }),
  presence: (orgId: string, conversationId: string, state: "viewing" | "replying" | "left") =>
    call("POST /api/orgs/:orgId/inbox/conversations/:conversationId/presence", {
      params: { orgId, conversationId },
      body: { state },
    }),
  fillTemplate: (orgId: string, conversationId: string, templateId: string, options?: Options) =>
    call(
      "GET /api/orgs/:orgId/inbox/conversations/:conversationId/templates/:templateId",
      { params: { orgId, conversationId, templateId } },
      options,
    ),
  templates: (orgId: string, options?: Options) =>
    call("GET /api/orgs/:orgId/inbox/templates", { params: { orgId } }, options),
  saveTemplate: (orgId: string, templateId: string | null, input: Body<"POST /api/orgs/:orgId/inbox/templates">) =>
    templateId
      ? call("PUT /api/orgs/:orgId/inbox/templates/:templateId", { params: { orgId, templateId }, body: input })
      : call("POST /api/orgs/:orgId/inbox/templates", { params: { orgId }, body: input }),
  archiveTemplate: (orgId: string, templateId: string) =>
    call("DELETE /api/orgs/:orgId/inbox/templates/:templateId", { params: { orgId, templateId } }),
  rules: (orgId: string, options?: Options) => call("GET /api/orgs/:orgId/inbox/rules", { params: { orgId } }, options),
  saveRules: (orgId: string, rules: Body<"PUT /api/orgs/:orgId/inbox/rules">) =>
    call("PUT /api/orgs/:orgId/inbox/rules", { params: { orgId }, body: rules }),
  coverage: (orgId: string, options?: Options) =>
    call("GET /api/orgs/:orgId/inbox/coverage", { params: { orgId } }, options),
  saveCoverage: (orgId: string, plan: Body<"PUT /api/orgs/:orgId/inbox/coverage">["plan"]) =>
    call("PUT /api/orgs/:orgId/inbox/coverage", { params: { orgId }, body: { plan } }),
  addAbsence: (orgId: string, input: Body<"POST /api/orgs/:orgId/inbox/absences">) =>
    call("POST /api/orgs/:orgId/inbox/absences", { params: { orgId }, body: input }),
  removeAbsence: (orgId: string, absenceId: string) =>
    call("DELETE /api/orgs/:orgId/inbox/absences/:absenceId", { params: { orgId, absenceId } }),
  colleagues: (orgId: string, options?: Options) =>
    call("GET /api/orgs/:orgId/inbox/colleagues", { params: { orgId } }, options),
  workload: (orgId: string, options?: Options) =>
    call("GET /api/orgs/:orgId/inbox/workload", { params: { orgId } }, options),
  notifications: (orgId: string, options?: Options) =>
    call("GET /api/orgs/:orgId/inbox/notifications", { params: { orgId } }, options),
  markRead: (orgId: string, ids: string[]) =>
    call("POST /api/orgs/:orgId/inbox/notifications/read", { params: { orgId }, body: { ids } }),
  eventsUrl: (orgId: string) => urlOf("GET /api/orgs/:orgId/inbox/events", { params: { orgId } }),
};
