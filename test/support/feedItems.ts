// Subscribed feeds for route tests: a subscription of the organisation with one article item, as a feed of
// another installation would have brought it (written straight into the tables: the route tests exercise
// access, test/knowledge-feeds.test.ts the fetching and verifying), and adopted with a newer version waiting
// where a route needs that.
import { eq } from "drizzle-orm";
import type { AppContext } from "../../src/app/context.js";
import { adoptFeedItem } from "../../src/app/feeds/adopt-feed-item.js";
import {
  knowledgeFeedItemVersions,
  knowledgeFeedItems,
  knowledgeFeedSubscriptions,
} from "../../src/db/schema/index.js";
import { systemAdminOf } from "./factories.js";

const text = { title: "Sperrmüll anmelden", body: "Termin online.", tags: [], details: {} };

export async function buildFeedSubscription(
  ctx: AppContext,
  orgId: string,
): Promise<{ feedId: string; itemId: string }> {
  const now = ctx.clock();
  const [feed] = await ctx.db
    .insert(knowledgeFeedSubscriptions)
    .values({
      orgId,
      // Not reachable: a fetch through the route is refused (and recorded), which is all a route test needs.
      url: `https://feeds.example.invalid/${crypto.randomUUID()}`,
      fingerprint: Array.from({ length: 16 }, () => "AB12").join(" "),
      publisherName: "Landkreis Anderswo",
      title: "Bürgerservice",
      revision: 1,
      contentHash: "0".repeat(64),
      lastGoodAt: now,
      lastCheckedAt: now,
      nextCheckAt: new Date(now.getTime() + 3_600_000),
      createdAt: now,
    })
    .returning({ id: knowledgeFeedSubscriptions.id });
  if (!feed) throw new Error("subscription insert returned nothing");
  const [item] = await ctx.db
    .insert(knowledgeFeedItems)
    .values({
      subscriptionId: feed.id,
      remoteId: crypto.randomUUID(),
      kind: "article",
      version: 1,
      ...text,
      checkedAt: now,
    })
    .returning({ id: knowledgeFeedItems.id });
  if (!item) throw new Error("feed item insert returned nothing");
  await ctx.db.insert(knowledgeFeedItemVersions).values({ itemId: item.id, version: 1, ...text, receivedAt: now });
  return { feedId: feed.id, itemId: item.id };
}

/** A feed item of the organisation: "fresh" (not adopted), or "newer" (adopted into `departmentId`, version 2 waiting). */
export async function buildFeedItem(
  ctx: AppContext,
  orgId: string,
  mode: "fresh" | "newer",
  departmentId: string | null = null,
): Promise<string> {
  const { itemId } = await buildFeedSubscription(ctx, orgId);
  if (mode === "fresh") return itemId;
  await adoptFeedItem(ctx, { actor: systemAdminOf(orgId), orgId, itemId, input: { departmentId } });
  const newer = { ...text, body: "Termin online oder am Telefon." };
  await ctx.db
    .update(knowledgeFeedItems)
    .set({ version: 2, ...newer })
    .where(eq(knowledgeFeedItems.id, itemId));
  await ctx.db.insert(knowledgeFeedItemVersions).values({ itemId, version: 2, ...newer, receivedAt: ctx.clock() });
  return itemId;
}
