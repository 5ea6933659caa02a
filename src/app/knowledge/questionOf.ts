// The citizen's question in a conversation as the knowledge suggestions read it: their latest three messages
// (up to a moment, when given), oldest first, cut to the last 1,000 characters, with their key terms.
import { and, desc, eq, lte, ne } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.js";
import { inboundMessages } from "../../db/schema/index.js";

export const QUESTION_MESSAGES = 3;
export const QUESTION_CHARS = 1000;

export async function questionOf(
  db: Db | Tx,
  args: { conversationId: string; upTo?: Date },
): Promise<{ text: string; topics: string[]; topicLabels: string[] }> {
  const latest = await db
    .select({ text: inboundMessages.text, topics: inboundMessages.topics, topicLabels: inboundMessages.topicLabels })
    .from(inboundMessages)
    .where(
      and(
        eq(inboundMessages.conversationId, args.conversationId),
        ne(inboundMessages.visibility, "deleted"),
        args.upTo ? lte(inboundMessages.receivedAt, args.upTo) : undefined,
      ),
    )
    .orderBy(desc(inboundMessages.receivedAt))
    .limit(QUESTION_MESSAGES);
  const oldestFirst = latest.reverse();
  return {
    text: oldestFirst
      .map((m) => m.text)
      .join("\n")
      .slice(-QUESTION_CHARS),
    topics: [...new Set(oldestFirst.flatMap((m) => m.topics))],
    topicLabels: [...new Set(oldestFirst.flatMap((m) => m.topicLabels))],
  };
}
