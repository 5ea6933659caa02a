// Writing a knowledge article: a new one starts as a draft (version 1); a change written on the current
// version becomes the next version with its author, one written on an older version is an edit conflict
// (nothing is lost: the writer gets the conflict and keeps their text). Changing only the article's
// details (owner, department, dates) keeps the version. Every save is in the audit trail.
import { and, eq, inArray } from "drizzle-orm";
import { ZArticleUpdate } from "../../contract/knowledge.js";
import type { Tx } from "../../db/client.js";
import { knowledgeArticleVersions, knowledgeArticles, mediaAssets } from "../../db/schema/index.js";
import { AppError } from "../../domain/errors.js";
import { type TArticleInput, ZArticleInput, mediaIdsIn } from "../../domain/knowledge/articleWorkflow.js";
import { scoped } from "../../domain/policy.js";
import { appendAuditEvent } from "../audit/auditTrail.js";
import { type OrgActor, requireAllowed } from "../authorization.js";
import type { AppContext } from "../context.js";
import { checkOrgRefs } from "../orgRefs.js";
import { loadArticle } from "./articleRows.js";

async function checkReferences(tx: Tx, orgId: string, input: TArticleInput) {
  await checkOrgRefs(tx, { orgId, departmentId: input.departmentId, ownerUserId: input.ownerUserId });
  const mediaIds = mediaIdsIn(input.body);
  if (mediaIds.length === 0) return;
  const found = await tx
    .select({ id: mediaAssets.id })
    .from(mediaAssets)
    .where(and(eq(mediaAssets.orgId, orgId), inArray(mediaAssets.id, mediaIds)));
  if (found.length !== mediaIds.length)
    throw new AppError("VALIDATION_FAILED", { details: { field: "body", problem: "unknown_media" } });
}

export async function createArticle(ctx: AppContext, options: { actor: OrgActor; orgId: string; input: unknown }) {
  const input = ZArticleInput.parse(options.input);
  const { actor, orgId } = options;
  requireAllowed(ctx, actor, "knowledge.edit", scoped({ orgId, departmentId: input.departmentId }));
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    await checkReferences(tx, orgId, input);
    const { note, ...fields } = input;
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
    await tx.insert(knowledgeArticleVersions).values({
      articleId: created.id,
      version: 1,
      title: input.title,
      body: input.body,
      tags: input.tags,
      note,
      authorUserId: actor.userId,
      authorLabel: actor.label,
      createdAt: now,
    });
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

export async function updateArticle(
  ctx: AppContext,
  options: { actor: OrgActor; orgId: string; articleId: string; input: unknown },
) {
  const { baseVersion, ...parsed } = ZArticleUpdate.parse(options.input);
  const input: TArticleInput = parsed;
  const { actor, orgId, articleId } = options;
  requireAllowed(ctx, actor, "knowledge.edit", scoped({ orgId, departmentId: input.departmentId }));
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const current = await loadArticle(tx, { orgId, articleId, forUpdate: true });
    requireAllowed(ctx, actor, "knowledge.edit", scoped({ orgId, departmentId: current.departmentId }));
    if (current.status === "archived")
      throw new AppError("INVALID_TRANSITION", { details: { status: "archived", problem: "restore_first" } });
    if (baseVersion !== current.version)
      throw new AppError("EDIT_CONFLICT", { details: { currentVersion: current.version, baseVersion } });
    await checkReferences(tx, orgId, input);
    const contentChanged =
      input.title !== current.title ||
      input.body !== current.body ||
      input.tags.join("\u0000") !== current.tags.join("\u0000");
    const version = contentChanged ? current.version + 1 : current.version;
    const { note, ...fields } = input;
    await tx
      .update(knowledgeArticles)
      .set({ ...fields, ownerUserId: input.ownerUserId ?? current.ownerUserId, version, updatedAt: now })
      .where(eq(knowledgeArticles.id, articleId));
    if (contentChanged)
      await tx.insert(knowledgeArticleVersions).values({
        articleId,
        version,
        title: input.title,
        body: input.body,
        tags: input.tags,
        note,
        authorUserId: actor.userId,
        authorLabel: actor.label,
        createdAt: now,
      });
    await appendAuditEvent(tx, {
      orgId,
      actor,
      action: "knowledge_article.updated",
      target: { type: "knowledge_article", id: articleId },
      data: { version, contentChanged, departmentId: input.departmentId },
      occurredAt: now,
    });
    return { id: articleId, version };
  });
}
