// Which posts of the period had the most reactions (app/reports/topPosts.ts): the sum of the counters of each post's
// publications that went out in the period and are in the viewer's reach, the ten highest (ties: the later post).
// A viewer whose channel accounts are not limited sees every publication of a post: a post wholly inside the
// period ranks by its whole sum (post_reactions), read from the top of the ranking index until ten are found; the
// few posts out at more than one instant whose span crosses an edge of the period are summed from their
// publications (publication_reactions). Otherwise, or a limited viewer, the period's publications in reach are
// summed per post. Both give what publications ⋈ publication_metrics gives (test/publishing-report*.test.ts).
import { type SQL, and, desc, eq, gte, inArray, lt, sql } from "drizzle-orm";
import { postReactions as pr, publicationReactions as r } from "../../db/schema/index.js";
import type { AppContext } from "../context.js";
import type { PublishingScope } from "./publishingScope.js";

export interface Ranked {
  postId: string;
  reactions: number;
  /** When the latest of its counted publications went out (the tie-break). */
  latest: Date | null;
}

export async function rankPosts(ctx: AppContext, scope: PublishingScope, top: number): Promise<Ranked[]> {
  if (scope.channelLimited) return sumPublications(ctx, scope, top, undefined);
  const inside = ctx.db
    .select({ postId: pr.postId, reactions: pr.reactions, latest: pr.lastReadPublishedAt })
    .from(pr)
    .where(
      and(
        eq(pr.orgId, scope.orgId),
        sql`${pr.reactions} > 0`,
        gte(pr.firstPublishedAt, scope.start),
        lt(pr.lastPublishedAt, scope.end),
        scope.visiblePostReactions,
      ),
    )
    .orderBy(desc(pr.reactions), desc(pr.lastReadPublishedAt))
    .limit(top);
  const acrossEdges = ctx.db
    .select({ postId: pr.postId })
    .from(pr)
    .where(
      and(
        eq(pr.orgId, scope.orgId),
        sql`${pr.firstPublishedAt} <> ${pr.lastPublishedAt}`,
        lt(pr.firstPublishedAt, scope.end),
        gte(pr.lastPublishedAt, scope.start),
        sql`not (${pr.firstPublishedAt} >= ${scope.start.toISOString()}::timestamptz
                 and ${pr.lastPublishedAt} < ${scope.end.toISOString()}::timestamptz)`,
        scope.visiblePostReactions,
      ),
    );
  const [whole, edges] = await Promise.all([inside, acrossEdges]);
  const partial = edges.length
    ? await sumPublications(
        ctx,
        scope,
        top,
        inArray(
          r.postId,
          edges.map((e) => e.postId),
        ),
      )
    : [];
  return [...whole.map((w) => ({ ...w, reactions: Number(w.reactions) })), ...partial]
    .sort((a, b) => b.reactions - a.reactions || (b.latest?.getTime() ?? 0) - (a.latest?.getTime() ?? 0))
    .slice(0, top);
}

/** The period's publications in reach (of the posts given, or all) summed per post. */
async function sumPublications(
  ctx: AppContext,
  scope: PublishingScope,
  top: number,
  ofPosts: SQL | undefined,
): Promise<Ranked[]> {
  // A publication without a reading yet (reactions null) neither adds nor dates the post, as in a join with
  // publication_metrics.
  const reactions = sql<number>`sum(${r.reactions})::int`;
  const latest = sql<Date | string | null>`max(${r.publishedAt}) filter (where ${r.reactions} is not null)`;
  const rows = await ctx.db
    .select({ postId: r.postId, reactions, latest })
    .from(r)
    .where(
      and(
        eq(r.orgId, scope.orgId),
        gte(r.publishedAt, scope.start),
        lt(r.publishedAt, scope.end),
        scope.visibleReactions,
        ofPosts,
      ),
    )
    .groupBy(r.postId)
    .having(sql`sum(${r.reactions}) > 0`)
    .orderBy(desc(reactions), desc(latest))
    .limit(top);
  return rows.map((row) => ({
    postId: row.postId,
    reactions: Number(row.reactions),
    latest: row.latest === null ? null : new Date(row.latest),
  }));
}
