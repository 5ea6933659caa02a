// One item of a subscribed feed, for review before anything is adopted: its text, the versions received,
// and, when the copy is older, what changed since the adopted version (word by word).
import { desc, eq } from "drizzle-orm";
import { knowledgeFeedAdoptions, knowledgeFeedItemVersions } from "../../db/schema/index.js";
import { diffVersions } from "../../domain/knowledge/articleDiff.js";
import { authorize, inOrganisation } from "../../domain/policy.js";
import { type OrgActor, requireAllowed } from "../authorization.js";
import type { AppContext } from "../context.js";
import { copyRight, copyText } from "../sharing/adoptCopy.js";
import { loadFeedItem, presentFeedItem } from "./feedRows.js";

const sameText = (a: { title: string; body: string }, b: { title: string; body: string }) =>
  a.title === b.title && a.body === b.body;

export async function getFeedItem(ctx: AppContext, options: { actor: OrgActor; orgId: string; itemId: string }) {
  const { actor, orgId, itemId } = options;
  requireAllowed(ctx, actor, "knowledge.view", inOrganisation(orgId));
  const { item, subscription } = await loadFeedItem(ctx.db, { orgId, itemId });
  const [adoption] = await ctx.db
    .select()
    .from(knowledgeFeedAdoptions)
    .where(eq(knowledgeFeedAdoptions.itemId, itemId));
  const versions = await ctx.db
    .select()
    .from(knowledgeFeedItemVersions)
    .where(eq(knowledgeFeedItemVersions.itemId, itemId))
    .orderBy(desc(knowledgeFeedItemVersions.version));
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
  return {
    item: {
      ...presentFeedItem(item, adoption ?? null),
      body: item.body,
      tags: item.tags,
      feed: { id: subscription.id, title: subscription.title, publisherName: subscription.publisherName },
    },
    versions: versions.map((v) => ({ version: v.version, receivedAt: v.receivedAt })),
    changes,
    copyChanged,
    mayChangeCopy,
  };
}
