// The Stimmung report by post and by key term: the posts that drew the most reactions, the posts with the most
// negative and the most positive reactions (domain/reports/postMoodRanking.ts), the chosen key terms with
// their moods, and what the campaign and post filters offer. Read from post_daily_rollups and
// topic_daily_rollups within the viewer's scope and filters, never from the messages.
import { type AnyColumn, and, desc, eq, inArray, isNotNull, sql } from "drizzle-orm";
import type { z } from "zod";
import type { ZPostMood, ZTopicMood, moodByPostParts } from "../../contract/moodByPost.js";
import { postDailyRollups, posts, publications, topicDailyRollups } from "../../db/schema/index.js";
import { MIN_REACTIONS, rankPostsByMood } from "../../domain/reports/postMoodRanking.js";
import { SMALL_COUNT } from "../../domain/reports/smallCounts.js";
import type { OrgActor } from "../authorization.js";
import type { AppContext } from "../context.js";
import type { MoodBasis } from "./moodSources.js";
import { postsWithinScope } from "../posts/postAccess.js";
import { postChoicesOf, titleOf } from "./postChoices.js";
import type { ReportScope } from "./reportScope.js";

type Parts = { [K in keyof typeof moodByPostParts]: z.input<(typeof moodByPostParts)[K]> };
type PostMood = z.input<typeof ZPostMood>;
type TopicMood = z.input<typeof ZTopicMood>;
const TOP_POSTS = 20;

/** Sums of the current period and the one before, as SQL over a rollup's columns. */
function periodSums(scope: ReportScope, r: typeof postDailyRollups | typeof topicDailyRollups) {
  const { from } = scope.period;
  const current = (c: AnyColumn) => sql<number>`coalesce(sum(${c}) filter (where ${r.day} >= ${from}), 0)::int`;
  const previous = (c: AnyColumn) => sql<number>`coalesce(sum(${c}) filter (where ${r.day} < ${from}), 0)::int`;
  return {
    messages: current(r.messages),
    negative: current(r.negative),
    neutral: current(r.neutral),
    positive: current(r.positive),
    questions: current(r.questions),
    pMessages: previous(r.messages),
    pNegative: previous(r.negative),
    pNeutral: previous(r.neutral),
    pPositive: previous(r.positive),
    pQuestions: previous(r.questions),
  };
}

type Sums = { [K in keyof ReturnType<typeof periodSums>]: number };
const tallies = (s: Sums) => ({
  current: {
    messages: s.messages,
    negative: s.negative,
    neutral: s.neutral,
    positive: s.positive,
    questions: s.questions,
  },
  previous: {
    messages: s.pMessages,
    negative: s.pNegative,
    neutral: s.pNeutral,
    positive: s.pPositive,
    questions: s.pQuestions,
  },
});

export async function moodByPostAndTopic(
  ctx: AppContext,
  args: { actor: OrgActor; scope: ReportScope; basis: MoodBasis; mayReadInbox: boolean },
): Promise<Parts> {
  const { scope, basis } = args;
  const byPostsRead = basis === "topics" ? Promise.resolve(null) : postsOf(ctx, args.actor, scope);
  const [byPosts, byTopic, postChoices] = await Promise.all([
    byPostsRead,
    scope.postFilter.topics
      ? topicsOf(ctx, scope, { topics: scope.postFilter.topics, mayReadInbox: args.mayReadInbox })
      : null,
    // Without a filter the posts just summed are the filter's choices too: the same rows, read once.
    basis === "messages"
      ? byPostsRead.then((read) => postChoicesOf(ctx, args.actor, scope, read?.reacted))
      : postChoicesOf(ctx, args.actor, scope),
  ]);
  return {
    basis,
    byPost: byPosts?.byPost ?? null,
    byTopic,
    mostNegativePosts: byPosts?.mostNegative ?? null,
    mostPositivePosts: byPosts?.mostPositive ?? null,
    minimumReactions: MIN_REACTIONS,
    postChoices,
  };
}

/**
 * The posts ranked by their reactions in the viewer's scope. A post itself is shown only to people who may see
 * it (postsWithinScope): a reaction routed to a person's department may answer another department's post, whose
 * title and channels are not theirs to read; the reaction still counts in their totals. `reacted`: the posts
 * within reach with a rollup row in the period (the filter's choices, postChoices.ts).
 */
async function postsOf(ctx: AppContext, actor: OrgActor, scope: ReportScope) {
  const r = postDailyRollups;
  const sums = periodSums(scope, r);
  const visible = postsWithinScope(ctx.db, actor);
  const rows = await ctx.db
    .select({
      postId: r.postId,
      publishedAt: posts.publishedAt,
      daysNow: sql<number>`count(*) filter (where ${r.day} >= ${scope.period.from})::int`,
      ...sums,
    })
    .from(r)
    // A post deleted since keeps its reactions (for those who see every post).
    .leftJoin(posts, and(eq(posts.id, r.postId), eq(posts.orgId, scope.orgId)))
    .where(and(scope.where(r), scope.postsChosen(r.postId), visible ? and(isNotNull(posts.id), visible) : undefined))
    .groupBy(r.postId, posts.publishedAt);
  const reacted = rows
    .filter((row) => row.daysNow > 0)
    .map((row) => ({ id: row.postId, messages: row.messages, publishedAt: row.publishedAt }));
  const drew = rows.filter((row) => row.messages > 0);
  const byVolume = [...drew].sort((a, b) => b.messages - a.messages || a.postId.localeCompare(b.postId));
  const top = byVolume.slice(0, TOP_POSTS);
  const { mostNegative, mostPositive } = rankPostsByMood(drew);
  const details = await postDetails(ctx, scope, [
    ...new Set([...top, ...mostNegative, ...mostPositive].map((p) => p.postId)),
  ]);
  const present = (row: (typeof rows)[number]): PostMood => {
    const post = details.get(row.postId);
    return {
      postId: row.postId,
      title: post?.title ?? "",
      campaignId: post?.campaignId ?? null,
      channels: post?.channels ?? [],
      publishedAt: post?.publishedAt ?? null,
      ...tallies(row),
    };
  };
  return {
    byPost: top.map(present),
    mostNegative: mostNegative.map(present),
    mostPositive: mostPositive.map(present),
    reacted,
  };
}

/** Title (else the first line), campaign, publication date and channel accounts of the posts shown. */
async function postDetails(ctx: AppContext, scope: ReportScope, ids: string[]) {
  if (ids.length === 0) return new Map<string, Omit<PostMood, "postId" | "current" | "previous">>();
  const [rows, published] = await Promise.all([
    ctx.db
      .select({
        id: posts.id,
        title: posts.title,
        body: posts.body,
        campaignId: posts.campaignId,
        publishedAt: posts.publishedAt,
      })
      .from(posts)
      .where(and(eq(posts.orgId, scope.orgId), inArray(posts.id, ids))),
    ctx.db
      .selectDistinct({ postId: publications.postId, channelAccountId: publications.channelAccountId })
      .from(publications)
      .where(and(inArray(publications.postId, ids), isNotNull(publications.externalId))),
  ]);
  return new Map(
    rows.map((p) => [
      p.id,
      {
        title: titleOf(p),
        campaignId: p.campaignId,
        publishedAt: p.publishedAt?.toISOString() ?? null,
        channels: published
          .filter((x) => x.postId === p.id)
          .map((x) => ({
            id: x.channelAccountId,
            ...(scope.channelNames.get(x.channelAccountId) ?? { name: "", network: "" }),
          }))
          .sort((a, b) => a.name.localeCompare(b.name, "de")),
      },
    ]),
  );
}

/**
 * The chosen terms' mood, this period and the one before, read by the topic index; a term of fewer than
 * SMALL_COUNT messages in the period only for people who read the inbox. Ranking every term of a long period
 * here would cost what Themen costs (a row per term and day): the ranked terms with their mood are Themen's.
 */
async function topicsOf(
  ctx: AppContext,
  scope: ReportScope,
  args: { topics: string[]; mayReadInbox: boolean },
): Promise<TopicMood[]> {
  const r = topicDailyRollups;
  const sums = periodSums(scope, r);
  const rows = await ctx.db
    .select({ topic: r.topic, label: sql<string>`mode() within group (order by ${r.label})`, ...sums })
    .from(r)
    .where(and(scope.where(r), inArray(r.topic, args.topics)))
    .groupBy(r.topic)
    .having(sql`${sums.messages} >= ${args.mayReadInbox ? 1 : SMALL_COUNT}`)
    .orderBy(desc(sums.messages), r.topic);
  return rows.map((row) => ({ topic: row.topic, label: row.label, ...tallies(row) }));
}
