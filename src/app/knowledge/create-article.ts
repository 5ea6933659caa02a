// Writing a new knowledge article: a draft, version 1 with its author, in the audit trail.
import { knowledgeArticles } from "../../db/schema/index.js";
import { ZArticleInput } from "../../domain/knowledge/articleWorkflow.js";
import { scoped } from "../../domain/policy.js";
import { appendAuditEvent } from "../audit/auditTrail.js";
import { type OrgActor, requireAllowed } from "../authorization.js";
import type { AppContext } from "../context.js";
import { checkArticleReferences } from "./articleReferences.js";
import { insertArticleVersion } from "./insertArticleVersion.js";

export async function createArticle(ctx: AppContext, options: { actor: OrgActor; orgId: string; input: unknown }) {
  const input = ZArticleInput.parse(options.input);
  const { actor, orgId } = options;
  requireAllowed(ctx, actor, "knowledge.edit", scoped({ orgId, departmentId: input.departmentId }));
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    await checkArticleReferences(ctx, tx, { actor, orgId, input });
    const { note: _note, ...fields } = input;
    const [created] = await tx
      .insert(knowledgeArticles)
      .values({
        orgId,
        ...fields,
        ownerUserId: input.ownerUserId ?? actor.userId,
        createdByUserId: actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: knowledgeArticles.id });
    if (!created) throw new Error("article insert returned nothing");
    await insertArticleVersion(tx, { articleId: created.id, version: 1, input, actor, now });
    await appendAuditEvent(tx, {
      orgId,
      actor,
      action: "knowledge_article.created",
      target: { type: "knowledge_article", id: created.id },
      data: { title: input.title, departmentId: input.departmentId },
      occurredAt: now,
    });
    return { id: created.id };
  });
}
