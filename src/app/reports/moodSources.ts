// Where the Stimmung report's figures come from: every message (message_daily_rollups), the reactions to the
// chosen posts and campaigns (post_daily_rollups), or the messages with the chosen key terms
// (topic_daily_rollups, which counts moods per term) — the same rows per day × channel account × department
// either way, so the report adds them up alike.
import { and, inArray, sql } from "drizzle-orm";
import { messageDailyRollups, postDailyRollups, topicDailyRollups } from "../../db/schema/index.js";
import { SMALL_COUNT } from "../../domain/reports/smallCounts.js";
import type { AppContext } from "../context.js";
import type { ReportScope } from "./reportScope.js";

export const MOOD_FIELDS = [
  "messages",
  "negative",
  "neutral",
  "positive",
  "questions",
  "complaints",
  "praise",
  "flagged",
] as const;
export type MoodTally = Record<(typeof MOOD_FIELDS)[number] | "sentimentSum", number>;
export type MoodRow = MoodTally & { day: string; channelAccountId: string; departmentId: string | null };
export type MoodBasis = "messages" | "posts" | "topics";

const sum = (column: Parameters<typeof sql>[1]) => sql<number>`coalesce(sum(${column}), 0)::int`;

/** A day's moods from the post or the topic rollup, which keep no complaints, praise or flags (they count 0). */
const moodSumsOf = (r: typeof postDailyRollups | typeof topicDailyRollups) => ({
  day: r.day,
  channelAccountId: r.channelAccountId,
  departmentId: r.departmentId,
  messages: sum(r.messages),
  negative: sum(r.negative),
  neutral: sum(r.neutral),
  positive: sum(r.positive),
  questions: sum(r.questions),
  complaints: sql<number>`0`,
  praise: sql<number>`0`,
  flagged: sql<number>`0`,
});

/** Which rollup answers the filters: a post or campaign filter the post rollup, a term filter the topic rollup. */
export function moodBasisOf(scope: ReportScope): MoodBasis {
  if (scope.postFilter.postIds || scope.postFilter.campaignIds) return "posts";
  return scope.postFilter.topics ? "topics" : "messages";
}

export async function moodRowsOf(
  ctx: AppContext,
  scope: ReportScope,
  options: { basis: MoodBasis; mayReadInbox: boolean },
): Promise<MoodRow[]> {
  const { postFilter } = scope;
  if (options.basis === "posts") {
    const r = postDailyRollups;
    const rows = await ctx.db
      .select({ ...moodSumsOf(r), sentimentSum: sql<number>`coalesce(sum(${r.sentimentSum}), 0)::float8` })
      .from(r)
      .where(and(scope.where(r), scope.postsChosen(r.postId)))
      .groupBy(r.day, r.channelAccountId, r.departmentId);
    return rows;
  }
  if (options.basis === "topics" && postFilter.topics) {
    const r = topicDailyRollups;
    const topics = await shownTopics(ctx, scope, { topics: postFilter.topics, mayReadInbox: options.mayReadInbox });
    const rows = topics.length
      ? await ctx.db
          // Not kept per term: the mean sentiment stays empty (the report says so).
          .select({ ...moodSumsOf(r), sentimentSum: sql<number>`0` })
          .from(r)
          .where(and(scope.where(r), inArray(r.topic, topics)))
          .groupBy(r.day, r.channelAccountId, r.departmentId)
      : [];
    return rows;
  }
  const r = messageDailyRollups;
  const rows = await ctx.db
    .select({
      day: r.day,
      channelAccountId: r.channelAccountId,
      departmentId: r.departmentId,
      ...Object.fromEntries(MOOD_FIELDS.map((f) => [f, sql<number>`sum(${r[f]})::int`])),
      sentimentSum: sql<number>`sum(${r.sentimentSum})::float8`,
    } as const)
    .from(r)
    .where(scope.where(r))
    .groupBy(r.day, r.channelAccountId, r.departmentId);
  return rows as unknown as MoodRow[];
}

/**
 * The chosen terms a viewer may filter by: all of them for people who read the inbox; for the others only
 * terms of at least SMALL_COUNT messages in the period (a rarer term may be a name rather than a topic — the
 * rule of the Themen report).
 */
async function shownTopics(
  ctx: AppContext,
  scope: ReportScope,
  args: { topics: string[]; mayReadInbox: boolean },
): Promise<string[]> {
  if (args.mayReadInbox) return args.topics;
  const r = topicDailyRollups;
  const rows = await ctx.db
    .select({ topic: r.topic })
    .from(r)
    .where(and(scope.where(r), sql`${r.day} >= ${scope.period.from}`, inArray(r.topic, args.topics)))
    .groupBy(r.topic)
    .having(sql`sum(${r.messages}) >= ${SMALL_COUNT}`);
  return rows.map((row) => row.topic);
}
