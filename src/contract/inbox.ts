// Contract of the inbox (Posteingang): conversations, replies and their approval, notes, presence, live
// events, reply templates, rules, coverage plan and absences, workload and notifications.
import { z } from "zod";
import { ZAbsence } from "../domain/coverage.js";
import { ZReplyTemplate } from "../domain/replyTemplates.js";
import { ZId, ZIdOnly, ZOrgParams } from "./common.js";
import {
  ZAssignment,
  ZConversationDetail,
  ZConversationFilter,
  ZConversationListItem,
  ZCoverageUpdate,
  ZCoverageView,
  ZInboxRules,
  ZInboxRulesView,
  ZMarkRead,
  ZNote,
  ZNotification,
  ZPresence,
  ZMessageTemplates,
  ZReply,
  ZReplyDecision,
  ZReplyOutcome,
  ZStatusChange,
  ZStreamQuery,
  ZTemplateList,
  ZWorkload,
} from "./inboxSchemas.js";
import type { ContractGroup } from "./route.js";

const ZConversationParams = ZOrgParams.extend({ conversationId: z.uuid() });
const ZReplyParams = ZConversationParams.extend({ replyId: z.uuid() });
const ZAttachmentParams = ZConversationParams.extend({ attachmentId: z.uuid() });
const ZTemplateParams = ZOrgParams.extend({ templateId: z.uuid() });
const ZChanged = z.object({ changed: z.number().int() });
const tag = "Inbox";

export const inboxContract = {
  "GET /api/orgs/:orgId/inbox/conversations": {
    tag,
    summary: "Conversations (Vorgänge), most pressing first, filtered",
    params: ZOrgParams,
    query: ZConversationFilter,
    responses: {
      200: z.object({
        conversations: z.array(ZConversationListItem),
        hasMore: z.boolean(),
        /** The server's clock (due times are the server's). */
        now: z.iso.datetime({ offset: true }),
      }),
    },
  },
  "GET /api/orgs/:orgId/inbox/conversations/:conversationId": {
    tag,
    summary: "One conversation with its messages, replies, notes and the citizen's history",
    params: ZConversationParams,
    responses: { 200: ZConversationDetail },
  },
  "GET /api/orgs/:orgId/inbox/conversations/:conversationId/attachments/:attachmentId": {
    tag,
    summary: "A file a citizen sent in the conversation, as a download",
    params: ZAttachmentParams,
    responses: {
      200: {
        raw: "file",
        description: "The file as it arrived, always as a download (never shown inline).",
        contentTypes: ["application/octet-stream", "application/pdf", "image/*"],
      },
    },
  },
  "POST /api/orgs/:orgId/inbox/assignments": {
    tag,
    summary: "Assign conversations to a department and/or a person",
    params: ZOrgParams,
    body: ZAssignment,
    responses: { 200: ZChanged },
  },
  "POST /api/orgs/:orgId/inbox/status": {
    tag,
    summary: "Close, reopen or mark conversations as seen",
    params: ZOrgParams,
    body: ZStatusChange,
    responses: { 200: ZChanged },
  },
  "GET /api/orgs/:orgId/inbox/conversations/:conversationId/message-templates": {
    tag,
    summary: "The network's approved message templates for answering outside its free answer window (WhatsApp)",
    params: ZConversationParams,
    responses: { 200: ZMessageTemplates },
  },
  "POST /api/orgs/:orgId/inbox/conversations/:conversationId/replies": {
    tag,
    summary: "Answer the citizen (through Freigabe where the rules require it)",
    params: ZConversationParams,
    body: ZReply,
    responses: { 201: ZReplyOutcome },
  },
  "POST /api/orgs/:orgId/inbox/conversations/:conversationId/replies/:replyId/retry": {
    tag,
    summary: "Send a failed reply again",
    params: ZReplyParams,
    responses: { 200: ZReplyOutcome },
  },
  "POST /api/orgs/:orgId/inbox/conversations/:conversationId/replies/:replyId/decision": {
    tag,
    summary: "Approve or return a reply awaiting Freigabe",
    params: ZReplyParams,
    body: ZReplyDecision,
    responses: { 200: ZReplyOutcome },
  },
  "POST /api/orgs/:orgId/inbox/conversations/:conversationId/notes": {
    tag,
    summary: "Add an internal note (never sent to the citizen); mentions notify colleagues",
    params: ZConversationParams,
    body: ZNote,
    responses: { 201: ZIdOnly },
  },
  "POST /api/orgs/:orgId/inbox/conversations/:conversationId/presence": {
    tag,
    summary: "Announce viewing or replying (shown live to colleagues)",
    params: ZConversationParams,
    body: ZPresence,
    responses: { 200: z.object({ ok: z.boolean() }) },
  },
  "GET /api/orgs/:orgId/inbox/events": {
    tag,
    summary: "Live events (server-sent events): changed conversations and presence",
    params: ZOrgParams,
    query: ZStreamQuery,
    responses: {
      200: {
        raw: "events",
        description:
          "text/event-stream: `ready`, then `conversations` (ids of changed conversations the person may see) and `presence` events.",
        contentTypes: ["text/event-stream"],
      },
    },
  },
  "GET /api/orgs/:orgId/inbox/templates": {
    tag: "Reply templates",
    summary: "Reply templates (Textbausteine) and their placeholders",
    params: ZOrgParams,
    responses: { 200: ZTemplateList },
  },
  "GET /api/orgs/:orgId/inbox/conversations/:conversationId/templates/:templateId": {
    tag: "Reply templates",
    summary: "A template filled in for a conversation",
    params: ZConversationParams.extend({ templateId: z.uuid() }),
    responses: { 200: z.object({ templateId: ZId, text: z.string() }) },
  },
  "POST /api/orgs/:orgId/inbox/templates": {
    tag: "Reply templates",
    summary: "Create a reply template",
    params: ZOrgParams,
    body: ZReplyTemplate,
    responses: { 201: ZIdOnly },
  },
  "PUT /api/orgs/:orgId/inbox/templates/:templateId": {
    tag: "Reply templates",
    summary: "Change a reply template",
    params: ZTemplateParams,
    body: ZReplyTemplate,
    responses: { 200: ZIdOnly },
  },
  "DELETE /api/orgs/:orgId/inbox/templates/:templateId": {
    tag: "Reply templates",
    summary: "Archive a reply template",
    params: ZTemplateParams,
    responses: { 200: ZIdOnly },
  },
  "GET /api/orgs/:orgId/inbox/rules": {
    tag,
    summary: "Routing rules, response-time targets and inbox settings",
    params: ZOrgParams,
    responses: { 200: ZInboxRulesView },
  },
  "PUT /api/orgs/:orgId/inbox/rules": {
    tag,
    summary: "Replace the routing rules, targets and settings",
    params: ZOrgParams,
    body: ZInboxRules,
    responses: { 200: ZInboxRulesView },
  },
  "GET /api/orgs/:orgId/inbox/coverage": {
    tag: "Coverage",
    summary: "Coverage plan (who looks after which channel when) and absences",
    params: ZOrgParams,
    responses: { 200: ZCoverageView },
  },
  "PUT /api/orgs/:orgId/inbox/coverage": {
    tag: "Coverage",
    summary: "Replace the coverage plan",
    params: ZOrgParams,
    body: ZCoverageUpdate,
    responses: { 200: ZCoverageView },
  },
  "POST /api/orgs/:orgId/inbox/absences": {
    tag: "Coverage",
    summary: "Enter an absence (one's own, or anybody's for people who manage members)",
    params: ZOrgParams,
    body: ZAbsence,
    responses: { 201: ZIdOnly },
  },
  "DELETE /api/orgs/:orgId/inbox/absences/:absenceId": {
    tag: "Coverage",
    summary: "Remove an absence",
    params: ZOrgParams.extend({ absenceId: z.uuid() }),
    responses: { 200: ZIdOnly },
  },
  "GET /api/orgs/:orgId/inbox/colleagues": {
    tag,
    summary: "Colleagues one can assign to or mention",
    params: ZOrgParams,
    responses: {
      200: z.object({ colleagues: z.array(z.object({ userId: ZId, name: z.string(), canReply: z.boolean() })) }),
    },
  },
  "GET /api/orgs/:orgId/inbox/workload": {
    tag,
    summary: "Who carries how much, per person, department and channel",
    params: ZOrgParams,
    responses: { 200: ZWorkload },
  },
  "GET /api/orgs/:orgId/inbox/notifications": {
    tag,
    summary: "The caller's unread notifications",
    params: ZOrgParams,
    responses: { 200: z.object({ notifications: z.array(ZNotification) }) },
  },
  "POST /api/orgs/:orgId/inbox/notifications/read": {
    tag,
    summary: "Mark notifications as read",
    params: ZOrgParams,
    body: ZMarkRead,
    responses: { 200: z.object({ read: z.number().int() }) },
  },
} as const satisfies ContractGroup;
