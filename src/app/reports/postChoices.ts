// What the campaign and post filters of Stimmung, Themen and Antwortzeiten offer the viewer: their campaigns that
// published something (with their days, for a page to offer a short campaign's own days), and the posts within their reach that drew reactions in the period, most first (and any
// chosen, so the filter can show it).
import { and, between, desc, eq, inArray, isNotNull, sql } from "drizzle-orm";
import type { z } from "zod";
import type { moodByPostParts } from "../../contract/moodByPost.js";
import { campaigns, postDailyRollups, posts } from "../../db/schema/index.js";
import { splitHeadline } from "../../domain/website/postHeadline.js";
import type { OrgActor } from "../authorization.js";
import { campaignsWithinScope } from "../campaigns/campaignRecords.js";
import type { AppContext } from "../context.js";
import { postsWithinScope } from "../posts/postAccess.js";
import type { ReportScope } from "./reportScope.js";

export type PostChoices = z.input<typeof moodByPostParts.postChoices>;
const POST_CHOICES = 100;

/** A post's title in draht, else its first line. */
export const titleOf = (p: { title: string; body: string }) => p.title.trim() || splitHeadline(p.body).headline;

/** A post that drew reactions in the period, within the viewer's reach: its reactions and publication. */
export interface ReactedPost {
  id: string;
  messages: number;
  publishedAt: Date | null;
}

/**
 * The viewer's campaigns, and the posts that drew reactions in the period (and any chosen, so the filter can show
 * them). `reacted`: those posts, when the caller has summed them already (Stimmung without a post filter).
 */
export async function postChoicesOf(
  ctx: AppContext,
  actor: OrgActor,
  scope: ReportScope,
  reacted?: readonly ReactedPost[],
): Promise<PostChoices> {
  const chosen = scope.postFilter.postIds ?? [];
  const [campaignRows, postRows] = await Promise.all([
    campaignChoices(ctx, actor, scope),
    reacted ? mostReactedOf(ctx, scope, reacted) : mostReacted(ctx, actor, scope),
  ]);
  const missing = chosen.filter((id) => !postRows.some((p) => p.id === id));
  const extra = missing.length
    ? await ctx.db
        .select({ id: posts.id, title: posts.title, body: posts.body, publishedAt: posts.publishedAt })
        .from(posts)
        .where(and(eq(posts.orgId, scope.orgId), inArray(posts.id, missing), postsWithinScope(ctx.db, actor)))
    : [];
  return {
    campaigns: campaignRows,
    posts: [...postRows, ...extra].map((p) => ({
      id: p.id,
      title: titleOf(p),
      publishedAt: p.publishedAt?.toISOString() ?? null,
    })),
  };
}

function campaignChoices(ctx: AppContext, actor: OrgActor, scope: ReportScope) {
  return ctx.db
    .select({
      id: campaigns.id,
      name: campaigns.name,
      // Its days in the organisation's zone (an end at midnight is the day before's), so a page can offer them.
      firstDay: sql<string>`((${campaigns.startsAt} at time zone ${scope.timeZone})::date)::text`,
      lastDay: sql<string>`(greatest(${campaigns.startsAt}, ${campaigns.endsAt} - interval '1 millisecond') at time zone ${scope.timeZone})::date::text`,
    })
    .from(campaigns)
    .where(
      and(
        eq(campaigns.orgId, scope.orgId),
        campaignsWithinScope(ctx.db, actor),
        // A campaign that published nothing yet has no reactions to show (a planned one is not a filter).
        sql`exists (select 1 from ${posts} where ${posts.campaignId} = ${campaigns.id} and ${posts.publishedAt} is not null)`,
      ),
    )
    .orderBy(desc(campaigns.startsAt))
    .limit(50);
}

/**
 * The posts that drew reactions in the period, most first: a year of a busy press office holds thousands of
 * posts (a marathon alone hundreds), and the latest ones are not the ones people ask about.
 */
function mostReacted(ctx: AppContext, actor: OrgActor, scope: ReportScope) {
  const r = postDailyRollups;
  const reacted = ctx.db
    .select({ postId: r.postId, messages: sql<number>`sum(${r.messages})`.as("messages") })
    .from(r)
    .where(and(scope.within(r), between(r.day, scope.period.from, scope.period.to)))
    .groupBy(r.postId)
    .as("reacted");
  return ctx.db
    .select({ id: posts.id, title: posts.title, body: posts.body, publishedAt: posts.publishedAt })
    .from(posts)
    .innerJoin(reacted, eq(reacted.postId, posts.id))
    .where(and(eq(posts.orgId, scope.orgId), isNotNull(posts.publishedAt), postsWithinScope(ctx.db, actor)))
    .orderBy(desc(reacted.messages), desc(posts.publishedAt))
    .limit(POST_CHOICES);
}

/** The same order from posts summed already (within the viewer's reach): only the first ones' titles are read. */
async function mostReactedOf(ctx: AppContext, scope: ReportScope, reacted: readonly ReactedPost[]) {
  const first = reacted
    .filter((p) => p.publishedAt !== null)
    .sort((a, b) => b.messages - a.messages || (b.publishedAt?.getTime() ?? 0) - (a.publishedAt?.getTime() ?? 0))
    .slice(0, POST_CHOICES);
  if (first.length === 0) return [];
  const rows = await ctx.db
    .select({ id: posts.id, title: posts.title, body: posts.body, publishedAt: posts.publishedAt })
    .from(posts)
    .where(
      and(eq(posts.orgId, scope.orgId), sql`${posts.id} = any(${`{${first.map((p) => p.id).join(",")}}`}::uuid[])`),
    );
  const byId = new Map(rows.map((row) => [row.id, row]));
  return first.flatMap((p) => byId.get(p.id) ?? []);
}
