// Themen by campaign and post: the key terms of the messages that reacted to the chosen posts, counted as the
// topic rollups count them (visible messages of a conversation, for its current department, mood lines of
// domain/reports/mood.ts) but read from the messages themselves — the rollups do not know the post. A post draws
// tens to a few thousand reactions, a marathon campaign some 20,000: read by the post index
// (inbound_messages_post_idx), that is a few tens of milliseconds (docs/ARCHITECTURE.md, "Reports").
import { type SQL, and, between, sql } from "drizzle-orm";
import { conversations, inboundMessages as m, postDailyRollups } from "../../db/schema/index.js";
import { NEGATIVE_BELOW, POSITIVE_ABOVE } from "../../domain/reports/mood.js";
import { type DaySpan, addDays } from "../../domain/reports/reportPeriod.js";
import { epochOfWallClock } from "../../domain/zonedTime.js";
import { rowsOf } from "../../db/queries/rows.js";
import type { AppContext } from "../context.js";
import type { ReportScope } from "./reportScope.js";

/** Whether the report counts the reactions to chosen posts or campaigns. */
export const byReactions = (scope: ReportScope) => Boolean(scope.postFilter.postIds || scope.postFilter.campaignIds);

/** The visible reactions of a span in the viewer's scope and filters, as conditions on inbound_messages ⋈ conversations. */
function reactionsWithin(scope: ReportScope, span: DaySpan): SQL | undefined {
  const start = new Date(epochOfWallClock(span.from, "00:00", scope.timeZone)).toISOString();
  const end = new Date(epochOfWallClock(addDays(span.to, 1), "00:00", scope.timeZone)).toISOString();
  return and(
    sql`${m.postId} is not null`,
    scope.postsChosen(m.postId),
    scope.within({ orgId: m.orgId, channelAccountId: m.channelAccountId, departmentId: conversations.departmentId }),
    sql`${m.visibility} = 'visible'`,
    sql`${m.receivedAt} >= ${start}::timestamptz`,
    sql`${m.receivedAt} < ${end}::timestamptz`,
  );
}

/**
 * One row per reaction and term, with the columns of a topic rollup row (topic, label, messages, moods,
 * questions), as one SQL relation; only the given `topics` if any. The report sums it like the rollups.
 */
export function reactionTopicRows(scope: ReportScope, span: DaySpan, topics: string[] | null): SQL {
  const negative = sql.raw(String(NEGATIVE_BELOW));
  const positive = sql.raw(String(POSITIVE_ABOVE));
  return sql`
    select t.topic, coalesce(t.label, t.topic) as label, 1 as messages,
           (${m.sentiment} < (${negative})::real)::int as negative,
           (${m.sentiment} between (${negative})::real and (${positive})::real)::int as neutral,
           (${m.sentiment} > (${positive})::real)::int as positive,
           (${m.intent} = 'question')::int as questions
      from ${m}
      join ${conversations} on ${conversations.id} = ${m.conversationId}
     cross join lateral unnest(${m.topics}, ${m.topicLabels}) as t(topic, label)
     where ${and(reactionsWithin(scope, span), topics ? sql`t.topic = any(${toArray(topics)})` : undefined)}`;
}

/** Messages per day of the period for each of the `topics`, among the reactions. */
export async function reactionTopicDays(
  ctx: AppContext,
  scope: ReportScope,
  topics: string[],
): Promise<{ topic: string; day: string; messages: number }[]> {
  const rows = await ctx.db.execute(sql`
    select t.topic, to_char((${m.receivedAt} at time zone ${scope.timeZone})::date, 'YYYY-MM-DD') as day,
           count(*)::int as messages
      from ${m}
      join ${conversations} on ${conversations.id} = ${m.conversationId}
     cross join lateral unnest(${m.topics}) as t(topic)
     where ${and(reactionsWithin(scope, scope.period), sql`t.topic = any(${toArray(topics)})`)}
     group by 1, 2`);
  return rowsOf(rows);
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

const toArray = (items: string[]) =>
  sql`array[${sql.join(
    items.map((item) => sql`${item}`),
    sql`, `,
  )}]::text[]`;
