// The live board of a campaign: how many posts are drafted, awaiting approval, queued, published or
// failed, the latest of each, the publishing rate of the last hour and who is writing. Counted over the
// posts the person may see (a participant from one department sees that department's posts only).
import { and, desc, eq } from "drizzle-orm";
import { posts, users } from "../../db/schema/index.js";
import { AppError } from "../../domain/errors.js";
import type { PostStatus } from "../../domain/postWorkflow.js";
import { inOrganisation } from "../../domain/policy.js";
import { type OrgActor, requireAllowed } from "../authorization.js";
import type { AppContext } from "../context.js";
import { postsWithinScope } from "../posts/postAccess.js";
import { findCampaign, requireFollowsCampaign } from "./campaignRecords.js";
import { excerpt } from "../../text/excerpt.js";

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
  requireAllowed(ctx, options.actor, "post.draft", inOrganisation(options.orgId));
  const campaign = await findCampaign(ctx.db, options);
  if (!campaign) throw new AppError("NOT_FOUND");
  await requireFollowsCampaign(ctx, { actor: options.actor, campaign, action: "post.draft" });
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
    .where(
      and(eq(posts.orgId, options.orgId), eq(posts.campaignId, campaign.id), postsWithinScope(ctx.db, options.actor)),
    )
    .orderBy(desc(posts.updatedAt));
  const now = ctx.clock().getTime();
  const columns = COLUMNS.map((status) => {
    const inColumn = rows.filter((r) => r.status === status);
    return {
      status,
      count: inColumn.length,
      latest: inColumn.slice(0, 20).map(({ body, ...r }) => ({ ...r, excerpt: excerpt(body, 140) })),
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
