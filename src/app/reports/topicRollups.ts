// Where the Themen report's counts per term come from (a TopicSource): the topic rollups in the viewer's scope
// — a period's whole months from topic_monthly_rollups, its other days from topic_daily_rollups, a term's days
// for a viewer who sees everything from topic_days — or, by campaign or post, the reactions (reactionTopics.ts).
import { type SQL, and, between, eq, inArray, sql } from "drizzle-orm";
import { topicDailyRollups as r, topicDays, topicMonthlyRollups as m } from "../../db/schema/index.js";
import { type DaySpan, byMonths } from "../../domain/reports/reportPeriod.js";
import { rowsOf } from "../../db/queries/rows.js";
import type { AppContext } from "../context.js";
import type { ReportScope } from "./reportScope.js";

export interface TopicSum {
  topic: string;
  messages: number;
  negative: number;
  neutral: number;
  positive: number;
  questions: number;
}

export interface TopicSource {
  /** The period's `limit` terms of most messages (at least `minimum`), most first. */
  current(pick: { minimum: number; limit: number }): Promise<TopicSum[]>;
  /** The period before's counts of the given terms. */
  previous(topics: string[]): Promise<TopicSum[]>;
  /** How the period's messages wrote each term most often ("Baustelle" for the key "baustell"). */
  labels(topics: string[]): Promise<Map<string, string>>;
  /** Messages per day of the period of the given terms. */
  days(topics: string[]): Promise<{ topic: string; day: string; messages: number }[]>;
}

export function topicRollups(ctx: AppContext, scope: ReportScope): TopicSource {
  const { period } = scope;
  return {
    current: (pick) => topicSums(ctx, scope, period, pick),
    previous: async (topics) =>
      topics.length ? topicSums(ctx, scope, { from: period.previousFrom, to: period.previousTo }, { topics }) : [],
    labels: (topics) => labelsOf(ctx, scope, topics),
    days: async (topics) => {
      if (topics.length === 0) return [];
      // The whole organisation's course of a term is kept per day without channels and departments.
      if (scope.whole)
        return ctx.db
          .select({ topic: topicDays.topic, day: topicDays.day, messages: topicDays.messages })
          .from(topicDays)
          .where(
            and(
              eq(topicDays.orgId, scope.orgId),
              inArray(topicDays.topic, topics),
              between(topicDays.day, period.from, period.to),
            ),
          );
      return ctx.db
        .select({ topic: r.topic, day: r.day, messages: sql<number>`sum(${r.messages})::int` })
        .from(r)
        .where(and(scope.within(r), between(r.day, period.from, period.to), inArray(r.topic, topics)))
        .groupBy(r.topic, r.day);
    },
  };
}

/**
 * The rollup rows of a span of days in the viewer's scope, as one SQL relation: the whole months from the
 * monthly rollup, the days around them from the daily one; only those of the given `topics` if any.
 */
function spanRows(ctx: AppContext, scope: ReportScope, span: DaySpan, topics: string[] | null): SQL {
  const { months, days } = byMonths(span);
  const columns = (t: typeof r | typeof m) => ({
    topic: t.topic,
    label: t.label,
    messages: t.messages,
    negative: t.negative,
    neutral: t.neutral,
    positive: t.positive,
    questions: t.questions,
  });
  const parts = days.map((d) =>
    ctx.db
      .select(columns(r))
      .from(r)
      .where(and(scope.within(r), between(r.day, d.from, d.to), topics ? inArray(r.topic, topics) : undefined)),
  );
  const monthly = months
    ? ctx.db
        .select(columns(m))
        .from(m)
        .where(
          and(scope.within(m), between(m.month, months.from, months.to), topics ? inArray(m.topic, topics) : undefined),
        )
    : null;
  return sql.join(monthly ? [...parts, monthly] : parts, sql` union all `);
}

/** Each term's counts over a span: the `limit` terms of most messages (at least `minimum`), or the given `topics`. */
async function topicSums(
  ctx: AppContext,
  scope: ReportScope,
  span: DaySpan,
  pick: { minimum: number; limit: number } | { topics: string[] },
): Promise<TopicSum[]> {
  const rows = await ctx.db.execute(sql`
    select topic, sum(messages)::int as messages, sum(negative)::int as negative, sum(neutral)::int as neutral,
           sum(positive)::int as positive, sum(questions)::int as questions
      from (${spanRows(ctx, scope, span, "topics" in pick ? pick.topics : null)}) as x
     group by topic
    ${"minimum" in pick ? sql`having sum(messages) >= ${pick.minimum}` : sql``}
     order by sum(messages) desc, topic
    ${"limit" in pick ? sql`limit ${pick.limit}` : sql``}`);
  return rowsOf<TopicSum>(rows);
}

async function labelsOf(ctx: AppContext, scope: ReportScope, topics: string[]): Promise<Map<string, string>> {
  if (topics.length === 0) return new Map();
  const rows = await ctx.db.execute(sql`
    select topic, mode() within group (order by label) as label
      from (${spanRows(ctx, scope, scope.period, topics)}) as x
     group by topic`);
  return new Map(rowsOf<{ topic: string; label: string }>(rows).map((row) => [row.topic, row.label]));
}
