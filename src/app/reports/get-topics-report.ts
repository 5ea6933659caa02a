// Themen: what citizens write about in a period — key terms ranked by how often they came up against how
// common they are in the organisation's year (a TF-IDF over days: a term of every day weighs little), each
// with its volume against the period before, its mood, its course over the period and, for people who may
// read the inbox, a few example messages. Repeated questions: the terms most asked about, each with the
// latest answer staff sent to one of them, ready to become a Textbaustein. Read from the topic rollups: a
// period's whole months from topic_monthly_rollups, its other days from topic_daily_rollups, and the term's days
// of the year from topic_days.
import { type SQL, and, between, desc, eq, inArray, sql } from "drizzle-orm";
import type { z } from "zod";
import {
  conversationReplies,
  conversations,
  inboundMessages,
  messageDailyRollups,
  topicDailyRollups as r,
  topicDays,
  topicMonthlyRollups as m,
} from "../../db/schema/index.js";
import type { ZTopicsReport } from "../../contract/reports.js";
import { authorize, inOrganisation } from "../../domain/policy.js";
import { type DaySpan, addDays, byMonths, stepStart, stepsOf } from "../../domain/reports/reportPeriod.js";
import { rowsOf } from "../../db/queries/rows.js";
import { SMALL_COUNT } from "../../domain/reports/smallCounts.js";
import { epochOfWallClock } from "../../domain/zonedTime.js";
import { excerpt } from "../../text/excerpt.js";
import type { OrgActor } from "../authorization.js";
import type { AppContext } from "../context.js";
import { visibleConversations } from "../inbox/conversationAccess.js";
import { type ReportScope, openReportScope } from "./reportScope.js";

type Report = z.output<typeof ZTopicsReport>;
const CANDIDATES = 100;
const SHOWN = 20;
const WITH_DETAILS = 8;
const REPEATED = 5;

export async function getTopicsReport(
  ctx: AppContext,
  options: {
    actor: OrgActor;
    orgId: string;
    query: unknown;
    /** For a file that leaves draht (the weekly PDF): no examples or answers, and only terms of 5 messages or more. */
    forExport?: boolean;
  },
): Promise<Report> {
  const scope = await openReportScope(ctx, options);
  const { period } = scope;
  const may = (action: "inbox.view") =>
    authorize({ actor: options.actor, action, resource: inOrganisation(options.orgId), now: ctx.clock() }).allowed;
  // Citizens' words only for people who may read them in the inbox anyway, and never in an export; a term of
  // fewer than five messages is only shown to them too (it may be a name rather than a topic).
  const showExamples = may("inbox.view") && !options.forExport;
  const minimum = showExamples ? 1 : SMALL_COUNT;
  const rows = await topicSums(ctx, scope, period, { minimum, limit: CANDIDATES });
  const keys = rows.map((row) => row.topic);
  const [previous, weightOf, totals] = await Promise.all([
    keys.length ? topicSums(ctx, scope, { from: period.previousFrom, to: period.previousTo }, { topics: keys }) : [],
    rarityOf(ctx, scope, keys),
    ctx.db
      .select({ messages: sql<number>`coalesce(sum(${messageDailyRollups.messages}), 0)::int` })
      .from(messageDailyRollups)
      .where(and(scope.within(messageDailyRollups), between(messageDailyRollups.day, period.from, period.to))),
  ]);
  const previousOf = new Map(previous.map((p) => [p.topic, p.messages]));
  const ranked = rows
    .map((row) => ({ ...row, previous: previousOf.get(row.topic) ?? 0, score: row.messages * weightOf(row.topic) }))
    .sort((a, b) => b.score - a.score || b.messages - a.messages)
    .slice(0, SHOWN);
  const detailed = ranked.slice(0, WITH_DETAILS).map((t) => t.topic);
  const repeated = [...ranked]
    .filter((t) => t.questions >= 3)
    .sort((a, b) => b.questions - a.questions)
    .slice(0, REPEATED)
    .map((t) => t.topic);
  const [labels, trends, examples] = await Promise.all([
    labelsOf(
      ctx,
      scope,
      ranked.map((t) => t.topic),
    ),
    trendsOf(ctx, scope, detailed),
    showExamples
      ? examplesOf(ctx, options.actor, scope, [...new Set([...detailed, ...repeated])])
      : new Map<string, Example[]>(),
  ]);
  const answers = showExamples ? await answersOf(ctx, repeated, examples) : new Map<string, Answer>();
  const labelOf = (topic: string) => labels.get(topic) ?? topic;
  return {
    period,
    choices: scope.choices,
    messages: totals[0]?.messages ?? 0,
    showsExamples: showExamples,
    steps: stepsOf(period),
    topics: ranked.map((t) => ({
      topic: t.topic,
      label: labelOf(t.topic),
      messages: t.messages,
      previousMessages: t.previous,
      negative: t.negative,
      neutral: t.neutral,
      positive: t.positive,
      questions: t.questions,
      score: Math.round(t.score * 10) / 10,
      trend: trends.get(t.topic) ?? null,
      examples: (examples.get(t.topic) ?? [])
        .slice(0, 3)
        .map((e) => ({ conversationId: e.conversationId, excerpt: excerpt(e.text, 200), receivedAt: e.receivedAt })),
    })),
    repeatedQuestions: repeated.map((topic) => {
      const t = ranked.find((x) => x.topic === topic);
      return { topic, label: labelOf(topic), questions: t?.questions ?? 0, answer: answers.get(topic) ?? null };
    }),
  };
}

/**
 * How much a term weighs by its rarity: the log of the organisation's days of the year against the days the
 * term came up on (whatever the channel or department — the organisation's longer history), so a term of
 * every day weighs little.
 */
async function rarityOf(ctx: AppContext, scope: ReportScope, topics: string[]): Promise<(topic: string) => number> {
  const yearFrom = addDays(scope.period.to, -364);
  const [days, activeDays] = await Promise.all([
    topics.length
      ? ctx.db
          .select({ topic: topicDays.topic, days: sql<number>`count(*)::int` })
          .from(topicDays)
          .where(
            and(
              eq(topicDays.orgId, scope.orgId),
              inArray(topicDays.topic, topics),
              between(topicDays.day, yearFrom, scope.period.to),
            ),
          )
          .groupBy(topicDays.topic)
      : [],
    ctx.db
      .select({ days: sql<number>`count(distinct ${messageDailyRollups.day})::int` })
      .from(messageDailyRollups)
      .where(
        and(eq(messageDailyRollups.orgId, scope.orgId), between(messageDailyRollups.day, yearFrom, scope.period.to)),
      ),
  ]);
  const daysOf = new Map(days.map((d) => [d.topic, d.days]));
  const allDays = activeDays[0]?.days ?? 0;
  return (topic) => Math.log((allDays + 1) / ((daysOf.get(topic) ?? 0) + 1) + 1);
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

interface TopicSum {
  topic: string;
  messages: number;
  negative: number;
  neutral: number;
  positive: number;
  questions: number;
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

/** How the rows of the period wrote each term most often ("Baustelle" for the key "baustell"). */
async function labelsOf(ctx: AppContext, scope: ReportScope, topics: string[]): Promise<Map<string, string>> {
  if (topics.length === 0) return new Map();
  const rows = await ctx.db.execute(sql`
    select topic, mode() within group (order by label) as label
      from (${spanRows(ctx, scope, scope.period, topics)}) as x
     group by topic`);
  return new Map(rowsOf<{ topic: string; label: string }>(rows).map((row) => [row.topic, row.label]));
}

/** Messages per step of the period for the topics shown in detail. */
async function trendsOf(ctx: AppContext, scope: ReportScope, topics: string[]): Promise<Map<string, number[]>> {
  if (topics.length === 0) return new Map();
  const { period } = scope;
  // The whole organisation's course of a term is kept per day without channels and departments.
  const rows = scope.whole
    ? await ctx.db
        .select({ topic: topicDays.topic, day: topicDays.day, messages: topicDays.messages })
        .from(topicDays)
        .where(
          and(
            eq(topicDays.orgId, scope.orgId),
            inArray(topicDays.topic, topics),
            between(topicDays.day, period.from, period.to),
          ),
        )
    : await ctx.db
        .select({ topic: r.topic, day: r.day, messages: sql<number>`sum(${r.messages})::int` })
        .from(r)
        .where(and(scope.within(r), between(r.day, period.from, period.to), inArray(r.topic, topics)))
        .groupBy(r.topic, r.day);
  const steps = stepsOf(period);
  const index = new Map(steps.map((s, i) => [s, i]));
  const trends = new Map(topics.map((t) => [t, new Array<number>(steps.length).fill(0)]));
  for (const row of rows) {
    const at = index.get(stepStart(row.day, period.step));
    const trend = trends.get(row.topic);
    if (trend && at !== undefined) trend[at] = (trend[at] ?? 0) + row.messages;
  }
  return trends;
}

interface Example {
  conversationId: string;
  text: string;
  receivedAt: Date;
}

/** The latest visible messages of the period on each topic, in conversations the viewer may see (at most 5 each). */
async function examplesOf(ctx: AppContext, actor: OrgActor, scope: ReportScope, topics: string[]) {
  const examples = new Map<string, Example[]>();
  const { period, timeZone } = scope;
  const start = new Date(epochOfWallClock(period.from, "00:00", timeZone));
  const end = new Date(epochOfWallClock(addDays(period.to, 1), "00:00", timeZone));
  await Promise.all(
    topics.map(async (topic) => {
      const rows = await ctx.db
        .select({
          conversationId: conversations.id,
          text: inboundMessages.text,
          receivedAt: inboundMessages.receivedAt,
        })
        .from(inboundMessages)
        .innerJoin(conversations, eq(conversations.id, inboundMessages.conversationId))
        .where(
          and(
            eq(inboundMessages.orgId, conversations.orgId),
            eq(conversations.orgId, scope.orgId),
            sql`${inboundMessages.receivedAt} >= ${start.toISOString()}::timestamptz`,
            sql`${inboundMessages.receivedAt} < ${end.toISOString()}::timestamptz`,
            sql`${inboundMessages.topics} @> array[${topic}]::text[]`,
            eq(inboundMessages.visibility, "visible"),
            visibleConversations(actor),
            scope.within(conversations),
          ),
        )
        .orderBy(desc(inboundMessages.receivedAt))
        .limit(5);
      examples.set(topic, rows);
    }),
  );
  return examples;
}

interface Answer {
  conversationId: string;
  text: string;
  sentAt: Date;
}

/** The latest answer staff sent (not an automatic acknowledgement) in a conversation of the topic's examples. */
async function answersOf(ctx: AppContext, topics: string[], examples: Map<string, Example[]>) {
  const answers = new Map<string, Answer>();
  await Promise.all(
    topics.map(async (topic) => {
      const ids = (examples.get(topic) ?? []).map((e) => e.conversationId);
      if (ids.length === 0) return;
      const [reply] = await ctx.db
        .select({
          conversationId: conversationReplies.conversationId,
          text: conversationReplies.text,
          sentAt: conversationReplies.sentAt,
        })
        .from(conversationReplies)
        .where(
          and(
            inArray(conversationReplies.conversationId, ids),
            eq(conversationReplies.status, "sent"),
            eq(conversationReplies.automatic, false),
          ),
        )
        .orderBy(desc(conversationReplies.sentAt))
        .limit(1);
      if (reply?.sentAt)
        answers.set(topic, { conversationId: reply.conversationId, text: reply.text, sentAt: reply.sentAt });
    }),
  );
  return answers;
}
