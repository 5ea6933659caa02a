// The Themen report's words of citizens, for people who may read them in the inbox: the latest visible messages
// of the period on a term (by campaign or post: among the reactions to them), in conversations the viewer may
// see, and the latest answer staff sent in one of those conversations — ready to become a Textbaustein.
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { conversationReplies, conversations, inboundMessages } from "../../db/schema/index.js";
import { rowsWithoutJit } from "../../db/queries/rows.js";
import { addDays } from "../../domain/reports/reportPeriod.js";
import { epochOfWallClock } from "../../domain/zonedTime.js";
import type { OrgActor } from "../authorization.js";
import type { AppContext } from "../context.js";
import { visibleConversations } from "../inbox/conversationAccess.js";
import { byReactions, reactionsOf, reactionsWithin } from "./reactionTopics.js";
import type { ReportScope } from "./reportScope.js";

const EXAMPLES = 5;
/** Messages read per topic for its examples: enough for five different texts. */
const CANDIDATES = 5 * EXAMPLES;

export interface Example {
  conversationId: string;
  text: string;
  receivedAt: Date;
}

/**
 * The latest visible messages of the period on each topic, in conversations the viewer may see (at most 5 each,
 * each text once: a campaign's replies repeat themselves — "Danke für Ihren Einsatz!" three times says nothing).
 */
export async function examplesOf(ctx: AppContext, actor: OrgActor, scope: ReportScope, topics: string[]) {
  const latest = byReactions(scope)
    ? await latestReactions(ctx, scope, topics)
    : await latestMessages(ctx, actor, scope, topics);
  const examples = new Map<string, Example[]>();
  for (const topic of topics) {
    const seen = new Set<string>();
    const distinct = (latest.get(topic) ?? []).filter((row) => {
      const key = row.text.trim().toLocaleLowerCase("de").replace(/\s+/g, " ");
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    examples.set(topic, distinct.slice(0, EXAMPLES));
  }
  return examples;
}

/** Each topic's latest messages of the period (newest first), walking back through the organisation's messages. */
async function latestMessages(ctx: AppContext, actor: OrgActor, scope: ReportScope, topics: string[]) {
  const { period, timeZone } = scope;
  const start = new Date(epochOfWallClock(period.from, "00:00", timeZone));
  const end = new Date(epochOfWallClock(addDays(period.to, 1), "00:00", timeZone));
  const latest = new Map<string, Example[]>();
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
        .limit(CANDIDATES);
      latest.set(topic, rows);
    }),
  );
  return latest;
}

/**
 * By campaign or post: each topic's latest reactions of the period (newest first) among those the report counts
 * (reactionTopics.ts: the viewer's scope is the inbox's, visibleConversations, by the message's channel account and
 * the conversation's department), all topics in one read by the post index. Walking back through the organisation's
 * newest messages per topic until it reached the campaign's took 60–90 ms for a marathon ten days ago.
 */
async function latestReactions(ctx: AppContext, scope: ReportScope, topics: string[]) {
  const latest = new Map<string, Example[]>();
  if (topics.length === 0) return latest;
  const m = inboundMessages;
  const { period } = scope;
  // The terms compared one by one after unnest, not by the GIN index (a common term's hundred thousand messages).
  const query = sql`
      select topic, conversation_id, text, received_at
        from (select t.topic, ${m.conversationId} as conversation_id, ${m.text} as text,
                     ${m.receivedAt} as received_at,
                     row_number() over (partition by t.topic order by ${m.receivedAt} desc, ${m.id}) as n
                from ${reactionsOf(scope)}
               cross join lateral unnest(${m.topics}) as t(topic)
               where ${and(
                 reactionsWithin(scope, { from: period.from, to: period.to }),
                 inArray(sql`t.topic`, topics),
               )}) as x
       where n <= ${CANDIDATES}`;
  // As for the terms themselves (reactionTopics.ts): without JIT, which the planner's guess of a campaign's
  // reactions would otherwise compile for.
  const rows = await rowsWithoutJit<{
    topic: string;
    conversation_id: string;
    text: string;
    received_at: string | Date;
  }>(ctx.db, query);
  for (const row of rows) {
    const list = latest.get(row.topic) ?? [];
    list.push({ conversationId: row.conversation_id, text: row.text, receivedAt: new Date(row.received_at) });
    latest.set(row.topic, list);
  }
  for (const list of latest.values()) list.sort((a, b) => b.receivedAt.getTime() - a.receivedAt.getTime());
  return latest;
}

export interface Answer {
  conversationId: string;
  text: string;
  sentAt: Date;
}

/** The latest answer staff sent (not an automatic acknowledgement) in a conversation of the topic's examples. */
export async function answersOf(ctx: AppContext, topics: string[], examples: Map<string, Example[]>) {
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
