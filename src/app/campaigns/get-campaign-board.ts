// The live board of a campaign: how many posts are drafted, awaiting approval, queued, published or
// failed, the latest of each, the publishing rate of the last hour and who is writing.
import { and, desc, eq } from "drizzle-orm";
import { posts, users } from "../../db/schema/index.js";
import type { PostStatus } from "../../domain/postWorkflow.js";
import { type OrgActor, requireAllowed } from "../authorization.js";
import type { AppContext } from "../context.js";
import { loadCampaign } from "./campaignRecords.js";

const COLUMNS: PostStatus[] = [
  "draft",
  "changes_requested",
  "in_review",
  "scheduled",
  "published",
  "failed",
  "rejected",
];

export async function getCampaignBoard(
  ctx: AppContext,
  options: { actor: OrgActor; orgId: string; campaignId: string },
) {
  requireAllowed(ctx, options.actor, "post.draft", { orgId: options.orgId });
  const campaign = await loadCampaign(ctx.db, options).catch(() => null);
  if (!campaign) return null;
  const rows = await ctx.db
    .select({
      id: posts.id,
      title: posts.title,
      body: posts.body,
      status: posts.status,
      contentType: posts.contentType,
      scheduledAt: posts.scheduledAt,
      publishedAt: posts.publishedAt,
      updatedAt: posts.updatedAt,
      authorName: users.name,
    })
    .from(posts)
    .innerJoin(users, eq(users.id, posts.authorUserId))
    .where(and(eq(posts.orgId, options.orgId), eq(posts.campaignId, campaign.id)))
    .orderBy(desc(posts.updatedAt));
  const now = ctx.clock().getTime();
  const columns = COLUMNS.map((status) => {
    const inColumn = rows.filter((r) => r.status === status);
    return {
      status,
      count: inColumn.length,
      latest: inColumn.slice(0, 20).map(({ body, ...r }) => ({ ...r, excerpt: body.slice(0, 140) })),
    };
  });
  const authors = new Map<string, number>();
  for (const r of rows) authors.set(r.authorName, (authors.get(r.authorName) ?? 0) + 1);
  return {
    campaign,
    total: rows.length,
    fastLane: rows.filter((r) => r.contentType === "campaign_template").length,
    publishedLastHour: rows.filter((r) => r.publishedAt && now - r.publishedAt.getTime() < 3_600_000).length,
    columns,
    authors: [...authors.entries()].map(([name, count]) => ({ name, count })).sort((a, b) => b.count - a.count),
  };
}
