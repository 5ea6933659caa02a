// Themen: what citizens write about in a period — key terms ranked by how often they came up against how
// common they are in the organisation's year (a TF-IDF over days: a term of every day weighs little), each
// with its volume against the period before, its mood, its course over the period and, for people who may
// read the inbox, a few example messages. Repeated questions: the terms most asked about, each with the
// latest answer staff sent to one of them, ready to become a Textbaustein. Read from the topic rollups
// (topicRollups.ts) and the term's days of the year from topic_days; by campaign or post, the same figures from
// the messages that reacted to them (reactionTopics.ts) — the terms' weights stay the organisation's.
import { and, between, eq, inArray, sql } from "drizzle-orm";
import type { z } from "zod";
import { messageDailyRollups, topicDays } from "../../db/schema/index.js";
import { ZPostReportFilter, type ZTopicsReport } from "../../contract/reports.js";
import { authorize, inOrganisation } from "../../domain/policy.js";
import { addDays, stepStart, stepsOf } from "../../domain/reports/reportPeriod.js";
import { SMALL_COUNT } from "../../domain/reports/smallCounts.js";
import { excerpt } from "../../text/excerpt.js";
import type { OrgActor } from "../authorization.js";
import type { AppContext } from "../context.js";
import { postChoicesOf } from "./postChoices.js";
import { byReactions, reactionCount, reactionTopics } from "./reactionTopics.js";
import { type ReportScope, openReportScope } from "./reportScope.js";
import { type Answer, type Example, answersOf, examplesOf } from "./topicExamples.js";
import { type TopicSource, topicRollups } from "./topicRollups.js";

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
  const scope = await openReportScope(ctx, { ...options, filters: ZPostReportFilter });
  const { period } = scope;
  const may = (action: "inbox.view") =>
    authorize({ actor: options.actor, action, resource: inOrganisation(options.orgId), now: ctx.clock() }).allowed;
  // Citizens' words only for people who may read them in the inbox anyway, and never in an export; a term of
  // fewer than five messages is only shown to them too (it may be a name rather than a topic).
  const showExamples = may("inbox.view") && !options.forExport;
  const minimum = showExamples ? 1 : SMALL_COUNT;
  const source = byReactions(scope) ? reactionTopics(ctx, scope) : topicRollups(ctx, scope);
  // The base and the pickers' choices need no terms: read while the terms are (by campaign, the longest read).
  const [rows, messages, postChoices] = await Promise.all([
    source.current({ minimum, limit: CANDIDATES }),
    messagesOf(ctx, scope),
    options.forExport ? { campaigns: [], posts: [] } : postChoicesOf(ctx, options.actor, scope),
  ]);
  const keys = rows.map((row) => row.topic);
  const [previous, weightOf] = await Promise.all([source.previous(keys), rarityOf(ctx, scope, keys)]);
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
    source.labels(ranked.map((t) => t.topic)),
    trendsOf(scope, source, detailed),
    showExamples
      ? examplesOf(ctx, options.actor, scope, [...new Set([...detailed, ...repeated])])
      : new Map<string, Example[]>(),
  ]);
  const answers = showExamples ? await answersOf(ctx, repeated, examples) : new Map<string, Answer>();
  const labelOf = (topic: string) => labels.get(topic) ?? topic;
  return {
    period,
    choices: scope.choices,
    basis: byReactions(scope) ? "posts" : "messages",
    messages,
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
    postChoices,
  };
}

/** Every message of the period in the viewer's scope, or every reaction to the chosen posts. */
async function messagesOf(ctx: AppContext, scope: ReportScope): Promise<number> {
  if (byReactions(scope)) return reactionCount(ctx, scope);
  const r = messageDailyRollups;
  const [row] = await ctx.db
    .select({ messages: sql<number>`coalesce(sum(${r.messages}), 0)::int` })
    .from(r)
    .where(and(scope.within(r), between(r.day, scope.period.from, scope.period.to)));
  return row?.messages ?? 0;
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

/** Messages per step of the period for the topics shown in detail. */
async function trendsOf(scope: ReportScope, source: TopicSource, topics: string[]): Promise<Map<string, number[]>> {
  if (topics.length === 0) return new Map();
  const { period } = scope;
  const rows = await source.days(topics);
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
