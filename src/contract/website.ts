// Contract of the website channel, the administration's side: citizen comments, answers, decisions, the
// public-page settings and the Netiquette. The citizens' own API is in citizens.ts.
import { z } from "zod";
import { COMMENT_STATUSES } from "../domain/website/commentStatus.js";
import { ZNetiquetteClause, ZNetiquetteDraft } from "../domain/website/netiquette.js";
import { ZWebsiteSettings } from "../domain/website/publicSettings.js";
import { ZId, ZIdOnly, ZOrgParams, ZTimestamp } from "./common.js";
import { ZTrailStep } from "./moderation.js";
import type { ContractGroup } from "./route.js";

// ---- Requests ----

export const ZCommentFilter = z.object({
  status: z.enum(COMMENT_STATUSES).optional(),
  entryId: z.uuid().optional(),
  /** The createdAt|id of the last row seen, for the next page. */
  before: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export const ZAnswer = z.object({ text: z.string().trim().min(1).max(5000) });
export const ZCommentDecision = z.discriminatedUnion("decision", [
  z.object({ decision: z.literal("release"), reason: z.string().trim().max(1000).default("") }),
  z.object({
    decision: z.literal("hide"),
    clause: z.number().int().min(1).max(99),
    reason: z.string().trim().min(1).max(1000),
  }),
]);

// ---- Answers ----

export const ZWebsiteComment = z
  .object({
    id: ZId,
    entryId: ZId,
    entryExcerpt: z.string(),
    channelAccountId: ZId,
    channelName: z.string(),
    parentId: ZId.nullable(),
    parentAuthor: z.string().nullable(),
    displayName: z.string(),
    text: z.string(),
    status: z.enum(COMMENT_STATUSES),
    moderation: z.array(ZTrailStep),
    answered: z.boolean(),
    emailConfirmed: z.boolean(),
    createdAt: ZTimestamp,
  })
  .meta({ id: "WebsiteComment" });

export const ZNetiquette = z
  .object({
    id: ZId,
    version: z.number().int(),
    title: z.string(),
    intro: z.string(),
    clauses: z.array(ZNetiquetteClause),
    publishedAt: ZTimestamp.nullable(),
  })
  .meta({ id: "Netiquette" });

/** The settings as stored (an answer carries no one-way transform: the origins are already normalised). */
export const ZWebsiteSettingsView = ZWebsiteSettings.extend({ embedOrigins: z.array(z.string()) }).meta({
  id: "WebsiteSettings",
});

const ZCommentParams = ZOrgParams.extend({ commentId: z.uuid() });
const tag = "Website";

export const websiteContract = {
  "GET /api/orgs/:orgId/website/comments": {
    tag,
    summary: "Citizen comments on the website, newest first (paged with `before`)",
    params: ZOrgParams,
    query: ZCommentFilter,
    responses: { 200: z.object({ comments: z.array(ZWebsiteComment), next: z.string().nullable() }) },
  },
  "POST /api/orgs/:orgId/website/comments/:commentId/answer": {
    tag,
    summary: "Answer a comment publicly (as the administration)",
    params: ZCommentParams,
    body: ZAnswer,
    responses: { 201: ZIdOnly },
  },
  "POST /api/orgs/:orgId/website/comments/:commentId/decision": {
    tag,
    summary: "Release a held comment or hide one citing a Netiquette clause",
    params: ZCommentParams,
    body: ZCommentDecision,
    responses: { 200: z.object({ id: ZId, status: z.enum(["visible", "hidden"]) }) },
  },
  "GET /api/orgs/:orgId/website/settings": {
    tag,
    summary: "Public-page settings and the Netiquette versions",
    params: ZOrgParams,
    responses: { 200: z.object({ settings: ZWebsiteSettingsView, netiquettes: z.array(ZNetiquette) }) },
  },
  "PUT /api/orgs/:orgId/website/settings": {
    tag,
    summary: "Replace the public-page settings",
    params: ZOrgParams,
    body: ZWebsiteSettings,
    responses: { 200: z.object({ settings: ZWebsiteSettingsView }) },
  },
  "POST /api/orgs/:orgId/netiquettes": {
    tag,
    summary: "Publish a new Netiquette version (it is in force at once)",
    params: ZOrgParams,
    body: ZNetiquetteDraft,
    responses: { 201: z.object({ id: ZId, version: z.number().int() }) },
  },
} as const satisfies ContractGroup;
