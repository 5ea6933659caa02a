// The admin app's calls for the knowledge base (Wissen): articles (list, one, write, change, steps, diff,
// comments), the cleanup lists, and the suggestions offered while answering a conversation. Shapes come from
// the server's contract.
import type {
  ZArticleDetail,
  ZArticleDiff,
  ZArticleSummary,
  ZKnowledgeCleanup,
  ZSuggestions,
} from "@contract/knowledge";
import type { Wire } from "@contract/route";
import type { ArticleStatus, ArticleStep } from "../../../src/domain/knowledge/articleWorkflow";
import { type Body, type Input, call, urlOf } from "./client";

export type { ArticleStatus, ArticleStep };
export type ArticleSummary = Wire<typeof ZArticleSummary>;
export type ArticleDetail = Wire<typeof ZArticleDetail>;
export type ArticleDiff = Wire<typeof ZArticleDiff>;
export type KnowledgeCleanup = Wire<typeof ZKnowledgeCleanup>;
export type Suggestions = Wire<typeof ZSuggestions>;
export type ArticleInput = Body<"POST /api/orgs/:orgId/knowledge/articles">;
export type ArticleQuery = NonNullable<Input<"GET /api/orgs/:orgId/knowledge/articles">["query"]>;

/** The statuses in their order (the contract's; a type import keeps the schema code out of the bundle). */
export const ARTICLE_STATUS_ORDER = [
  "draft",
  "in_review",
  "published",
  "archived",
] as const satisfies readonly ArticleStatus[];
/** The steps in the order their buttons are shown. */
export const ARTICLE_STEP_ORDER = [
  "submit",
  "publish",
  "return",
  "archive",
  "restore",
] as const satisfies readonly ArticleStep[];

interface Options {
  signal?: AbortSignal;
}

const article = (orgId: string, articleId: string) => ({ params: { orgId, articleId } });

export const knowledgeApi = {
  /** A picture the article shows, for everyone who may read the article. */
  mediaUrl: (orgId: string, articleId: string, mediaId: string) =>
    urlOf("GET /api/orgs/:orgId/knowledge/articles/:articleId/media/:mediaId", {
      params: { orgId, articleId, mediaId },
    }),
  list: (orgId: string, query: ArticleQuery, options?: Options) =>
    call("GET /api/orgs/:orgId/knowledge/articles", { params: { orgId }, query }, options),
  get: (orgId: string, articleId: string, options?: Options) =>
    call("GET /api/orgs/:orgId/knowledge/articles/:articleId", article(orgId, articleId), options),
  create: (orgId: string, input: ArticleInput) =>
    call("POST /api/orgs/:orgId/knowledge/articles", { params: { orgId }, body: input }),
  update: (orgId: string, articleId: string, input: ArticleInput & { revision: number }) =>
    call("PUT /api/orgs/:orgId/knowledge/articles/:articleId", { ...article(orgId, articleId), body: input }),
  step: (orgId: string, articleId: string, step: ArticleStep) =>
    call("POST /api/orgs/:orgId/knowledge/articles/:articleId/steps", { ...article(orgId, articleId), body: { step } }),
  diff: (orgId: string, articleId: string, from: number, to: number, options?: Options) =>
    call(
      "GET /api/orgs/:orgId/knowledge/articles/:articleId/diff",
      { ...article(orgId, articleId), query: { from, to } },
      options,
    ),
  comment: (orgId: string, articleId: string, input: { text: string; mentionedUserIds: string[] }) =>
    call("POST /api/orgs/:orgId/knowledge/articles/:articleId/comments", { ...article(orgId, articleId), body: input }),
  cleanup: (orgId: string, options?: Options) =>
    call("GET /api/orgs/:orgId/knowledge/cleanup", { params: { orgId } }, options),
  suggestions: (orgId: string, conversationId: string, options?: Options) =>
    call(
      "GET /api/orgs/:orgId/inbox/conversations/:conversationId/suggestions",
      { params: { orgId, conversationId } },
      options,
    ),
};

/** Where an article is shown in the admin app. */
export const articlePath = (orgId: string, articleId: string) => `/o/${orgId}/knowledge/articles/${articleId}`;
