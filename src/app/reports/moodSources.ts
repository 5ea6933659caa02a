// Where the Stimmung report's figures come from: every message (message_daily_rollups), the reactions to the
// chosen posts and campaigns (post_daily_rollups), or the messages with the chosen key terms
// (topic_daily_rollups, which counts moods per term) — the same rows per day × channel account × department
// either way, so the report adds them up alike: summed by the database per period and step, channel account and
// department.
import { type SQL, and, inArray, sql } from "drizzle-orm";
import { rowsOf } from "../../db/queries/rows.js";
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
export type MoodBasis = "messages" | "posts" | "topics";

/** A sum of the period asked for (else the one before) for a step (its first day), channel account or department. */
export type MoodGroup = MoodTally & { current: boolean; by: "step" | "channel" | "department"; key: string | null };

type SqlGroup = Omit<MoodGroup, "key" | "sentimentSum"> & {
  step: string | null;
  channel: string | null;
  department: string | null;
  sentiment_sum: number;
};

/** Which rollup answers the filters: a post or campaign filter the post rollup, a term filter the topic rollup. */
export function moodBasisOf(scope: ReportScope): MoodBasis {
  if (scope.postFilter.postIds || scope.postFilter.campaignIds) return "posts";
  return scope.postFilter.topics ? "topics" : "messages";
}

/**
 * A rollup's rows as the sums read them: day, place and counts. The post and the topic rollup keep no
 * complaints, praise or flags (they count 0), the topic rollup no sentiment (the mean stays empty: the report
 * says so).
 */
function rollupRows(scope: ReportScope, { basis, topics }: { basis: MoodBasis; topics: string[] }): SQL {
  const place = (r: typeof messageDailyRollups | typeof postDailyRollups | typeof topicDailyRollups) =>
    sql`${r.day} as day, ${r.channelAccountId} as channel_account_id, ${r.departmentId} as department_id,
        ${r.messages} as messages, ${r.negative} as negative, ${r.neutral} as neutral, ${r.positive} as positive,
        ${r.questions} as questions`;
  if (basis === "posts") {
    const r = postDailyRollups;
    return sql`select ${place(r)}, 0 as complaints, 0 as praise, 0 as flagged, ${r.sentimentSum} as sentiment_sum
                 from ${r} where ${and(scope.where(r), scope.postsChosen(r.postId))}`;
  }
  if (basis === "topics") {
    const r = topicDailyRollups;
    return sql`select ${place(r)}, 0 as complaints, 0 as praise, 0 as flagged, 0::float8 as sentiment_sum
                 from ${r} where ${and(scope.where(r), inArray(r.topic, topics))}`;
  }
  const r = messageDailyRollups;
  return sql`select ${place(r)}, ${r.complaints} as complaints, ${r.praise} as praise, ${r.flagged} as flagged,
                    ${r.sentimentSum} as sentiment_sum
               from ${r} where ${scope.where(r)}`;
}

/**
 * The rollup rows of both periods, summed per period and step, channel account and department: first by all
 * three (a year of days into weeks), then by each grouping set, so a year arrives as a few hundred sums.
 */
export async function moodGroupsOf(
  ctx: AppContext,
  scope: ReportScope,
  options: { basis: MoodBasis; mayReadInbox: boolean },
): Promise<MoodGroup[]> {
  const topics =
    options.basis === "topics" && scope.postFilter.topics
      ? await shownTopics(ctx, scope, { topics: scope.postFilter.topics, mayReadInbox: options.mayReadInbox })
      : [];
  if (options.basis === "topics" && topics.length === 0) return [];
  const step = scope.period.step === "week" ? sql`date_trunc('week', r.day)::date` : sql`r.day`;
  const sums = sql.raw(
    [...MOOD_FIELDS, "sentiment_sum"]
      .map((f) => `coalesce(sum(x.${f}), 0)::${f === "sentiment_sum" ? "float8" : "int"} as ${f}`)
      .join(", "),
  );
  const rows = rowsOf<SqlGroup>(
    await ctx.db.execute(sql`
      select x.current, case when grouping(x.channel) = 0 then 'channel' when grouping(x.department) = 0
                             then 'department' else 'step' end as by,
             x.step, x.channel, x.department, ${sums}
        from (select x.current, x.step, x.channel, x.department, ${sums}
                from (select r.day >= ${scope.period.from}::date as current, to_char(${step}, 'YYYY-MM-DD') as step,
                             r.channel_account_id::text as channel, r.department_id::text as department,
                             r.messages, r.negative, r.neutral, r.positive, r.questions, r.complaints, r.praise,
                             r.flagged, r.sentiment_sum
                        from (${rollupRows(scope, { basis: options.basis, topics })}) as r) as x
               group by 1, 2, 3, 4) as x
       group by grouping sets ((x.current, x.step), (x.current, x.channel), (x.current, x.department))`),
  );
  return rows.map(({ step, channel, department, sentiment_sum, ...group }) => ({
    ...group,
    key: group.by === "step" ? step : group.by === "channel" ? channel : department,
    sentimentSum: Number(sentiment_sum),
  }));
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
