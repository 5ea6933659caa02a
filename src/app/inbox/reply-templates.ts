// Reply templates (Textbausteine): listed for everyone who answers, written by people who keep the
// knowledge base (knowledge.edit), archived rather than deleted so replies keep their reference. A template
// of a department is that department's; one of no department is shared by the whole organisation: read
// by all, changed only with a grant not limited to departments (policy.sharedReference).
import { and, asc, eq, isNull } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.js";
import {
  knowledgeAdoptions,
  knowledgeCollections,
  knowledgeFeedAdoptions,
  knowledgeFeedItems,
  knowledgeFeedSubscriptions,
  knowledgeSharedItems,
  organisations,
  replyTemplates,
} from "../../db/schema/index.js";
import { AppError } from "../../domain/errors.js";
import { PLACEHOLDERS, ZReplyTemplate } from "../../domain/replyTemplates.js";
import { appendAuditEvent } from "../audit/auditTrail.js";
import { inOrganisation, scoped } from "../../domain/policy.js";
import { type OrgActor, requireAllowed } from "../authorization.js";
import type { AppContext } from "../context.js";
import { checkOrgRefs } from "../orgRefs.js";
import { departmentWithin } from "../scope.js";
import { loadArticle } from "../knowledge/articleRows.js";

/** A template may cite only an article of its organisation. */
function unknownArticle(error: unknown): never {
  if (error instanceof AppError && error.code === "NOT_FOUND")
    throw new AppError("VALIDATION_FAILED", { details: { field: "articleId", problem: "unknown_article" } });
  throw error;
}

export async function listReplyTemplates(ctx: AppContext, options: { actor: OrgActor; orgId: string }) {
  requireAllowed(ctx, options.actor, "knowledge.view", inOrganisation(options.orgId));
  // A template adopted from another organisation's collection names its origin (as an adopted article does).
  const rows = await ctx.db
    .select({
      template: replyTemplates,
      originItemId: knowledgeSharedItems.id,
      originName: organisations.name,
      feedItemId: knowledgeFeedItems.id,
      feedPublisher: knowledgeFeedSubscriptions.publisherName,
    })
    .from(replyTemplates)
    .leftJoin(
      knowledgeAdoptions,
      and(eq(knowledgeAdoptions.orgId, replyTemplates.orgId), eq(knowledgeAdoptions.targetId, replyTemplates.id)),
    )
    .leftJoin(knowledgeSharedItems, eq(knowledgeSharedItems.id, knowledgeAdoptions.itemId))
    .leftJoin(knowledgeCollections, eq(knowledgeCollections.id, knowledgeSharedItems.collectionId))
    .leftJoin(organisations, eq(organisations.id, knowledgeCollections.orgId))
    .leftJoin(
      knowledgeFeedAdoptions,
      and(
        eq(knowledgeFeedAdoptions.orgId, replyTemplates.orgId),
        eq(knowledgeFeedAdoptions.targetId, replyTemplates.id),
      ),
    )
    .leftJoin(knowledgeFeedItems, eq(knowledgeFeedItems.id, knowledgeFeedAdoptions.itemId))
    .leftJoin(knowledgeFeedSubscriptions, eq(knowledgeFeedSubscriptions.id, knowledgeFeedItems.subscriptionId))
    .where(
      and(
        eq(replyTemplates.orgId, options.orgId),
        isNull(replyTemplates.archivedAt),
        departmentWithin(options.actor, replyTemplates.departmentId, "shared"),
      ),
    )
    .orderBy(asc(replyTemplates.title));
  return {
    placeholders: PLACEHOLDERS,
    templates: rows.map(({ template: t, originItemId, originName, feedItemId, feedPublisher }) => ({
      id: t.id,
      title: t.title,
      body: t.body,
      departmentId: t.departmentId,
      tags: t.tags,
      articleId: t.articleId,
      origin:
        originItemId && originName
          ? { itemId: originItemId, publisherName: originName, via: "installation" as const }
          : feedItemId && feedPublisher
            ? { itemId: feedItemId, publisherName: feedPublisher, via: "feed" as const }
            : null,
      updatedAt: t.updatedAt.toISOString(),
    })),
  };
}

const templateResource = (orgId: string, departmentId: string | null) => scoped({ orgId, departmentId });

/** A template in use (not archived) of the organisation. */
export async function loadTemplate(db: Db | Tx, args: { orgId: string; templateId: string }) {
  const [row] = await db
    .select()
    .from(replyTemplates)
    .where(
      and(
        eq(replyTemplates.id, args.templateId),
        eq(replyTemplates.orgId, args.orgId),
        isNull(replyTemplates.archivedAt),
      ),
    );
  if (!row) throw new AppError("NOT_FOUND");
  return row;
}

export async function saveReplyTemplate(
  ctx: AppContext,
  options: { actor: OrgActor; orgId: string; templateId: string | null; input: unknown },
) {
  const input = ZReplyTemplate.parse(options.input);
  requireAllowed(ctx, options.actor, "knowledge.edit", templateResource(options.orgId, input.departmentId));
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    await checkOrgRefs(tx, { orgId: options.orgId, departmentId: input.departmentId });
    if (input.articleId)
      await loadArticle(tx, { orgId: options.orgId, articleId: input.articleId }).catch(unknownArticle);
    let id = options.templateId;
    if (id) {
      const current = await loadTemplate(tx, { orgId: options.orgId, templateId: id });
      requireAllowed(ctx, options.actor, "knowledge.edit", templateResource(options.orgId, current.departmentId));
      const [updated] = await tx
        .update(replyTemplates)
        .set({ ...input, updatedAt: now })
        .where(
          and(eq(replyTemplates.id, id), eq(replyTemplates.orgId, options.orgId), isNull(replyTemplates.archivedAt)),
        )
        .returning({ id: replyTemplates.id });
      if (!updated) throw new AppError("NOT_FOUND");
    } else {
      const [created] = await tx
        .insert(replyTemplates)
        .values({ orgId: options.orgId, ...input, createdByUserId: options.actor.userId, updatedAt: now })
        .returning({ id: replyTemplates.id });
      if (!created) throw new Error("template insert returned nothing");
      id = created.id;
    }
    await appendAuditEvent(tx, {
      orgId: options.orgId,
      actor: options.actor,
      action: options.templateId ? "reply_template.updated" : "reply_template.created",
      target: { type: "reply_template", id },
      data: { title: input.title },
      occurredAt: now,
    });
    return { id };
  });
}

export async function archiveReplyTemplate(
  ctx: AppContext,
  options: { actor: OrgActor; orgId: string; templateId: string },
) {
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const current = await loadTemplate(tx, options);
    requireAllowed(ctx, options.actor, "knowledge.edit", templateResource(options.orgId, current.departmentId));
    const [archived] = await tx
      .update(replyTemplates)
      .set({ archivedAt: now })
      .where(
        and(
          eq(replyTemplates.id, options.templateId),
          eq(replyTemplates.orgId, options.orgId),
          isNull(replyTemplates.archivedAt),
        ),
      )
      .returning({ id: replyTemplates.id });
    if (!archived) throw new AppError("NOT_FOUND");
    await appendAuditEvent(tx, {
      orgId: options.orgId,
      actor: options.actor,
      action: "reply_template.archived",
      target: { type: "reply_template", id: archived.id },
      occurredAt: now,
    });
    return { id: archived.id };
  });
}
