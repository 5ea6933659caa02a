// One shared item: its text, whose it is and when last checked, its versions, and, for an organisation
// whose copy is older, what changed since the version it adopted (word by word).
import { and, count, desc, eq, inArray } from "drizzle-orm";
import { knowledgeAdoptions, knowledgeSharedItemVersions } from "../../db/schema/index.js";
import { diffVersions } from "../../domain/knowledge/articleDiff.js";
import { inOrganisation } from "../../domain/policy.js";
import { type OrgActor, requireAllowed } from "../authorization.js";
import type { AppContext } from "../context.js";
import { presentItem, updateAvailable } from "./presentItem.js";
import { loadVisibleItem } from "./sharingRows.js";
import { sameContent, sourceSnapshot } from "./sourceSnapshot.js";

export async function getSharedItem(ctx: AppContext, options: { actor: OrgActor; orgId: string; itemId: string }) {
  const { actor, orgId, itemId } = options;
  requireAllowed(ctx, actor, "knowledge.view", inOrganisation(orgId));
  const { item, collection, publisherName, own } = await loadVisibleItem(ctx.db, { orgId, itemId });
  const [adoption] = await ctx.db
    .select()
    .from(knowledgeAdoptions)
    .where(and(eq(knowledgeAdoptions.itemId, itemId), eq(knowledgeAdoptions.orgId, orgId)));
  const [adopters] = own
    ? await ctx.db.select({ n: count() }).from(knowledgeAdoptions).where(eq(knowledgeAdoptions.itemId, itemId))
    : [];
  const versions = await ctx.db
    .select()
    .from(knowledgeSharedItemVersions)
    .where(eq(knowledgeSharedItemVersions.itemId, itemId))
    .orderBy(desc(knowledgeSharedItemVersions.version));

  let changes = null;
  if (adoption && updateAvailable(item, adoption)) {
    const [before] = await ctx.db
      .select()
      .from(knowledgeSharedItemVersions)
      .where(
        and(
          eq(knowledgeSharedItemVersions.itemId, itemId),
          inArray(knowledgeSharedItemVersions.version, [adoption.adoptedVersion]),
        ),
      );
    if (before) changes = { from: before.version, to: item.version, ...diffVersions(before, item) };
  }
  let sourceChanged = false;
  if (own && !item.withdrawnAt) {
    sourceChanged = await sourceSnapshot(ctx.db, { orgId, kind: item.kind, sourceId: item.sourceId })
      .then((now) => !sameContent(now, item))
      .catch(() => true);
  }
  return {
    item: {
      ...presentItem(item, { adoption: adoption ?? null, adoptionCount: adopters?.n ?? 0, sourceChanged }),
      body: item.body,
      tags: item.tags,
      collection: { id: collection.id, title: collection.title },
      publisher: { id: collection.orgId, name: publisherName },
      own,
      sourceId: own ? item.sourceId : null,
    },
    versions: versions.map((v) => ({
      version: v.version,
      sharedAt: v.sharedAt,
      personalDataOverride: own ? (v.personalDataOverride?.reason ?? null) : null,
    })),
    changes,
  };
}
