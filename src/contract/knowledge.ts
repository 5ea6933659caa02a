// The knowledge base (Wissen): articles with versions, review dates and comments, the cleanup list, and the
// suggestions offered while answering a conversation.
import { z } from "zod";
import { ARTICLE_STATUSES, ARTICLE_STEPS, ZArticleInput } from "../domain/knowledge/articleWorkflow.js";
import { ZDay, ZId, ZIdOnly, ZOrgParams, ZTimestamp } from "./common.js";
import type { ContractGroup } from "./route.js";

const tag = "Knowledge base";
const ZArticleParams = ZOrgParams.extend({ articleId: z.uuid() });
const ZReviewState = z.enum(["current", "due_soon", "overdue"]);

export const ZArticleSummary = z
  .object({
    id: ZId,
    title: z.string(),
    status: z.enum(ARTICLE_STATUSES),
    departmentId: ZId.nullable(),
    ownerUserId: ZId.nullable(),
    ownerName: z.string().nullable(),
    tags: z.array(z.string()),
    validUntil: ZDay.nullable(),
    /** Past its "valid until" day (in the organisation's time zone). */
    expired: z.boolean(),
    reviewBy: ZDay,
    reviewState: ZReviewState,
    version: z.number().int(),
    /** Counts every save; a change names the revision it was written on. */
    revision: z.number().int(),
    updatedAt: ZTimestamp,
    /** How many answers drew on it, and when the last one did. */
    useCount: z.number().int(),
    lastUsedAt: ZTimestamp.nullable(),
    /** Whether this person may change it (their department's, or they are not limited to departments). */
    mayEdit: z.boolean(),
  })
  .meta({ id: "ArticleSummary" });

export const ZArticleListQuery = z.object({
  status: z.enum(ARTICLE_STATUSES).optional(),
  departmentId: z.uuid().optional(),
  tag: z.string().trim().min(1).max(40).optional(),
  /** Words to look for (German stems, umlauts folded, typing errors in the title tolerated). */
  q: z.string().trim().min(1).max(200).optional(),
});

export const ZArticleList = z.object({ articles: z.array(ZArticleSummary) }).meta({ id: "ArticleList" });

export const ZArticleDetail = z
  .object({
    article: ZArticleSummary.extend({
      body: z.string(),
      note: z.string().nullable(),
      createdAt: ZTimestamp,
      publishedAt: ZTimestamp.nullable(),
      /** The steps open to this person now. */
      steps: z.array(z.enum(ARTICLE_STEPS)),
    }),
    versions: z.array(
      z.object({
        version: z.number().int(),
        authorLabel: z.string(),
        note: z.string().nullable(),
        createdAt: ZTimestamp,
      }),
    ),
    comments: z.array(
      z.object({
        id: ZId,
        authorLabel: z.string(),
        text: z.string(),
        mentioned: z.array(z.object({ userId: ZId, name: z.string() })),
        createdAt: ZTimestamp,
      }),
    ),
    /** Textbausteine citing the article. */
    templates: z.array(z.object({ id: ZId, title: z.string() })),
    /** A copy adopted from another organisation's shared collection: the item, whose, and the version taken. */
    origin: z
      .object({
        itemId: ZId,
        /** A shared item of this installation, or an item of another installation's feed. */
        via: z.enum(["installation", "feed"]),
        publisherName: z.string(),
        adoptedVersion: z.number().int(),
        stillShared: z.boolean(),
        updateAvailable: z.boolean(),
      })
      .nullable(),
  })
  .meta({ id: "ArticleDetail" });

export const ZArticleUpdate = ZArticleInput.extend({
  /**
   * The revision the change was written on (the article's `revision`, counting every save): a save in between is
   * an edit conflict (DRAHT_ERR_EDIT_CONFLICT with the current version and revision), and nothing is changed.
   */
  revision: z.number().int().min(1),
});

export const ZArticleStep = z.object({ step: z.enum(ARTICLE_STEPS) });

const ZDiffPart = z.object({ kind: z.enum(["same", "added", "removed"]), text: z.string() });
export const ZArticleDiff = z
  .object({
    from: z.number().int(),
    to: z.number().int(),
    title: z.array(ZDiffPart),
    body: z.array(ZDiffPart),
    tagsAdded: z.array(z.string()),
    tagsRemoved: z.array(z.string()),
  })
  .meta({ id: "ArticleDiff" });

export const ZArticleComment = z.object({
  text: z.string().trim().min(1).max(5000),
  mentionedUserIds: z.array(z.uuid()).max(20).default([]),
});

export const ZKnowledgeCleanup = z
  .object({
    /** Published, in force, and drawn on by no answer for 180 days (or never, when older than that). */
    unused: z.array(ZArticleSummary),
    /** Past their "valid until" day but still published. */
    expired: z.array(ZArticleSummary),
    /** Review due within 14 days or overdue. */
    reviewDue: z.array(ZArticleSummary),
  })
  .meta({ id: "KnowledgeCleanup" });

export const ZSuggestions = z
  .object({
    /** Published articles in force, most similar first; `excerpt` marks matched words with «» (never HTML). */
    articles: z.array(
      z.object({ id: ZId, title: z.string(), excerpt: z.string(), body: z.string(), score: z.number() }),
    ),
    /** Answers sent to similar questions in other conversations this person may see. */
    answers: z.array(
      z.object({
        replyId: ZId,
        conversationId: ZId,
        question: z.string(),
        text: z.string(),
        sentAt: ZTimestamp,
        /** The conversation was closed after the answer (it settled the question). */
        closed: z.boolean(),
        score: z.number(),
      }),
    ),
  })
  .meta({ id: "Suggestions" });

export const knowledgeContract = {
  "GET /api/orgs/:orgId/knowledge/articles": {
    tag,
    summary: "Knowledge articles, filtered and searched",
    params: ZOrgParams,
    query: ZArticleListQuery,
    responses: { 200: ZArticleList },
  },
  "POST /api/orgs/:orgId/knowledge/articles": {
    tag,
    summary: "Write a new article (a draft)",
    params: ZOrgParams,
    body: ZArticleInput,
    responses: { 201: ZIdOnly },
  },
  "GET /api/orgs/:orgId/knowledge/articles/:articleId": {
    tag,
    summary: "An article with its versions, comments and the Textbausteine citing it",
    params: ZArticleParams,
    responses: { 200: ZArticleDetail },
  },
  "PUT /api/orgs/:orgId/knowledge/articles/:articleId": {
    tag,
    summary: "Change an article (a new version)",
    params: ZArticleParams,
    body: ZArticleUpdate,
    responses: { 200: z.object({ id: ZId, version: z.number().int() }) },
  },
  "POST /api/orgs/:orgId/knowledge/articles/:articleId/steps": {
    tag,
    summary: "Submit, publish, return, archive or restore an article",
    params: ZArticleParams,
    body: ZArticleStep,
    responses: { 200: z.object({ id: ZId, status: z.enum(ARTICLE_STATUSES) }) },
  },
  "GET /api/orgs/:orgId/knowledge/articles/:articleId/diff": {
    tag,
    summary: "What changed between two versions",
    params: ZArticleParams,
    query: z.object({ from: z.coerce.number().int().min(1), to: z.coerce.number().int().min(1) }),
    responses: { 200: ZArticleDiff },
  },
  "POST /api/orgs/:orgId/knowledge/articles/:articleId/comments": {
    tag,
    summary: "Comment on an article (internal), mentioning colleagues",
    params: ZArticleParams,
    body: ZArticleComment,
    responses: { 201: ZIdOnly },
  },
  "GET /api/orgs/:orgId/knowledge/articles/:articleId/media/:mediaId": {
    tag,
    summary: "A picture of the media library the article shows",
    params: ZArticleParams.extend({ mediaId: z.uuid() }),
    responses: { 200: { raw: "file", description: "The file as uploaded.", contentTypes: ["image/*", "video/*"] } },
  },
  "GET /api/orgs/:orgId/knowledge/cleanup": {
    tag,
    summary: "Articles to tidy up: unused, expired, review due",
    params: ZOrgParams,
    responses: { 200: ZKnowledgeCleanup },
  },
  "GET /api/orgs/:orgId/inbox/conversations/:conversationId/suggestions": {
    tag,
    summary: "Articles and earlier answers similar to the citizen's question",
    params: ZOrgParams.extend({ conversationId: z.uuid() }),
    responses: { 200: ZSuggestions },
  },
} as const satisfies ContractGroup;
