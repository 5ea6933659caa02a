// An answer drawing on knowledge: the articles inserted from the suggestions and the one its Textbaustein
// cites are counted as used (how often, when last), in the answer's transaction.
import { and, eq, inArray } from "drizzle-orm";
import type { Tx } from "../../db/client.js";
import { knowledgeArticleUses, knowledgeArticles, replyTemplates } from "../../db/schema/index.js";
import { AppError } from "../../domain/errors.js";

/** Records the uses and returns the articles' ids; an article not of the organisation is refused. */
export async function recordArticleUses(
  tx: Tx,
  args: { orgId: string; replyId: string; articleIds: readonly string[]; templateId: string | null; now: Date },
): Promise<string[]> {
  const ids = new Set(args.articleIds);
  if (ids.size > 0) {
    const found = await tx
      .select({ id: knowledgeArticles.id })
      .from(knowledgeArticles)
      .where(and(eq(knowledgeArticles.orgId, args.orgId), inArray(knowledgeArticles.id, [...ids])));
    if (found.length !== ids.size)
      throw new AppError("VALIDATION_FAILED", { details: { field: "articleIds", problem: "unknown_article" } });
  }
  if (args.templateId) {
    const [template] = await tx
      .select({ articleId: replyTemplates.articleId })
      .from(replyTemplates)
      .where(and(eq(replyTemplates.id, args.templateId), eq(replyTemplates.orgId, args.orgId)));
    if (template?.articleId) ids.add(template.articleId);
  }
  if (ids.size === 0) return [];
  await tx
    .insert(knowledgeArticleUses)
    .values([...ids].map((articleId) => ({ articleId, replyId: args.replyId, usedAt: args.now })))
    .onConflictDoNothing();
  return [...ids];
}
