// Shapes of posts, their checks, campaigns and media, as the composer sends them and the API answers.
import { z } from "zod";
import { RULE_IDS, ZSeverity } from "../domain/guidelineRules.js";
import { EMULATED_NETWORKS, REPLY_POLICIES } from "../domain/networks.js";
import { APPROVAL_MODES, CONTENT_TYPES, MAX_THREAD_PARTS, POST_STATUSES } from "../domain/postWorkflow.js";
import { ZPollDraft } from "../domain/website/poll.js";
import { ZId, ZTimestamp } from "./common.js";

// ---- Requests ----

export const MAX_POST_TEXT = 20_000;

export const ZPostChannel = z.object({
  channelAccountId: z.uuid(),
  /** null = the shared text. */
  textOverride: z.string().max(MAX_POST_TEXT).nullable().default(null),
});

export const ZPostContent = z.object({
  title: z.string().trim().max(200).default(""),
  body: z.string().max(MAX_POST_TEXT).default(""),
  departmentId: z.uuid().nullable().default(null),
  scheduledAt: z.iso.datetime({ offset: true }).nullable().default(null),
  channels: z.array(ZPostChannel).max(50).default([]),
  accountableUserId: z.uuid().nullable().default(null),
  campaignId: z.uuid().nullable().default(null),
  /** Media from the library, in the order they appear. */
  mediaIds: z.array(z.uuid()).max(20).default([]),
  /** The campaign template the text started from. */
  templateId: z.string().max(40).nullable().default(null),
  /** A content warning shown before the text where the network has them (Mastodon); "" = none. */
  contentWarning: z.string().trim().max(500).default(""),
  /** A thread: the posts after the body, in order (each goes out as an answer to the one before where the network has threads). */
  threadParts: z.array(z.string().max(MAX_POST_TEXT)).max(MAX_THREAD_PARTS).default([]),
  /** Who may answer the post, where the network lets its author decide (Bluesky); others ignore it (a warning says so). */
  replyPolicy: z.enum(REPLY_POLICIES).default("everyone"),
  /** A poll the post carries (website, and networks with polls). */
  poll: ZPollDraft.nullable().default(null),
});
export type TPostContent = z.input<typeof ZPostContent>;

/** Saving names the revision it started from, so two editors never overwrite each other silently. */
export const ZSavePost = ZPostContent.extend({ revision: z.number().int().min(1) });
export type TSavePost = z.input<typeof ZSavePost>;

export const ZRevision = z.object({ revision: z.number().int().min(1) });

export const ZDecision = z
  .object({
    decision: z.enum(["approved", "changes_requested", "rejected"]),
    comment: z.string().trim().max(4000).default(""),
    /** The revision the approver looked at; a newer one must be looked at again. */
    revision: z.number().int().min(1),
  })
  .refine((d) => d.decision === "approved" || d.comment.length > 0, {
    message: "a comment is required",
    path: ["comment"],
  });
export type TDecision = z.input<typeof ZDecision>;

export const ZReschedule = z.object({ scheduledAt: z.iso.datetime({ offset: true }) });
export const ZRetraction = z.object({ reason: z.string().trim().min(3).max(2000) });

/** The post list's and the calendar's filters, as query parameters. */
export const ZPostListParams = z.object({
  /** Comma-separated statuses. */
  status: z
    .string()
    .max(300)
    .transform((s) => s.split(","))
    .pipe(z.array(z.enum(POST_STATUSES)))
    .optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  departmentId: z.uuid().optional(),
  channelAccountId: z.uuid().optional(),
  campaignId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
});

export const ZCampaignTemplate = z.object({
  id: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .regex(/^[a-z0-9-]+$/, "lower-case letters, digits and dashes"),
  title: z.string().trim().min(1).max(120),
  text: z.string().trim().min(1).max(5000),
});

export const ZCampaignInput = z
  .object({
    name: z.string().trim().min(2).max(120),
    hashtag: z.string().regex(/^#[\p{L}\p{N}_]+$/u, "a hashtag starts with # and has letters or digits"),
    startsAt: z.iso.datetime({ offset: true }),
    endsAt: z.iso.datetime({ offset: true }),
    departmentId: z.uuid().nullable().default(null),
    participantIds: z.array(z.uuid()).max(500).default([]),
    templates: z.array(ZCampaignTemplate).max(200).default([]),
  })
  .refine((c) => Date.parse(c.startsAt) < Date.parse(c.endsAt), {
    message: "the campaign must end after it starts",
    path: ["endsAt"],
  })
  .refine((c) => new Set(c.templates.map((t) => t.id)).size === c.templates.length, {
    message: "template ids must be unique",
    path: ["templates"],
  });
export type TCampaignInput = z.input<typeof ZCampaignInput>;

const ZConsent = z.enum(["not_needed", "obtained", "missing"]);

export const ZMediaDetails = z.object({
  altText: z.string().trim().max(1500).nullable().optional(),
  hasCaptions: z.boolean().optional(),
  hasTranscript: z.boolean().optional(),
  rightsHolder: z.string().trim().max(200).optional(),
  licence: z.string().trim().max(200).optional(),
  consent: ZConsent.optional(),
  consentNote: z.string().trim().max(1000).optional(),
});
export type TMediaDetails = z.input<typeof ZMediaDetails>;

export const ZUploadMeta = ZMediaDetails.extend({
  fileName: z.string().trim().min(1).max(200),
  /** The department whose file it is; none: the whole organisation's. */
  departmentId: z.uuid().nullable().default(null),
});

/** The upload's details travel in the query; the file is the request body. */
export const ZUploadQuery = z.object({
  name: z.string().min(1).max(200),
  altText: z.string().max(1500).optional(),
  rightsHolder: z.string().max(200).optional(),
  licence: z.string().max(200).optional(),
  consent: ZConsent.optional(),
  /** The department whose file it is; omitted: the whole organisation's. */
  departmentId: z.uuid().optional(),
});

// ---- Answers ----

export const ZFinding = z
  .object({
    rule: z.enum(RULE_IDS),
    severity: ZSeverity,
    /** The variants (channel accounts) the finding is about. */
    channelAccountIds: z.array(ZId),
    /** Which post of a thread the place is in (0 = the first); null when the finding points at no place. */
    part: z.number().int().nullable(),
    /** UTF-16 offsets into that post's text, when the finding points at a place. */
    start: z.number().int().nullable(),
    end: z.number().int().nullable(),
    /** Values for the translated message, e.g. the word found, the limit, the score. */
    params: z.record(z.string(), z.union([z.string(), z.number()])),
    /** Why the rule exists, as the guideline's author wrote it. */
    reason: z.string(),
  })
  .meta({ id: "Finding" });

export const ZCheckResult = z
  .object({
    findings: z.array(ZFinding),
    blockers: z.number().int(),
    warnings: z.number().int(),
    /** Characters per channel account as its network counts them; `parts` per post of a thread. */
    counts: z.record(
      z.string(),
      z.object({ used: z.number().int(), limit: z.number().int(), parts: z.array(z.number().int()).optional() }),
    ),
  })
  .meta({ id: "CheckResult" });

const ZPoll = z.object({
  question: z.string(),
  options: z.array(z.string()),
  endsAt: z.iso.datetime({ offset: true }),
  resultsVisibility: z.enum(["after_vote", "after_end"]),
});

/** What every view of a post has. */
const ZPostFields = z.object({
  id: ZId,
  departmentId: ZId.nullable(),
  authorUserId: ZId,
  accountableUserId: ZId.nullable(),
  contentType: z.enum(CONTENT_TYPES),
  campaignId: ZId.nullable(),
  templateId: z.string().nullable(),
  title: z.string(),
  scheduledAt: ZTimestamp.nullable(),
  contentWarning: z.string(),
  threadParts: z.array(z.string()),
  replyPolicy: z.enum(REPLY_POLICIES),
  poll: ZPoll.nullable(),
  status: z.enum(POST_STATUSES),
  revision: z.number().int(),
  guidelineId: ZId.nullable(),
  approvalMode: z.enum(APPROVAL_MODES).nullable(),
  submittedAt: ZTimestamp.nullable(),
  publishedAt: ZTimestamp.nullable(),
  /** Taken down from its channels after publication, by whom and why. */
  retractedAt: ZTimestamp.nullable(),
  retractedByUserId: ZId.nullable(),
  retractReason: z.string().nullable(),
  createdAt: ZTimestamp,
  updatedAt: ZTimestamp,
});

export const ZPost = ZPostFields.extend({
  body: z.string(),
  /** The check stored when the post was last submitted or approved. */
  checkResult: ZCheckResult.nullable(),
}).meta({ id: "Post" });

export const ZPostSummary = ZPostFields.extend({
  excerpt: z.string(),
  authorName: z.string(),
  channels: z.array(z.object({ id: ZId, name: z.string() })),
}).meta({ id: "PostSummary" });

export const ZPostView = z
  .object({
    post: ZPost.extend({ authorName: z.string() }),
    channels: z.array(
      z.object({
        channelAccountId: ZId,
        textOverride: z.string().nullable(),
        name: z.string(),
        network: z.string(),
        emulates: z.enum(EMULATED_NETWORKS).nullable(),
        /** The text this channel receives. */
        text: z.string(),
      }),
    ),
    /** The live check against the guideline in force; null while a channel account is disabled. */
    check: ZCheckResult.nullable(),
    media: z.array(
      z.object({
        id: ZId,
        kind: z.enum(["image", "video"]),
        altText: z.string().nullable(),
        hasCaptions: z.boolean(),
        name: z.string(),
      }),
    ),
    approvals: z.array(
      z.object({
        id: ZId,
        revision: z.number().int(),
        step: z.number().int(),
        decision: z.enum(["approved", "changes_requested", "rejected"]),
        userId: ZId,
        comment: z.string(),
        createdAt: ZTimestamp,
      }),
    ),
    approvalSteps: z.array(z.enum(["any_approver", "department_head", "press_office"])),
    publications: z.array(
      z.object({
        id: ZId,
        channelAccountId: ZId,
        status: z.enum(["pending", "sending", "published", "failed", "cancelled"]),
        dueAt: ZTimestamp,
        nextAttemptAt: ZTimestamp,
        attempts: z.number().int(),
        lastError: z.string().nullable(),
        lastErrorKind: z.string().nullable(),
        externalId: z.string().nullable(),
        externalUrl: z.string().nullable(),
        /** The further posts of a thread on the network. */
        partExternalIds: z.array(z.string()),
        /** Deleted again from the channel: when, and what it answered ("done", "not_supported", "failed: …"). */
        retractedAt: ZTimestamp.nullable(),
        retractOutcome: z.string().nullable(),
        handedOverAt: ZTimestamp.nullable(),
        publishedAt: ZTimestamp.nullable(),
        createdAt: ZTimestamp,
      }),
    ),
    /** What the caller may do with the post now. */
    can: z.object({
      edit: z.boolean(),
      submit: z.boolean(),
      decide: z.boolean(),
      withdraw: z.boolean(),
      retry: z.boolean(),
      reschedule: z.boolean(),
      retract: z.boolean(),
    }),
  })
  .meta({ id: "PostView" });

const ZCampaignFields = z.object({
  id: ZId,
  name: z.string(),
  hashtag: z.string(),
  startsAt: ZTimestamp,
  endsAt: ZTimestamp,
  departmentId: ZId.nullable(),
  templates: z.array(z.object({ id: z.string(), title: z.string(), text: z.string() })),
  createdByUserId: ZId.nullable(),
  createdAt: ZTimestamp,
  updatedAt: ZTimestamp,
});
export const ZCampaign = ZCampaignFields.extend({ participantIds: z.array(ZId) }).meta({ id: "Campaign" });

export const ZCampaignBoard = z
  .object({
    campaign: ZCampaignFields,
    total: z.number().int(),
    /** Posts from an unchanged template (the campaign's fast lane). */
    fastLane: z.number().int(),
    publishedLastHour: z.number().int(),
    columns: z.array(
      z.object({
        status: z.enum(POST_STATUSES),
        count: z.number().int(),
        latest: z.array(
          z.object({
            id: ZId,
            title: z.string(),
            excerpt: z.string(),
            status: z.enum(POST_STATUSES),
            contentType: z.enum(CONTENT_TYPES),
            authorName: z.string(),
            scheduledAt: ZTimestamp.nullable(),
            publishedAt: ZTimestamp.nullable(),
            updatedAt: ZTimestamp,
          }),
        ),
      }),
    ),
    authors: z.array(z.object({ name: z.string(), count: z.number().int() })),
  })
  .meta({ id: "CampaignBoard" });

export const ZMediaAsset = z
  .object({
    id: ZId,
    kind: z.enum(["image", "video"]),
    mimeType: z.string(),
    fileName: z.string(),
    byteSize: z.number().int(),
    width: z.number().int().nullable(),
    height: z.number().int().nullable(),
    durationSeconds: z.number().nullable(),
    sha256: z.string(),
    altText: z.string().nullable(),
    hasCaptions: z.boolean(),
    hasTranscript: z.boolean(),
    rightsHolder: z.string(),
    licence: z.string(),
    consent: ZConsent,
    consentNote: z.string(),
    /** An image without alternative text or a video without captions blocks a post. */
    needsAltText: z.boolean(),
    needsCaptions: z.boolean(),
    /** The department whose file it is; null: the whole organisation's. */
    departmentId: ZId.nullable(),
    uploadedByUserId: ZId.nullable(),
    createdAt: ZTimestamp,
    updatedAt: ZTimestamp,
  })
  .meta({ id: "MediaAsset" });
