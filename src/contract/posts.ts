// Contract of publishing: posts (composer, check, submission, approval, rescheduling, retraction), the
// calendar with public holidays, campaigns and the media library.
import { z } from "zod";
import { POST_STATUSES } from "../domain/postWorkflow.js";
import { ZDay, ZId, ZTimestamp, ZOrgParams } from "./common.js";
import {
  ZCampaign,
  ZCampaignBoard,
  ZCampaignInput,
  ZCheckResult,
  ZDecision,
  ZMediaAsset,
  ZMediaDetails,
  ZPost,
  ZPostContent,
  ZPostListParams,
  ZPostSummary,
  ZPostView,
  ZReschedule,
  ZRetraction,
  ZRevision,
  ZSavePost,
  ZUploadQuery,
} from "./postSchemas.js";
import type { ContractGroup } from "./route.js";

const ZPostParams = ZOrgParams.extend({ postId: z.uuid() });
const ZCampaignParams = ZOrgParams.extend({ campaignId: z.uuid() });
const ZMediaParams = ZOrgParams.extend({ mediaId: z.uuid() });
const ZYear = z.coerce.number().int().min(2000).max(2100);
const ZPostList = z.object({ posts: z.array(ZPostSummary) });
const ZStatusOnly = z.object({ status: z.enum(POST_STATUSES) });
const tag = "Posts";

/** Every format the media library takes (the server decides the type by the bytes, not by this). */
export const MEDIA_UPLOAD_TYPES = [
  "application/octet-stream",
  "image/jpeg",
  "image/png",
  "image/webp",
  "image/gif",
  "video/mp4",
  "video/webm",
] as const;

export const postsContract = {
  "GET /api/orgs/:orgId/posts": {
    tag,
    summary: "Posts the caller may see, filtered",
    params: ZOrgParams,
    query: ZPostListParams,
    responses: { 200: ZPostList },
  },
  "GET /api/orgs/:orgId/calendar": {
    tag: "Calendar",
    summary: "Posts in a time range, at their planned (or publication) time",
    params: ZOrgParams,
    query: ZPostListParams,
    responses: { 200: ZPostList },
  },
  "GET /api/orgs/:orgId/holidays": {
    tag: "Calendar",
    summary: "Public holidays of the organisation's Bundesland for the years from–to",
    params: ZOrgParams,
    query: z.object({ from: ZYear, to: ZYear }),
    responses: {
      200: z.object({
        state: z.string(),
        holidays: z.array(z.object({ date: ZDay, name: z.object({ de: z.string(), en: z.string() }) })),
      }),
    },
  },
  "POST /api/orgs/:orgId/posts": {
    tag,
    summary: "Create a draft",
    params: ZOrgParams,
    body: ZPostContent,
    responses: { 201: ZPost },
  },
  "POST /api/orgs/:orgId/posts/check": {
    tag,
    summary: "Check a draft against the guideline in force and the channels' limits (nothing is saved)",
    params: ZOrgParams,
    body: ZPostContent,
    responses: {
      200: ZCheckResult.extend({ guideline: z.object({ id: ZId, version: z.number().int() }).nullable() }),
    },
  },
  "GET /api/orgs/:orgId/posts/:postId": {
    tag,
    summary: "One post with its channels, live check, approvals, publications and what the caller may do",
    params: ZPostParams,
    responses: { 200: ZPostView },
  },
  "PUT /api/orgs/:orgId/posts/:postId": {
    tag,
    summary: "Save a draft (names the revision it started from; EDIT_CONFLICT otherwise)",
    params: ZPostParams,
    body: ZSavePost,
    responses: { 200: ZPost },
  },
  "POST /api/orgs/:orgId/posts/:postId/submit": {
    tag,
    summary: "Submit for approval, or schedule where no approval is needed",
    params: ZPostParams,
    body: ZRevision,
    responses: { 200: ZPost },
  },
  "POST /api/orgs/:orgId/posts/:postId/decision": {
    tag,
    summary: "Approve, request changes or reject (Freigabe)",
    params: ZPostParams,
    body: ZDecision,
    responses: { 200: ZStatusOnly.extend({ step: z.number().int() }) },
  },
  "POST /api/orgs/:orgId/posts/:postId/withdraw": {
    tag,
    summary: "Withdraw a post from review or schedule back to draft",
    params: ZPostParams,
    responses: { 200: ZPost },
  },
  "POST /api/orgs/:orgId/posts/:postId/reschedule": {
    tag,
    summary: "Move a scheduled post to another time",
    params: ZPostParams,
    body: ZReschedule,
    responses: { 200: ZPost },
  },
  "POST /api/orgs/:orgId/posts/:postId/retract": {
    tag,
    summary: "Delete a published post from its channels (with a reason)",
    params: ZPostParams,
    body: ZRetraction,
    responses: {
      200: z.object({
        id: ZId,
        retractedAt: ZTimestamp,
        outcomes: z.array(z.object({ channelAccountId: ZId, outcome: z.string() })),
      }),
    },
  },
  "POST /api/orgs/:orgId/posts/:postId/retry": {
    tag,
    summary: "Send a failed post again",
    params: ZPostParams,
    responses: { 200: ZStatusOnly.extend({ publications: z.number().int() }) },
  },
  "GET /api/orgs/:orgId/campaigns": {
    tag: "Campaigns",
    summary: "Campaigns",
    params: ZOrgParams,
    responses: { 200: z.object({ campaigns: z.array(ZCampaign) }) },
  },
  "POST /api/orgs/:orgId/campaigns": {
    tag: "Campaigns",
    summary: "Create a campaign",
    params: ZOrgParams,
    body: ZCampaignInput,
    responses: { 201: ZCampaign },
  },
  "PUT /api/orgs/:orgId/campaigns/:campaignId": {
    tag: "Campaigns",
    summary: "Change a campaign",
    params: ZCampaignParams,
    body: ZCampaignInput,
    responses: { 200: ZCampaign },
  },
  "GET /api/orgs/:orgId/campaigns/:campaignId/board": {
    tag: "Campaigns",
    summary: "The campaign's live board",
    params: ZCampaignParams,
    responses: { 200: ZCampaignBoard },
  },
  "POST /api/orgs/:orgId/media": {
    tag: "Media",
    summary: "Upload a file (the raw bytes as the body; its details in the query)",
    params: ZOrgParams,
    query: ZUploadQuery,
    rawBody: MEDIA_UPLOAD_TYPES,
    responses: { 201: ZMediaAsset },
  },
  "GET /api/orgs/:orgId/media": {
    tag: "Media",
    summary: "The media library (without the bytes)",
    params: ZOrgParams,
    responses: { 200: z.object({ media: z.array(ZMediaAsset) }) },
  },
  "PATCH /api/orgs/:orgId/media/:mediaId": {
    tag: "Media",
    summary: "Change a file's alternative text, captions, rights and consent",
    params: ZMediaParams,
    body: ZMediaDetails,
    responses: { 200: ZMediaAsset },
  },
  "GET /api/orgs/:orgId/media/:mediaId/content": {
    tag: "Media",
    summary: "The file",
    params: ZMediaParams,
    responses: { 200: { raw: "file", description: "The file as uploaded.", contentTypes: ["image/*", "video/*"] } },
  },
  "GET /api/orgs/:orgId/media/:mediaId/thumbnail": {
    tag: "Media",
    summary: "Its thumbnail (WebP)",
    params: ZMediaParams,
    responses: { 200: { raw: "file", description: "A WebP thumbnail.", contentTypes: ["image/webp"] } },
  },
  "GET /api/media/signed/:mediaId": {
    tag: "Media",
    summary: "A medium by its signed address (for a network that fetches it, e.g. Instagram)",
    description:
      "No session: the address is the permission — HMAC-SHA256 over the medium and its expiry (Unix seconds) under " +
      "a key of the installation, valid for at most a day. A forged or altered address: 403 NOT_ALLOWED; an " +
      "expired one, or a medium deleted since: 410 MEDIA_ADDRESS_EXPIRED.",
    params: z.object({ mediaId: z.uuid() }),
    query: z.object({
      exp: z.coerce.number().int().positive().max(99_999_999_999),
      sig: z.string().regex(/^[A-Za-z0-9_-]{1,100}$/),
    }),
    responses: { 200: { raw: "file", description: "The file as uploaded.", contentTypes: ["image/*", "video/*"] } },
  },
} as const satisfies ContractGroup;
