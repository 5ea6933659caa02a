// Moving an article along its life (domain/knowledge/articleWorkflow.ts): submit for review, publish, return
// to draft, archive, restore — by people who may change it, each step in the audit trail.
import { and, eq } from "drizzle-orm";
import { ZArticleStep } from "../../contract/knowledge.js";
import { knowledgeArticles } from "../../db/schema/index.js";
import { AppError } from "../../domain/errors.js";
import { type ArticleStep, statusAfter } from "../../domain/knowledge/articleWorkflow.js";
import { scoped } from "../../domain/policy.js";
import type { AuditAction } from "../../domain/words/codes.js";
import { appendAuditEvent } from "../audit/auditTrail.js";
import { type OrgActor, requireAllowed } from "../authorization.js";
import type { AppContext } from "../context.js";
import { loadArticle } from "./articleRows.js";

const AUDIT: Record<ArticleStep, AuditAction> = {
  submit: "knowledge_article.submitted",
  publish: "knowledge_article.published",
  return: "knowledge_article.returned",
  archive: "knowledge_article.archived",
  restore: "knowledge_article.restored",
};

export async function changeArticleStatus(
  ctx: AppContext,
  options: { actor: OrgActor; orgId: string; articleId: string; input: unknown },
) {
  const { step } = ZArticleStep.parse(options.input);
  const { actor, orgId, articleId } = options;
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const current = await loadArticle(tx, { orgId, articleId, forUpdate: true });
    requireAllowed(ctx, actor, "knowledge.edit", scoped({ orgId, departmentId: current.departmentId }));
    const status = statusAfter(current.status, step);
    if (!status) throw new AppError("INVALID_TRANSITION", { details: { from: current.status, step } });
    await tx
      .update(knowledgeArticles)
      .set({ status, updatedAt: now, ...(step === "publish" ? { publishedAt: now } : {}) })
      .where(and(eq(knowledgeArticles.id, articleId), eq(knowledgeArticles.orgId, orgId)));
    await appendAuditEvent(tx, {
      orgId,
      actor,
      action: AUDIT[step],
      target: { type: "knowledge_article", id: articleId },
      data: { from: current.status, to: status, version: current.version },
      occurredAt: now,
    });
    return { id: articleId, status };
  });
}
