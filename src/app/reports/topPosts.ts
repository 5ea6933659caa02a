// The period's posts with the most reactions (likes, reposts and replies the networks last reported, summed
// over the post's publications in the viewer's reach), each with its counters per channel account. The posts are
// the organisation's own published content; no citizen is named. Ranked from the reaction rollups
// (topPostsRanking.ts); the ten posts' details from their publications.
import { and, gte, inArray, lt, sql } from "drizzle-orm";
import type { z } from "zod";
import type { ZPublishingReport } from "../../contract/publishingReport.js";
import { publicationMetrics as m, posts, publications as pub } from "../../db/schema/index.js";
import type { AppContext } from "../context.js";
import type { PublishingScope } from "./publishingScope.js";
import { rankPosts } from "./topPostsRanking.js";

const TOP = 10;
const TITLE_LENGTH = 90;

type TopPost = z.output<typeof ZPublishingReport>["topPosts"][number];

export async function topPosts(ctx: AppContext, scope: PublishingScope): Promise<TopPost[]> {
  const inPeriod = and(
    sql`${pub.status} = 'published'`,
    gte(pub.publishedAt, scope.start),
    lt(pub.publishedAt, scope.end),
    scope.visible,
  );
  const ranked = await rankPosts(ctx, scope, TOP);
  if (ranked.length === 0) return [];
  const ids = ranked.map((r) => r.postId);
  const rows = await ctx.db
    .select({
      postId: pub.postId,
      title: posts.title,
      body: posts.body,
      campaignId: posts.campaignId,
      channelAccountId: pub.channelAccountId,
      url: pub.externalUrl,
      publishedAt: pub.publishedAt,
      likes: sql<number>`coalesce(${m.likes}, 0)`,
      reposts: sql<number>`coalesce(${m.reposts}, 0)`,
      replies: sql<number>`coalesce(${m.replies}, 0)`,
    })
    .from(pub)
    .innerJoin(posts, sql`${posts.id} = ${pub.postId}`)
    .leftJoin(m, sql`${m.publicationId} = ${pub.id}`)
    .where(and(inPeriod, inArray(pub.postId, ids)));
  const campaignNames = new Map(scope.campaignChoices.map((c) => [c.id, c.name]));
  return ranked.map(({ postId, reactions: total }) => {
    const own = rows.filter((r) => r.postId === postId);
    const first = own[0];
    const text = (first?.title || first?.body || "").replace(/\s+/g, " ").trim();
    const published = own.map((r) => r.publishedAt?.getTime() ?? Infinity);
    return {
      postId,
      title: text.length > TITLE_LENGTH ? `${text.slice(0, TITLE_LENGTH - 1)}…` : text,
      publishedAt: new Date(Math.min(...published)),
      campaignName: first?.campaignId ? (campaignNames.get(first.campaignId) ?? null) : null,
      reactions: total,
      channels: own
        .map((r) => ({
          channelAccountId: r.channelAccountId,
          name: scope.channelNames.get(r.channelAccountId)?.name ?? "",
          network: scope.channelNames.get(r.channelAccountId)?.network ?? "",
          url: r.url,
          likes: Number(r.likes),
          reposts: Number(r.reposts),
          replies: Number(r.replies),
        }))
        .sort((a, b) => a.name.localeCompare(b.name, "de")),
    };
  });
}
