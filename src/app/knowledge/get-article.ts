// One knowledge article as its page shows it: the text, its details and uses, the steps open to the reader,
// every version with its author, the internal comments with whom they mention, the Textbausteine citing it, and,
// for a copy adopted from another organisation, where it came from.
import { and, asc, desc, eq, inArray, isNull } from "drizzle-orm";
import {
  knowledgeArticleComments,
  knowledgeArticleVersions,
  knowledgeArticles,
  replyTemplates,
  users,
} from "../../db/schema/index.js";
import { AppError } from "../../domain/errors.js";
import { stepsFrom } from "../../domain/knowledge/articleWorkflow.js";
import { inOrganisation } from "../../domain/policy.js";
import { type OrgActor, requireAllowed } from "../authorization.js";
import type { AppContext } from "../context.js";
import { originOfCopy } from "../sharing/originOfCopy.js";
import { presentSummary, selectSummaries, todayOf } from "./articleRows.js";

export async function getArticle(ctx: AppContext, options: { actor: OrgActor; orgId: string; articleId: string }) {
  const { actor, orgId, articleId } = options;
  requireAllowed(ctx, actor, "knowledge.view", inOrganisation(orgId));
  const [row] = await selectSummaries(ctx.db, {
    where: and(eq(knowledgeArticles.id, articleId), eq(knowledgeArticles.orgId, orgId)),
  });
  if (!row) throw new AppError("NOT_FOUND");
  const [[article], versions, comments, templates, today] = await Promise.all([
    ctx.db
      .select({
        body: knowledgeArticles.body,
        createdAt: knowledgeArticles.createdAt,
        publishedAt: knowledgeArticles.publishedAt,
      })
      .from(knowledgeArticles)
      .where(eq(knowledgeArticles.id, articleId)),
    ctx.db
      .select({ version: knowledgeArticleVersions, authorName: users.name })
      .from(knowledgeArticleVersions)
      .leftJoin(users, eq(users.id, knowledgeArticleVersions.authorUserId))
      .where(eq(knowledgeArticleVersions.articleId, articleId))
      .orderBy(desc(knowledgeArticleVersions.version)),
    ctx.db
      .select({ comment: knowledgeArticleComments, authorName: users.name })
      .from(knowledgeArticleComments)
      .leftJoin(users, eq(users.id, knowledgeArticleComments.authorUserId))
      .where(eq(knowledgeArticleComments.articleId, articleId))
      .orderBy(asc(knowledgeArticleComments.createdAt), asc(knowledgeArticleComments.id)),
    ctx.db
      .select({ id: replyTemplates.id, title: replyTemplates.title })
      .from(replyTemplates)
      .where(
        and(
          eq(replyTemplates.orgId, orgId),
          eq(replyTemplates.articleId, articleId),
          isNull(replyTemplates.archivedAt),
        ),
      )
      .orderBy(asc(replyTemplates.title)),
    todayOf(ctx, orgId),
  ]);
  const origin = await originOfCopy(ctx.db, { orgId, targetId: articleId });
  if (!article) throw new AppError("NOT_FOUND");
  const mentionedIds = [...new Set(comments.flatMap((c) => c.comment.mentionedUserIds))];
  const names = mentionedIds.length
    ? await ctx.db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, mentionedIds))
    : [];
  const nameOf = new Map(names.map((u) => [u.id, u.name]));
  const summary = presentSummary(ctx, actor, row, today);
  const current = versions.find((v) => v.version.version === row.version)?.version;
  return {
    article: {
      ...summary,
      body: article.body,
      note: current?.note ?? null,
      createdAt: article.createdAt.toISOString(),
      publishedAt: article.publishedAt?.toISOString() ?? null,
      steps: summary.mayEdit ? stepsFrom(row.status) : [],
    },
    origin,
    // People by their names as they are now; the label written then when the account is gone.
    versions: versions.map(({ version: v, authorName }) => ({
      version: v.version,
      authorLabel: authorName ?? v.authorLabel,
      note: v.note,
      createdAt: v.createdAt.toISOString(),
    })),
    comments: comments.map(({ comment: c, authorName }) => ({
      id: c.id,
      authorLabel: authorName ?? c.authorLabel,
      text: c.text,
      mentioned: c.mentionedUserIds.map((userId) => ({ userId, name: nameOf.get(userId) ?? "—" })),
      createdAt: c.createdAt.toISOString(),
    })),
    templates,
  };
}
