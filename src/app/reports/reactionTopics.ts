// Themen by campaign and post: the key terms of the messages that reacted to the chosen posts, counted as the
// topic rollups count them (visible messages of a conversation, for its current department, mood lines of
// domain/reports/mood.ts) but read from the messages themselves — the rollups do not know the post. A post draws
// tens to a few thousand reactions, a marathon campaign some 20,000: read once by the post index
// (inbound_messages_post_idx; joined to the conversations only when departments limit them) and grouped by term,
// label and day in the database (bytewise, collation "C": equality is the same, sorting cheaper), then summed for the
// period, the period before, the labels and the trends (figures in docs/ARCHITECTURE.md, "Reports").
import { type SQL, and, between, sql } from "drizzle-orm";
import { conversations, inboundMessages as m, postDailyRollups } from "../../db/schema/index.js";
import { NEGATIVE_BELOW, POSITIVE_ABOVE } from "../../domain/reports/mood.js";
import { rowsWithoutJit } from "../../db/queries/rows.js";
import type { AppContext } from "../context.js";
import type { ReportScope } from "./reportScope.js";
import type { TopicSource, TopicSum } from "./topicRollups.js";

/** Whether the report counts the reactions to chosen posts or campaigns. */
export const byReactions = (scope: ReportScope) => Boolean(scope.postFilter.postIds || scope.postFilter.campaignIds);

type Tally = TopicSum & { label: string; day: string };

/** The messages, joined to their conversations only when departments limit the rows (their current department). */
export const reactionsOf = (scope: ReportScope) =>
  scope.byDepartment ? sql`${m} join ${conversations} on ${conversations.id} = ${m.conversationId}` : sql`${m}`;

/**
 * The reactions counted (with reactionsOf): visible messages of a conversation that react to a chosen post, in the
 * viewer's scope (the message's channel account, the conversation's department), on local days `from` to `to`.
 */
export function reactionsWithin(scope: ReportScope, days: { from: string; to: string }): SQL | undefined {
  return and(
    sql`${m.postId} is not null`,
    sql`${m.conversationId} is not null`,
    scope.postsChosen(m.postId),
    scope.within({ orgId: m.orgId, channelAccountId: m.channelAccountId, departmentId: conversations.departmentId }),
    sql`${m.visibility} = 'visible'`,
    // By the local day, not a range of received_at: the planner would walk the organisation's messages of the
    // period by their time (inbound_messages_org_received_idx, 90 days: 500,000 rows) instead of the post index.
    sql`(${m.receivedAt} at time zone ${scope.timeZone})::date between ${days.from}::date and ${days.to}::date`,
  );
}

/** The reactions' terms of the period and the one before, grouped by term, label and day (one read). */
async function talliesOf(ctx: AppContext, scope: ReportScope): Promise<Tally[]> {
  const { period, timeZone } = scope;
  const negative = sql.raw(String(NEGATIVE_BELOW));
  const positive = sql.raw(String(POSITIVE_ABOVE));
  // The day written out once per group, not per row (for a marathon: 80,000 term rows, some 5,000 groups).
  const query = sql`
    select topic, label, to_char(day, 'YYYY-MM-DD') as day, messages, negative, neutral, positive, questions
      from (
    select t.topic collate "C", coalesce(t.label, t.topic) collate "C" as label, (${m.receivedAt} at time zone ${timeZone})::date as day,
           count(*)::int as messages,
           count(*) filter (where ${m.sentiment} < (${negative})::real)::int as negative,
           count(*) filter (where ${m.sentiment} between (${negative})::real and (${positive})::real)::int as neutral,
           count(*) filter (where ${m.sentiment} > (${positive})::real)::int as positive,
           count(*) filter (where ${m.intent} = 'question')::int as questions
      from ${reactionsOf(scope)}
     cross join lateral unnest(${m.topics}, ${m.topicLabels}) as t(topic, label)
     where ${reactionsWithin(scope, { from: period.previousFrom, to: period.to })}
     group by 1, 2, 3) as x`;
  // The planner expects a campaign's thousand posts to have drawn hundreds of thousands of reactions and would
  // compile the query first (JIT): 160 ms of the marathon's 240 on the PostgreSQL server.
  return rowsWithoutJit<Tally>(ctx.db, query);
}

const FIELDS = ["messages", "negative", "neutral", "positive", "questions"] as const;

function sumByTopic(tallies: Iterable<Tally>): Map<string, TopicSum> {
  const sums = new Map<string, TopicSum>();
  for (const t of tallies) {
    const sum = sums.get(t.topic) ?? {
      topic: t.topic,
      messages: 0,
      negative: 0,
      neutral: 0,
      positive: 0,
      questions: 0,
    };
    for (const field of FIELDS) sum[field] += t[field];
    sums.set(t.topic, sum);
  }
  return sums;
}

/** The reactions to the chosen posts as a TopicSource, read once on first use. */
export function reactionTopics(ctx: AppContext, scope: ReportScope): TopicSource {
  const { from } = scope.period;
  let read: Promise<{ current: Tally[]; previous: Tally[] }> | null = null;
  const tallies = () => {
    read ??= talliesOf(ctx, scope).then((all) => ({
      current: all.filter((t) => t.day >= from),
      previous: all.filter((t) => t.day < from),
    }));
    return read;
  };
  return {
    current: async ({ minimum, limit }) =>
      [...sumByTopic((await tallies()).current).values()]
        .filter((s) => s.messages >= minimum)
        .sort((a, b) => b.messages - a.messages || (a.topic < b.topic ? -1 : 1))
        .slice(0, limit),
    previous: async (topics) => {
      const wanted = new Set(topics);
      return [...sumByTopic((await tallies()).previous.filter((t) => wanted.has(t.topic))).values()];
    },
    labels: async (topics) => {
      const wanted = new Set(topics);
      const counts = new Map<string, Map<string, number>>();
      for (const t of (await tallies()).current) {
        if (!wanted.has(t.topic)) continue;
        const labels = counts.get(t.topic) ?? new Map<string, number>();
        labels.set(t.label, (labels.get(t.label) ?? 0) + t.messages);
        counts.set(t.topic, labels);
      }
      // The most frequent, the first in order among equals (as mode() in the rollup source).
      const mode = (labels: Map<string, number>) =>
        [...labels].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))[0]?.[0] ?? "";
      return new Map([...counts].map(([topic, labels]) => [topic, mode(labels)]));
    },
    days: async (topics) => {
      const wanted = new Set(topics);
      return (await tallies()).current.filter((t) => wanted.has(t.topic));
    },
  };
}

/** Every reaction of the period to the chosen posts (moderated ones too, like every message without the filter). */
export async function reactionCount(ctx: AppContext, scope: ReportScope): Promise<number> {
  const r = postDailyRollups;
  const [row] = await ctx.db
    .select({ messages: sql<number>`coalesce(sum(${r.messages}), 0)::int` })
    .from(r)
    .where(and(scope.within(r), scope.postsChosen(r.postId), between(r.day, scope.period.from, scope.period.to)));
  return row?.messages ?? 0;
}
