// An internal comment on a knowledge article (never published), by people who answer or keep knowledge (not
// read-only roles). Mentioned colleagues — any member of the organisation — are notified with a link to the article.
import { ZArticleComment } from "../../contract/knowledge.js";
import { knowledgeArticleComments, userNotifications } from "../../db/schema/index.js";
import { inOrganisation } from "../../domain/policy.js";
import { appendAuditEvent } from "../audit/auditTrail.js";
import { type OrgActor, requireAllowed } from "../authorization.js";
import type { AppContext } from "../context.js";
import { checkMentionedMembers } from "../orgRefs.js";
import { loadArticle } from "./articleRows.js";

export async function commentOnArticle(
  ctx: AppContext,
  options: { actor: OrgActor; orgId: string; articleId: string; input: unknown },
) {
  const input = ZArticleComment.parse(options.input);
  const { actor, orgId, articleId } = options;
  requireAllowed(ctx, actor, "inbox.view", inOrganisation(orgId));
  const mentioned = [...new Set(input.mentionedUserIds)];
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    await loadArticle(tx, { orgId, articleId });
    await checkMentionedMembers(tx, { orgId, userIds: mentioned });
    const [comment] = await tx
      .insert(knowledgeArticleComments)
      .values({
        articleId,
        authorUserId: actor.userId,
        authorLabel: actor.label,
        text: input.text,
        mentionedUserIds: mentioned,
        createdAt: now,
      })
      .returning({ id: knowledgeArticleComments.id });
    if (!comment) throw new Error("comment insert returned nothing");
    const others = mentioned.filter((id) => id !== actor.userId);
    if (others.length)
      await tx.insert(userNotifications).values(
        others.map((userId) => ({
          orgId,
          userId,
          kind: "article_mention" as const,
          knowledgeArticleId: articleId,
          actorLabel: actor.label,
          createdAt: now,
        })),
      );
    await appendAuditEvent(tx, {
      orgId,
      actor,
      action: "knowledge_article.commented",
      target: { type: "knowledge_article", id: articleId },
      data: { commentId: comment.id, mentioned },
      occurredAt: now,
    });
    return { id: comment.id };
  });
}
