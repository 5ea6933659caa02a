// The feeds of other installations an organisation subscribes to, and one with its items as last verified.
import { and, asc, count, desc, eq, inArray, isNull } from "drizzle-orm";
import { knowledgeFeedAdoptions, knowledgeFeedItems, knowledgeFeedSubscriptions } from "../../db/schema/index.js";
import { authorize, inOrganisation, organisationWide } from "../../domain/policy.js";
import { type OrgActor, requireAllowed } from "../authorization.js";
import type { AppContext } from "../context.js";
import { loadSubscription, presentFeedItem, presentSubscription, updatesBySubscription } from "./feedRows.js";

const s = knowledgeFeedSubscriptions;

const mayManage = (ctx: AppContext, actor: OrgActor, orgId: string) =>
  authorize({ actor, action: "knowledge.share", resource: organisationWide(orgId), now: ctx.clock() }).allowed;

export async function listFeeds(ctx: AppContext, options: { actor: OrgActor; orgId: string }) {
  const { actor, orgId } = options;
  requireAllowed(ctx, actor, "knowledge.view", inOrganisation(orgId));
  const rows = await ctx.db
    .select()
    .from(s)
    .where(and(eq(s.orgId, orgId), isNull(s.cancelledAt)))
    .orderBy(asc(s.title));
  const ids = rows.map((r) => r.id);
  const itemCounts =
    ids.length === 0
      ? []
      : await ctx.db
          .select({ subscriptionId: knowledgeFeedItems.subscriptionId, n: count() })
          .from(knowledgeFeedItems)
          .where(and(inArray(knowledgeFeedItems.subscriptionId, ids), isNull(knowledgeFeedItems.withdrawnAt)))
          .groupBy(knowledgeFeedItems.subscriptionId);
  const items = new Map(itemCounts.map((r) => [r.subscriptionId, r.n]));
  const updates = await updatesBySubscription(ctx.db, orgId);
  return {
    feeds: rows.map((row) =>
      presentSubscription(row, { itemCount: items.get(row.id) ?? 0, updatesAvailable: updates.get(row.id) ?? 0 }),
    ),
    mayManage: mayManage(ctx, actor, orgId),
  };
}

export async function getFeed(ctx: AppContext, options: { actor: OrgActor; orgId: string; feedId: string }) {
  const { actor, orgId } = options;
  requireAllowed(ctx, actor, "knowledge.view", inOrganisation(orgId));
  const subscription = await loadSubscription(ctx.db, options);
  const rows = await ctx.db
    .select({ item: knowledgeFeedItems, adoption: knowledgeFeedAdoptions })
    .from(knowledgeFeedItems)
    .leftJoin(knowledgeFeedAdoptions, eq(knowledgeFeedAdoptions.itemId, knowledgeFeedItems.id))
    .where(eq(knowledgeFeedItems.subscriptionId, subscription.id))
    // Items still in the feed first, then those the publisher took out.
    .orderBy(desc(isNull(knowledgeFeedItems.withdrawnAt)), asc(knowledgeFeedItems.kind), asc(knowledgeFeedItems.title));
  const items = rows.map((r) => presentFeedItem(r.item, r.adoption));
  return {
    feed: presentSubscription(subscription, {
      itemCount: items.filter((i) => !i.withdrawnAt).length,
      updatesAvailable: items.filter((i) => i.updateAvailable).length,
    }),
    items,
    mayManage: mayManage(ctx, actor, orgId),
  };
}
