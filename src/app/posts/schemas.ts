// Input schemas for posts, shared with the HTTP routes.
import { z } from "zod";
import { REPLY_POLICIES } from "../../domain/networks.js";
import { MAX_THREAD_PARTS } from "../../domain/postWorkflow.js";
import { ZPollDraft } from "../../domain/website/poll.js";

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
