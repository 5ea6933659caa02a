// API calls and answer shapes for publishing: channel accounts, guidelines, posts.
import type { CheckResult as DomainCheckResult } from "../../../src/domain/guidelineChecks";
import { call, upload } from "./client";

export interface MediaAsset {
  id: string;
  /** null: the whole organisation's file. */
  departmentId: string | null;
  kind: "image" | "video";
  mimeType: string;
  fileName: string;
  byteSize: number;
  width: number | null;
  height: number | null;
  altText: string | null;
  hasCaptions: boolean;
  hasTranscript: boolean;
  rightsHolder: string;
  licence: string;
  consent: "not_needed" | "obtained" | "missing";
  consentNote: string;
  needsAltText: boolean;
  needsCaptions: boolean;
}

export interface ChannelAccount {
  id: string;
  name: string;
  network: string;
  emulates: string | null;
  departmentId: string | null;
  accountableUserId: string | null;
  approval: Record<string, string>;
  disabledAt: string | null;
}

export interface ChannelAccountDetails extends ChannelAccount {
  postingWindows: { timeZone: string; days: number[]; from: string; to: string }[];
  limits: { maxLength?: number; maxMedia?: number; maxHashtags?: number };
  settings: Record<string, unknown>;
}

// The guideline check's answer has the shape the server's domain module declares.
export type { Finding } from "../../../src/domain/guidelineChecks";
export type CheckResult = DomainCheckResult & { guideline?: { id: string; version: number } | null };

export interface Guideline {
  id: string;
  version: number;
  title: string;
  document: string;
  status: "draft" | "active" | "superseded";
  reviewBy: string;
  ownerUserId: string | null;
  activatedAt: string | null;
  rules: Record<string, unknown>;
}

export interface GuidelineList {
  versions: Guideline[];
  activeId: string | null;
  review: { state: "current" | "due_soon" | "overdue"; reviewBy: string; today: string } | null;
  acknowledged: boolean;
}

export interface PostInput {
  title: string;
  body: string;
  departmentId: string | null;
  scheduledAt: string | null;
  channels: { channelAccountId: string; textOverride: string | null }[];
  campaignId: string | null;
  templateId: string | null;
  mediaIds: string[];
  poll: PollInput | null;
  contentWarning: string;
  /** The posts after the body in a thread. */
  threadParts: string[];
  /** Who may answer, where the network lets the author decide (Bluesky). */
  replyPolicy: ReplyPolicy;
}

export type ReplyPolicy = "everyone" | "mentioned" | "following" | "followers" | "nobody";

export interface PollInput {
  question: string;
  options: string[];
  endsAt: string;
  resultsVisibility: "after_vote" | "after_end";
}

export interface Campaign {
  id: string;
  name: string;
  hashtag: string;
  startsAt: string;
  endsAt: string;
  departmentId: string | null;
  templates: { id: string; title: string; text: string }[];
  participantIds: string[];
}

export interface CampaignInput {
  name: string;
  hashtag: string;
  startsAt: string;
  endsAt: string;
  participantIds: string[];
  templates: { id: string; title: string; text: string }[];
}

export interface CampaignBoard {
  campaign: Campaign;
  total: number;
  fastLane: number;
  publishedLastHour: number;
  columns: {
    status: string;
    count: number;
    latest: {
      id: string;
      title: string;
      excerpt: string;
      authorName: string;
      scheduledAt: string | null;
      publishedAt: string | null;
    }[];
  }[];
  authors: { name: string; count: number }[];
}

export interface PostSummary {
  id: string;
  title: string;
  excerpt: string;
  status: string;
  scheduledAt: string | null;
  publishedAt: string | null;
  updatedAt: string;
  authorName: string;
  channels: { id: string; name: string }[];
  /** Deleted from its channels after publication. */
  retractedAt: string | null;
}

export interface PostRecord {
  id: string;
  title: string;
  body: string;
  status: string;
  revision: number;
  departmentId: string | null;
  scheduledAt: string | null;
  poll: PollInput | null;
  contentWarning: string;
  threadParts: string[];
  replyPolicy: ReplyPolicy;
  authorUserId: string;
  authorName: string;
  approvalMode: string | null;
  campaignId: string | null;
  templateId: string | null;
  /** Taken down from its channels after publication, and why. */
  retractedAt: string | null;
  retractReason: string | null;
}

export interface PostView {
  post: PostRecord;
  channels: {
    channelAccountId: string;
    textOverride: string | null;
    name: string;
    network: string;
    emulates: string | null;
    text: string;
  }[];
  check: CheckResult | null;
  media: { id: string; kind: string; altText: string | null; name: string }[];
  approvals: {
    id: string;
    step: number;
    decision: string;
    userId: string;
    comment: string;
    createdAt: string;
    revision: number;
  }[];
  approvalSteps: string[];
  publications: {
    id: string;
    channelAccountId: string;
    status: string;
    attempts: number;
    lastError: string | null;
    publishedAt: string | null;
    externalUrl: string | null;
    /** Deleted again from the channel: when, and what it answered ("done", "not_supported", "failed: …"). */
    retractedAt: string | null;
    retractOutcome: string | null;
  }[];
  can: {
    edit: boolean;
    submit: boolean;
    decide: boolean;
    withdraw: boolean;
    retry: boolean;
    reschedule: boolean;
    retract: boolean;
  };
}

const org = (orgId: string) => `/api/orgs/${encodeURIComponent(orgId)}`;

export const publishingApi = {
  channels: (orgId: string) => call<{ channels: ChannelAccount[] }>("GET", `${org(orgId)}/channels`),
  createChannel: (orgId: string, input: Record<string, unknown>) =>
    call<ChannelAccount>("POST", `${org(orgId)}/channels`, input),
  updateChannel: (orgId: string, id: string, input: Record<string, unknown>) =>
    call<ChannelAccount>("PATCH", `${org(orgId)}/channels/${id}`, input),
  guidelines: (orgId: string) => call<GuidelineList>("GET", `${org(orgId)}/guidelines`),
  createGuideline: (orgId: string, input: Record<string, unknown>) =>
    call<Guideline>("POST", `${org(orgId)}/guidelines`, input),
  activateGuideline: (orgId: string, id: string) => call<Guideline>("POST", `${org(orgId)}/guidelines/${id}/activate`),
  acknowledge: (orgId: string, id: string) =>
    call<{ version: number }>("POST", `${org(orgId)}/guidelines/${id}/acknowledge`),
  posts: (orgId: string, status?: string) =>
    call<{ posts: PostSummary[] }>("GET", `${org(orgId)}/posts${status ? `?status=${status}` : ""}`),
  calendar: (
    orgId: string,
    from: string,
    to: string,
    filters: { departmentId?: string; channelAccountId?: string; campaignId?: string } = {},
  ) => {
    const query = new URLSearchParams({ from, to });
    if (filters.departmentId) query.set("departmentId", filters.departmentId);
    if (filters.channelAccountId) query.set("channelAccountId", filters.channelAccountId);
    if (filters.campaignId) query.set("campaignId", filters.campaignId);
    return call<{ posts: PostSummary[] }>("GET", `${org(orgId)}/calendar?${query.toString()}`);
  },
  holidays: (orgId: string, from: number, to: number) =>
    call<{ state: string; holidays: { date: string; name: { de: string; en: string } }[] }>(
      "GET",
      `${org(orgId)}/holidays?from=${from}&to=${to}`,
    ),
  post: (orgId: string, id: string) => call<PostView>("GET", `${org(orgId)}/posts/${id}`),
  check: (orgId: string, input: PostInput) => call<CheckResult>("POST", `${org(orgId)}/posts/check`, input),
  create: (orgId: string, input: PostInput) => call<PostRecord>("POST", `${org(orgId)}/posts`, input),
  save: (orgId: string, id: string, input: PostInput & { revision: number }) =>
    call<PostRecord>("PUT", `${org(orgId)}/posts/${id}`, input),
  submit: (orgId: string, id: string, revision: number) =>
    call<PostRecord>("POST", `${org(orgId)}/posts/${id}/submit`, { revision }),
  decide: (orgId: string, id: string, input: { decision: string; comment: string; revision: number }) =>
    call<{ status: string }>("POST", `${org(orgId)}/posts/${id}/decision`, input),
  withdraw: (orgId: string, id: string) => call<PostRecord>("POST", `${org(orgId)}/posts/${id}/withdraw`),
  retry: (orgId: string, id: string) => call<{ status: string }>("POST", `${org(orgId)}/posts/${id}/retry`),
  retract: (orgId: string, id: string, reason: string) =>
    call<{ id: string; retractedAt: string; outcomes: { channelAccountId: string; outcome: string }[] }>(
      "POST",
      `${org(orgId)}/posts/${id}/retract`,
      { reason },
    ),
  media: (orgId: string) => call<{ media: MediaAsset[] }>("GET", `${org(orgId)}/media`),
  uploadMedia: (
    orgId: string,
    file: File,
    details: { altText?: string; rightsHolder?: string; consent?: string; departmentId?: string },
  ) => {
    const query = new URLSearchParams({ name: file.name });
    for (const [key, value] of Object.entries(details)) if (value) query.set(key, value);
    return upload<MediaAsset>(`${org(orgId)}/media?${query.toString()}`, file);
  },
  updateMedia: (orgId: string, id: string, input: Partial<MediaAsset>) =>
    call<MediaAsset>("PATCH", `${org(orgId)}/media/${id}`, input),
  thumbnailUrl: (orgId: string, id: string) => `${org(orgId)}/media/${id}/thumbnail`,
  campaigns: (orgId: string) => call<{ campaigns: Campaign[] }>("GET", `${org(orgId)}/campaigns`),
  createCampaign: (orgId: string, input: CampaignInput) => call<Campaign>("POST", `${org(orgId)}/campaigns`, input),
  campaignBoard: (orgId: string, id: string) => call<CampaignBoard>("GET", `${org(orgId)}/campaigns/${id}/board`),
  reschedule: (orgId: string, id: string, scheduledAt: string) =>
    call<PostRecord>("POST", `${org(orgId)}/posts/${id}/reschedule`, { scheduledAt }),
};
