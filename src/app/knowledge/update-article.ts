// Changing a knowledge article. Every save counts a revision; one written on an older revision is an edit
// conflict and changes nothing (the writer keeps their text). A changed title, text or tags is the next
// version with its author and note; changed details alone (owner, department, dates) keep the version. The
// audit trail says which details changed from what to what, and keeps the note when no version takes it.
import { eq } from "drizzle-orm";
import { ZArticleUpdate } from "../../contract/knowledge.js";
import { knowledgeArticles } from "../../db/schema/index.js";
import { AppError } from "../../domain/errors.js";
import type { TArticleInput } from "../../domain/knowledge/articleWorkflow.js";
import { scoped } from "../../domain/policy.js";
import { appendAuditEvent } from "../audit/auditTrail.js";
import { type OrgActor, requireAllowed } from "../authorization.js";
import type { AppContext } from "../context.js";
import { checkArticleReferences } from "./articleReferences.js";
import { loadArticle } from "./articleRows.js";
import { insertArticleVersion } from "./insertArticleVersion.js";

const DETAILS = ["departmentId", "ownerUserId", "validUntil", "reviewBy"] as const;

export async function updateArticle(
  ctx: AppContext,
  options: { actor: OrgActor; orgId: string; articleId: string; input: unknown },
) {
  const { revision, ...parsed } = ZArticleUpdate.parse(options.input);
  const input: TArticleInput = parsed;
  const { actor, orgId, articleId } = options;
  requireAllowed(ctx, actor, "knowledge.edit", scoped({ orgId, departmentId: input.departmentId }));
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const current = await loadArticle(tx, { orgId, articleId, forUpdate: true });
    requireAllowed(ctx, actor, "knowledge.edit", scoped({ orgId, departmentId: current.departmentId }));
    if (current.status === "archived")
      throw new AppError("INVALID_TRANSITION", { details: { status: "archived", problem: "restore_first" } });
    if (revision !== current.revision)
      throw new AppError("EDIT_CONFLICT", {
        details: { currentVersion: current.version, currentRevision: current.revision, revision },
      });
    await checkArticleReferences(ctx, tx, { actor, orgId, input });
    const ownerUserId = input.ownerUserId ?? current.ownerUserId;
    const contentChanged =
      input.title !== current.title ||
      input.body !== current.body ||
      input.tags.join("\u0000") !== current.tags.join("\u0000");
    const version = contentChanged ? current.version + 1 : current.version;
    const { note, ...fields } = input;
    await tx
      .update(knowledgeArticles)
      .set({ ...fields, ownerUserId, version, revision: current.revision + 1, updatedAt: now })
      .where(eq(knowledgeArticles.id, articleId));
    if (contentChanged) await insertArticleVersion(tx, { articleId, version, input, actor, now });
    const after = { ...input, ownerUserId };
    const changed = Object.fromEntries(
      DETAILS.filter((field) => after[field] !== current[field]).map((field) => [
        field,
        { from: current[field], to: after[field] },
      ]),
    );
    await appendAuditEvent(tx, {
      orgId,
      actor,
      action: "knowledge_article.updated",
      target: { type: "knowledge_article", id: articleId },
      data: { version, contentChanged, changed, ...(note && !contentChanged ? { note } : {}) },
      occurredAt: now,
    });
    return { id: articleId, version };
  });
}
