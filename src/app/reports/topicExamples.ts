// The Themen report's words of citizens, for people who may read them in the inbox: the latest visible messages
// of the period on a term (by campaign or post: among the reactions to them), in conversations the viewer may
// see, and the latest answer staff sent in one of those conversations — ready to become a Textbaustein.
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { conversationReplies, conversations, inboundMessages } from "../../db/schema/index.js";
import { addDays } from "../../domain/reports/reportPeriod.js";
import { epochOfWallClock } from "../../domain/zonedTime.js";
import type { OrgActor } from "../authorization.js";
import type { AppContext } from "../context.js";
import { visibleConversations } from "../inbox/conversationAccess.js";
import type { ReportScope } from "./reportScope.js";

const EXAMPLES = 5;

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
            scope.postsChosen(inboundMessages.postId),
            visibleConversations(actor),
            scope.within(conversations),
          ),
        )
        .orderBy(desc(inboundMessages.receivedAt))
        .limit(5 * EXAMPLES);
      const seen = new Set<string>();
      const distinct = rows.filter((row) => {
        const key = row.text.trim().toLocaleLowerCase("de").replace(/\s+/g, " ");
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
      examples.set(topic, distinct.slice(0, EXAMPLES));
    }),
  );
  return examples;
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
