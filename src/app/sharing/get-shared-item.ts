// One shared item: its text, whose it is and when last checked, its versions, and, for an organisation
// whose copy is older, what changed since the version it adopted (word by word).
import { and, count, desc, eq } from "drizzle-orm";
import { knowledgeAdoptions, knowledgeSharedItemVersions } from "../../db/schema/index.js";
import { diffVersions } from "../../domain/knowledge/articleDiff.js";
import { AppError } from "../../domain/errors.js";
import { authorize, inOrganisation } from "../../domain/policy.js";
import { type OrgActor, requireAllowed } from "../authorization.js";
import type { AppContext } from "../context.js";
import { copyRight, copyText } from "./adoptCopy.js";
import { presentItem } from "./presentItem.js";
import { loadVisibleItem } from "./sharingRows.js";
import { sameContent, sourceSnapshot } from "./sourceSnapshot.js";

const sameText = (a: { title: string; body: string }, b: { title: string; body: string }) =>
  a.title === b.title && a.body === b.body;

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

  // A newer version than the copy's (offered, or left earlier and still open to take): what changed since, whether
  // the copy was changed here since it was taken (taking the new version replaces that), and whether this person
  // may change the copy.
  let changes = null;
  let copyChanged = false;
  let mayChangeCopy = false;
  if (adoption && item.version > adoption.adoptedVersion) {
    const before = versions.find((v) => v.version === adoption.adoptedVersion);
    if (before) changes = { from: before.version, to: item.version, ...diffVersions(before, item) };
    const copy = await copyText(ctx.db, { orgId, kind: item.kind, targetId: adoption.targetId });
    copyChanged = before !== undefined && copy !== null && !sameText(copy, before);
    const [action, resource] = await copyRight(ctx.db, { orgId, kind: item.kind, targetId: adoption.targetId });
    mayChangeCopy = authorize({ actor, action, resource, now: ctx.clock() }).allowed;
  }
  let sourceChanged = false;
  if (own && !item.withdrawnAt) {
    sourceChanged = await sourceSnapshot(ctx.db, { orgId, kind: item.kind, sourceId: item.sourceId })
      .then((now) => !sameContent(now, item))
      .catch((error: unknown) => {
        if (error instanceof AppError) return true;
        throw error;
      });
  }
  return {
    item: {
      ...presentItem(item, { adoption: adoption ?? null, adoptionCount: adopters?.n ?? 0, sourceChanged, own }),
      body: item.body,
      tags: item.tags,
      collection: { id: collection.id, title: collection.title },
      publisher: { id: collection.orgId, name: publisherName },
      own,
    },
    versions: versions.map((v) => ({
      version: v.version,
      sharedAt: v.sharedAt,
      personalDataOverride: own ? (v.personalDataOverride?.reason ?? null) : null,
    })),
    changes,
    copyChanged,
    mayChangeCopy,
  };
}
