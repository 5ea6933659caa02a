// What changed between two versions of an article (word by word), for its history and, later, for updates
// of adopted articles.
import { and, eq, inArray } from "drizzle-orm";
import { knowledgeArticleVersions } from "../../db/schema/index.js";
import { AppError } from "../../domain/errors.js";
import { diffVersions } from "../../domain/knowledge/articleDiff.js";
import { inOrganisation } from "../../domain/policy.js";
import { type OrgActor, requireAllowed } from "../authorization.js";
import type { AppContext } from "../context.js";
import { loadArticle } from "./articleRows.js";

export async function diffArticleVersions(
  ctx: AppContext,
  options: { actor: OrgActor; orgId: string; articleId: string; from: number; to: number },
) {
  const { actor, orgId, articleId, from, to } = options;
  requireAllowed(ctx, actor, "knowledge.view", inOrganisation(orgId));
  await loadArticle(ctx.db, { orgId, articleId });
  const rows = await ctx.db
    .select()
    .from(knowledgeArticleVersions)
    .where(
      and(eq(knowledgeArticleVersions.articleId, articleId), inArray(knowledgeArticleVersions.version, [from, to])),
    );
  const before = rows.find((v) => v.version === from);
  const after = rows.find((v) => v.version === to);
  if (!before || !after) throw new AppError("NOT_FOUND", { details: { problem: "unknown_version" } });
  return { from, to, ...diffVersions(before, after) };
}
