// A picture an article shows (`![…](media:<id>)` in its text), for everyone who may read the article: reading
// knowledge reaches across departments, while the media library itself is for those who write posts of their
// departments. Only files the article's current text names are served.
import { and, eq } from "drizzle-orm";
import { mediaAssets } from "../../db/schema/index.js";
import { AppError } from "../../domain/errors.js";
import { mediaIdsIn } from "../../domain/knowledge/articleWorkflow.js";
import { inOrganisation } from "../../domain/policy.js";
import { type OrgActor, requireAllowed } from "../authorization.js";
import type { AppContext } from "../context.js";
import { loadArticle } from "./articleRows.js";

export async function getArticleMedium(
  ctx: AppContext,
  options: { actor: OrgActor; orgId: string; articleId: string; mediaId: string },
) {
  const { actor, orgId, articleId, mediaId } = options;
  requireAllowed(ctx, actor, "knowledge.view", inOrganisation(orgId));
  const article = await loadArticle(ctx.db, { orgId, articleId });
  if (!mediaIdsIn(article.body).includes(mediaId.toLowerCase())) throw new AppError("NOT_FOUND");
  const [row] = await ctx.db
    .select({ content: mediaAssets.content, mimeType: mediaAssets.mimeType })
    .from(mediaAssets)
    .where(and(eq(mediaAssets.id, mediaId), eq(mediaAssets.orgId, orgId)));
  if (!row) throw new AppError("NOT_FOUND");
  return { bytes: row.content, mimeType: row.mimeType };
}
