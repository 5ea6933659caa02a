// API calls for publishing: channel accounts, guidelines, posts, the calendar, campaigns and media.
// Shapes come from the server's contract.
import type { ZChannelAccount, ZGuideline } from "@contract/channels";
import type {
  ZCampaign,
  ZCampaignBoard,
  ZCheckResult,
  ZFinding,
  ZMediaAsset,
  ZPost,
  ZPostContent,
  ZPostSummary,
  ZPostView,
} from "@contract/postSchemas";
import type { Wire } from "@contract/route";
import { type Answer, type Body, call, upload, urlOf } from "./client";

export type MediaAsset = Wire<typeof ZMediaAsset>;
export type ChannelAccount = Wire<typeof ZChannelAccount>;
/** The list carries every detail of an account (posting windows, limits, settings). */
export type ChannelAccountDetails = ChannelAccount;
export type Finding = Wire<typeof ZFinding>;
/** A check's result; the live check of a draft also names the guideline it checked against. */
export type CheckResult = Wire<typeof ZCheckResult> & {
  guideline?: Answer<"POST /api/orgs/:orgId/posts/check">["guideline"];
};
export type Guideline = Wire<typeof ZGuideline>;
export type GuidelineList = Answer<"GET /api/orgs/:orgId/guidelines">;
/** The composer's draft: everything a post says (the accountable person is set on the server). */
export type PostInput = Omit<Wire<typeof ZPostContent>, "accountableUserId">;
export type ReplyPolicy = PostInput["replyPolicy"];
export type PollInput = NonNullable<PostInput["poll"]>;
export type Campaign = Wire<typeof ZCampaign>;
export type CampaignInput = Body<"POST /api/orgs/:orgId/campaigns">;
export type CampaignBoard = Wire<typeof ZCampaignBoard>;
export type PostSummary = Wire<typeof ZPostSummary>;
export type PostRecord = Wire<typeof ZPost>;
export type PostView = Wire<typeof ZPostView>;

interface Options {
  signal?: AbortSignal;
}
type PostParams = { orgId: string; postId: string };
const params = (orgId: string) => ({ params: { orgId } });
const post = (orgId: string, postId: string): { params: PostParams } => ({ params: { orgId, postId } });

export const publishingApi = {
  channels: (orgId: string, options?: Options) => call("GET /api/orgs/:orgId/channels", params(orgId), options),
  createChannel: (orgId: string, input: Body<"POST /api/orgs/:orgId/channels">) =>
    call("POST /api/orgs/:orgId/channels", { ...params(orgId), body: input }),
  updateChannel: (
    orgId: string,
    channelAccountId: string,
    input: Body<"PATCH /api/orgs/:orgId/channels/:channelAccountId">,
  ) => call("PATCH /api/orgs/:orgId/channels/:channelAccountId", { params: { orgId, channelAccountId }, body: input }),
  guidelines: (orgId: string, options?: Options) => call("GET /api/orgs/:orgId/guidelines", params(orgId), options),
  createGuideline: (orgId: string, input: Body<"POST /api/orgs/:orgId/guidelines">) =>
    call("POST /api/orgs/:orgId/guidelines", { ...params(orgId), body: input }),
  activateGuideline: (orgId: string, guidelineId: string) =>
    call("POST /api/orgs/:orgId/guidelines/:guidelineId/activate", { params: { orgId, guidelineId } }),
  acknowledge: (orgId: string, guidelineId: string) =>
    call("POST /api/orgs/:orgId/guidelines/:guidelineId/acknowledge", { params: { orgId, guidelineId } }),
  posts: (orgId: string, status?: string, options?: Options) =>
    call("GET /api/orgs/:orgId/posts", { ...params(orgId), query: { status } }, options),
  calendar: (
    orgId: string,
    from: string,
    to: string,
    filters: { departmentId?: string; channelAccountId?: string; campaignId?: string } = {},
    options?: Options,
  ) =>
    call(
      "GET /api/orgs/:orgId/calendar",
      {
        ...params(orgId),
        query: {
          from,
          to,
          departmentId: filters.departmentId || undefined,
          channelAccountId: filters.channelAccountId || undefined,
          campaignId: filters.campaignId || undefined,
        },
      },
      options,
    ),
  holidays: (orgId: string, from: number, to: number, options?: Options) =>
    call("GET /api/orgs/:orgId/holidays", { ...params(orgId), query: { from, to } }, options),
  post: (orgId: string, postId: string, options?: Options) =>
    call("GET /api/orgs/:orgId/posts/:postId", post(orgId, postId), options),
  check: (orgId: string, input: PostInput, options?: Options) =>
    call("POST /api/orgs/:orgId/posts/check", { ...params(orgId), body: input }, options),
  create: (orgId: string, input: PostInput) => call("POST /api/orgs/:orgId/posts", { ...params(orgId), body: input }),
  save: (orgId: string, postId: string, input: PostInput & { revision: number }) =>
    call("PUT /api/orgs/:orgId/posts/:postId", { ...post(orgId, postId), body: input }),
  submit: (orgId: string, postId: string, revision: number) =>
    call("POST /api/orgs/:orgId/posts/:postId/submit", { ...post(orgId, postId), body: { revision } }),
  decide: (orgId: string, postId: string, input: Body<"POST /api/orgs/:orgId/posts/:postId/decision">) =>
    call("POST /api/orgs/:orgId/posts/:postId/decision", { ...post(orgId, postId), body: input }),
  withdraw: (orgId: string, postId: string) =>
    call("POST /api/orgs/:orgId/posts/:postId/withdraw", post(orgId, postId)),
  retry: (orgId: string, postId: string) => call("POST /api/orgs/:orgId/posts/:postId/retry", post(orgId, postId)),
  retract: (orgId: string, postId: string, reason: string) =>
    call("POST /api/orgs/:orgId/posts/:postId/retract", { ...post(orgId, postId), body: { reason } }),
  media: (orgId: string, options?: Options) => call("GET /api/orgs/:orgId/media", params(orgId), options),
  uploadMedia: (
    orgId: string,
    file: File,
    details: { altText?: string; rightsHolder?: string; consent?: string; departmentId?: string },
  ) =>
    upload(
      "POST /api/orgs/:orgId/media",
      {
        ...params(orgId),
        query: {
          name: file.name,
          altText: details.altText || undefined,
          rightsHolder: details.rightsHolder || undefined,
          consent: toConsent(details.consent),
          departmentId: details.departmentId || undefined,
        },
      },
      file,
    ),
  updateMedia: (orgId: string, mediaId: string, input: Body<"PATCH /api/orgs/:orgId/media/:mediaId">) =>
    call("PATCH /api/orgs/:orgId/media/:mediaId", { params: { orgId, mediaId }, body: input }),
  contentUrl: (orgId: string, mediaId: string) =>
    urlOf("GET /api/orgs/:orgId/media/:mediaId/content", { params: { orgId, mediaId } }),
  thumbnailUrl: (orgId: string, mediaId: string) =>
    urlOf("GET /api/orgs/:orgId/media/:mediaId/thumbnail", { params: { orgId, mediaId } }),
  campaigns: (orgId: string, options?: Options) => call("GET /api/orgs/:orgId/campaigns", params(orgId), options),
  createCampaign: (orgId: string, input: CampaignInput) =>
    call("POST /api/orgs/:orgId/campaigns", { ...params(orgId), body: input }),
  campaignBoard: (orgId: string, campaignId: string, options?: Options) =>
    call("GET /api/orgs/:orgId/campaigns/:campaignId/board", { params: { orgId, campaignId } }, options),
  reschedule: (orgId: string, postId: string, scheduledAt: string) =>
    call("POST /api/orgs/:orgId/posts/:postId/reschedule", { ...post(orgId, postId), body: { scheduledAt } }),
};

const CONSENTS = ["not_needed", "obtained", "missing"] as const;
function toConsent(value: string | undefined): (typeof CONSENTS)[number] | undefined {
  return CONSENTS.find((c) => c === value);
}
