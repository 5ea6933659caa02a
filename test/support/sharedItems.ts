// Shared knowledge for route tests: a collection of the organisation, and shared items as a route needs
// them — its own, one another organisation offers it, or one it adopted that has a newer version waiting.
import type { AppContext } from "../../src/app/context.js";
import { changeArticleStatus } from "../../src/app/knowledge/change-article-status.js";
import { loadArticle } from "../../src/app/knowledge/articleRows.js";
import { createArticle } from "../../src/app/knowledge/create-article.js";
import { updateArticle } from "../../src/app/knowledge/update-article.js";
import { adoptSharedItem } from "../../src/app/sharing/adopt-shared-item.js";
import { saveCollection } from "../../src/app/sharing/save-collection.js";
import { shareItem } from "../../src/app/sharing/share-item.js";
import { buildOrg, systemAdminOf } from "./factories.js";

const article = { title: "Sperrmüll anmelden", body: "Termin online.", reviewBy: "2030-01-01" };

export async function buildCollection(ctx: AppContext, orgId: string, receivers: string[] | "all" = "all") {
  const input =
    receivers === "all"
      ? { title: "Geteilt", audience: "all" }
      : { title: "Geteilt", audience: "chosen", receiverOrgIds: receivers };
  return (await saveCollection(ctx, { actor: systemAdminOf(orgId), orgId, collectionId: null, input })).id;
}

/**
 * A shared item for `orgId`: "own" in its own collection; "offered" by another organisation's collection
 * shared with it; "newer": offered, adopted into `departmentId`, and shared again with a changed text.
 */
export async function buildSharedItem(
  ctx: AppContext,
  orgId: string,
  mode: "own" | "offered" | "newer",
  departmentId: string | null = null,
): Promise<string> {
  const publisher = mode === "own" ? orgId : (await buildOrg(ctx)).id;
  const actor = systemAdminOf(publisher);
  const { id: articleId } = await createArticle(ctx, { actor, orgId: publisher, input: article });
  await changeArticleStatus(ctx, { actor, orgId: publisher, articleId, input: { step: "publish" } });
  const collectionId = await buildCollection(ctx, publisher, mode === "own" ? "all" : [orgId]);
  const share = () =>
    shareItem(ctx, { actor, orgId: publisher, collectionId, input: { kind: "article", sourceId: articleId } });
  const { id } = await share();
  if (mode !== "newer") return id;
  await adoptSharedItem(ctx, { actor: systemAdminOf(orgId), orgId, itemId: id, input: { departmentId } });
  await updateArticle(ctx, {
    actor,
    orgId: publisher,
    articleId,
    input: {
      ...article,
      body: "Termin online oder am Telefon.",
      revision: (await loadArticle(ctx.db, { orgId: publisher, articleId })).revision,
    },
  });
  await share();
  return id;
}
