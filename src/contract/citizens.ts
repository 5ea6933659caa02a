// Contract of the citizens' API under /api/public (the widget's and the public pages' script): no cookies;
// a citizen session is a bearer token in the x-draht-session header.
import { z } from "zod";
import { ZAppeal } from "../domain/moderation/decisions.js";
import { COMMENT_STATUSES } from "../domain/website/commentStatus.js";
import { RESULTS_VISIBILITY } from "../domain/website/poll.js";
import { PRE_MODERATION } from "../domain/website/publicSettings.js";
import { ZId, ZTimestamp } from "./common.js";
import type { ContractGroup } from "./route.js";
import { ZNetiquette } from "./website.js";

// ---- Requests ----

const ZWork = z.object({ challenge: z.string().max(300), nonce: z.string().max(100) });
export const ZCitizenComment = z.object({
  displayName: z.string().trim().min(1).max(60),
  email: z.email().max(254).nullable().default(null),
  text: z.string().trim().min(1).max(5000),
  parentId: z.uuid().nullable().default(null),
  /** The honeypot: a field people never see; filled in, it betrays a bot. */
  website: z.string().max(500).default(""),
  /** The solved proof-of-work challenge (GET …/challenge). */
  work: ZWork,
});
export const ZVote = z.object({ optionIndex: z.number().int().min(0).max(9), work: ZWork });
export const ZCommentToken = z.object({ token: z.string().min(10).max(200) });
export const ZPage = z.object({ page: z.coerce.number().int().min(1).max(100_000).default(1) });

// ---- Answers ----

/** The organisation as citizens see it: what the pages and the widget show. */
export const ZPublicOrg = z
  .object({
    slug: z.string(),
    name: z.string(),
    settings: z.object({
      impressumUrl: z.string().nullable(),
      privacyUrl: z.string().nullable(),
      preModeration: z.enum(PRE_MODERATION),
      commentsOpen: z.boolean(),
      retentionDays: z.number().int(),
      accentColor: z.string(),
      answerLabel: z.string(),
    }),
  })
  .meta({ id: "PublicOrganisation" });

export const ZPublicPoll = z
  .object({
    question: z.string(),
    options: z.array(z.string()),
    endsAt: ZTimestamp,
    open: z.boolean(),
    resultsVisibility: z.enum(RESULTS_VISIBILITY),
    /** The option this session voted for. */
    votedFor: z.number().int().nullable(),
    /** Shown after voting or after the end, as the poll says. */
    results: z
      .object({
        total: z.number().int(),
        options: z.array(z.object({ label: z.string(), votes: z.number().int(), percent: z.number() })),
      })
      .nullable(),
  })
  .meta({ id: "PublicPoll" });

export interface TPublicComment {
  id: string;
  authorKind: "citizen" | "staff";
  displayName: string;
  text: string;
  createdAt: string;
  state: "visible" | "pending" | "deleted";
  acknowledgement: boolean;
  replies: TPublicComment[];
}
export const ZPublicComment: z.ZodType<TPublicComment> = z
  .object({
    id: ZId,
    authorKind: z.enum(["citizen", "staff"]),
    displayName: z.string(),
    text: z.string(),
    createdAt: z.iso.datetime({ offset: true }),
    /** pending: held for moderation, shown only to its author; deleted: a placeholder keeps the thread. */
    state: z.enum(["visible", "pending", "deleted"]),
    /** An automatic acknowledgement of the reader's own question (never shown to anyone else). */
    acknowledgement: z.boolean(),
    get replies() {
      return z.array(ZPublicComment);
    },
  })
  .meta({ id: "PublicComment" });

/** A medium a post was published with, as citizens get it (its files: GET …/media/:mediaId/content|thumbnail). */
export const ZPublicMedium = z
  .object({
    id: ZId,
    kind: z.enum(["image", "video"]),
    mimeType: z.string(),
    width: z.number().int().nullable(),
    height: z.number().int().nullable(),
    /** An image's alternative text, a video's description. */
    altText: z.string().nullable(),
    /** A smaller WebP version exists (images), for responsive loading. */
    hasThumbnail: z.boolean(),
  })
  .meta({ id: "PublicMedium" });

/** A post's headline (its first line, sentence or topic) and the body under it; the text is both together. */
const ZHeadlined = { headline: z.string(), body: z.string() };

export const ZPublicThread = z
  .object({
    org: ZPublicOrg,
    netiquette: z.object({ id: ZId, version: z.number().int(), title: z.string() }).nullable(),
    commentsOpen: z.boolean(),
    viewer: z.object({ hasSession: z.boolean(), netiquetteAccepted: z.boolean() }),
    entry: z.object({
      id: ZId,
      text: z.string(),
      ...ZHeadlined,
      publishedAt: ZTimestamp,
      media: z.array(ZPublicMedium),
    }),
    poll: ZPublicPoll.nullable(),
    comments: z.array(ZPublicComment),
    page: z.number().int(),
    pages: z.number().int(),
  })
  .meta({ id: "PublicThread" });

export const ZPublicFeed = z
  .object({
    org: ZPublicOrg,
    entries: z.array(
      z.object({
        id: ZId,
        text: z.string(),
        ...ZHeadlined,
        publishedAt: ZTimestamp,
        media: z.array(ZPublicMedium),
        /** Published comments (acknowledgements, which only the asking person sees, do not count). */
        comments: z.number().int(),
        hasPoll: z.boolean(),
      }),
    ),
    page: z.number().int(),
    hasMore: z.boolean(),
  })
  .meta({ id: "PublicFeed" });

const ZOrgKey = z.object({ org: z.string().min(1).max(100) });
const ZEntryParams = ZOrgKey.extend({ entryId: z.uuid() });
const ZPublicCommentParams = ZOrgKey.extend({ commentId: z.uuid() });
const ZMediumParams = ZOrgKey.extend({ mediaId: z.uuid() });
/** A published medium's file: revalidated on every use (ETag), single byte ranges for playing and seeking. */
const mediumFile = (description: string, contentTypes: readonly string[]) =>
  ({
    200: { raw: "file", description, contentTypes },
    206: { raw: "file", description: "The requested byte range (Range: bytes=…).", contentTypes },
    304: { raw: "empty", description: "Not modified (If-None-Match named its ETag)." },
    416: { raw: "empty", description: "The range lies outside the file." },
  }) as const;
const publicTag = "Citizens";

export const publicContract = {
  "GET /api/public/orgs/:org/feed": {
    tag: publicTag,
    summary: "The organisation's published website posts, newest first",
    params: ZOrgKey,
    query: ZPage.extend({ limit: z.coerce.number().int().min(1).max(20).optional() }),
    responses: { 200: ZPublicFeed },
  },
  "GET /api/public/orgs/:org/posts/:entryId": {
    tag: publicTag,
    summary: "One post with its poll and comments (the session's own held comments included)",
    params: ZEntryParams,
    query: ZPage,
    citizenSession: "optional",
    responses: { 200: ZPublicThread },
  },
  "GET /api/public/orgs/:org/media/:mediaId/content": {
    tag: publicTag,
    summary: "A medium of a published post (not of one taken down)",
    params: ZMediumParams,
    responses: mediumFile("The file as uploaded.", ["image/*", "video/*"]),
  },
  "GET /api/public/orgs/:org/media/:mediaId/thumbnail": {
    tag: publicTag,
    summary: "The thumbnail of an image of a published post (WebP)",
    params: ZMediumParams,
    responses: mediumFile("A WebP thumbnail.", ["image/webp"]),
  },
  "GET /api/public/orgs/:org/netiquette": {
    tag: publicTag,
    summary: "The Netiquette in force",
    params: ZOrgKey,
    responses: { 200: ZNetiquette.extend({ publishedAt: ZTimestamp }) },
  },
  "POST /api/public/orgs/:org/sessions": {
    tag: publicTag,
    summary: "Start a citizen session: a bearer token for the x-draht-session header (rate limited)",
    params: ZOrgKey,
    responses: { 201: z.object({ token: z.string() }) },
  },
  "POST /api/public/orgs/:org/netiquette/accept": {
    tag: publicTag,
    summary: "Accept the Netiquette in force for this session",
    params: ZOrgKey,
    body: z.object({ netiquetteId: z.uuid() }),
    citizenSession: "required",
    responses: { 200: z.object({ netiquetteId: ZId, version: z.number().int() }) },
  },
  "GET /api/public/orgs/:org/challenge": {
    tag: publicTag,
    summary: "A proof-of-work challenge to solve before commenting or voting",
    params: ZOrgKey,
    responses: {
      200: z.object({
        challenge: z.string(),
        /** Leading zero bits the SHA-256 of challenge + nonce must have. */
        bits: z.number().int(),
        expiresAt: ZTimestamp,
      }),
    },
  },
  "POST /api/public/orgs/:org/posts/:entryId/comments": {
    tag: publicTag,
    summary: "Comment on a post (or answer a comment)",
    params: ZEntryParams,
    body: ZCitizenComment,
    citizenSession: "required",
    responses: {
      201: z.object({
        id: ZId,
        /** held: waits for moderation, visible to its author only. */
        status: z.enum(COMMENT_STATUSES),
        parentId: ZId.nullable(),
        /** Where the author can delete the comment later (keep it). */
        deleteUrl: z.string(),
        /** An e-mail address was given: a confirmation link was sent. */
        confirmationSent: z.boolean(),
      }),
    },
  },
  "POST /api/public/orgs/:org/posts/:entryId/vote": {
    tag: publicTag,
    summary: "Vote in the post's poll (once per session)",
    params: ZEntryParams,
    body: ZVote,
    citizenSession: "required",
    responses: { 200: z.object({ poll: ZPublicPoll.nullable() }) },
  },
  "POST /api/public/orgs/:org/comments/:commentId/delete": {
    tag: publicTag,
    summary: "Delete one's own comment with the token from its delete link",
    params: ZPublicCommentParams,
    body: ZCommentToken,
    responses: { 200: z.object({ entryId: ZId }) },
  },
  "POST /api/public/orgs/:org/comments/:commentId/appeal": {
    tag: publicTag,
    summary: "Object to the moderation of one's comment (with the session that wrote it)",
    params: ZPublicCommentParams,
    body: ZAppeal,
    citizenSession: "required",
    responses: { 200: z.object({ status: z.literal("reopened") }) },
  },
  "POST /api/public/orgs/:org/comments/:commentId/confirm-email": {
    tag: publicTag,
    summary: "Confirm the e-mail address given with a comment (double opt-in)",
    params: ZPublicCommentParams,
    body: ZCommentToken,
    responses: { 200: z.object({ confirmed: z.literal(true) }) },
  },
} as const satisfies ContractGroup;
