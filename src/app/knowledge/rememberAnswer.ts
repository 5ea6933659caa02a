// An answer written in the inbox is remembered with the question it answered (answered_questions), so later
// similar questions are offered it as a suggestion — in the answer's transaction, never at ingestion.
import type { Tx } from "../../db/client.js";
import { answeredQuestions } from "../../db/schema/index.js";
import { questionOf } from "./questionOf.js";

export async function rememberAnswer(
  tx: Tx,
  args: { orgId: string; conversationId: string; replyId: string; questionUpTo: Date; now: Date },
): Promise<void> {
  const question = await questionOf(tx, { conversationId: args.conversationId, upTo: args.questionUpTo });
  if (!question.text.trim()) return;
  await tx
    .insert(answeredQuestions)
    .values({
      replyId: args.replyId,
      orgId: args.orgId,
      conversationId: args.conversationId,
      question: question.text,
      topics: question.topics,
      createdAt: args.now,
    })
    .onConflictDoNothing();
}
