// Suggestions while answering: published knowledge articles in force and answers sent to similar questions in
// other conversations the person may see, for the citizen's latest messages. Similar means sharing German
// word stems (any of them, weighted by how rare and how close together they are) and, for articles, the
// title resembling the question (trigrams). Earlier answers rank higher when recent and when the conversation
// was closed after them (the answer settled it).
import { and, desc, eq, isNotNull, ne, sql } from "drizzle-orm";
import { rowsOf } from "../../db/queries/rows.js";
import { conversations, inboundMessages, knowledgeArticles } from "../../db/schema/index.js";
import { type OrgActor } from "../authorization.js";
import type { AppContext } from "../context.js";
import { loadConversation, visibleConversations } from "../inbox/conversationAccess.js";
import { todayOf } from "./articleRows.js";

const ARTICLES = 5;
const ANSWERS = 5;
/** How much of the question is read: its latest messages, up to this many characters. */
const QUESTION_CHARS = 1000;

/** Any of the question's stems (not all): a citizen writes more words than an article's title holds. */
function anyWordOf(question: string) {
  return sql`nullif(replace(plainto_tsquery('draht_german', ${question})::text, ' & ', ' | '), '')::tsquery`;
}

const HEADLINE = 'StartSel=«, StopSel=», MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "';

/** A short piece of the text around the matched words, marked «like this» (plain text, never HTML). */
function excerptOf(column: unknown, query: ReturnType<typeof anyWordOf>) {
  return sql<string>`ts_headline('draht_german', ${column}, ${query}, ${HEADLINE})`;
}

export async function suggestAnswers(
  ctx: AppContext,
  options: { actor: OrgActor; orgId: string; conversationId: string },
) {
  const { actor, orgId } = options;
  const conversation = await loadConversation(ctx, ctx.db, { ...options, action: "inbox.view" });
  const latest = await ctx.db
    .select({ text: inboundMessages.text })
    .from(inboundMessages)
    .where(eq(inboundMessages.conversationId, conversation.id))
    .orderBy(desc(inboundMessages.receivedAt))
    .limit(3);
  const question = latest
    .map((m) => m.text)
    .reverse()
    .join("\n")
    .slice(-QUESTION_CHARS);
  if (!question.trim()) return { articles: [], answers: [] };
  const query = anyWordOf(question);
  const today = await todayOf(ctx, orgId);
  const a = knowledgeArticles;

  const articleRank = sql<number>`(ts_rank_cd(${a.search}, ${query}, 32) + 0.5 * word_similarity(${a.title}, ${question}))`;
  const articles = await ctx.db
    .select({
      id: a.id,
      title: a.title,
      body: a.body,
      excerpt: excerptOf(a.body, query),
      score: sql<number>`${articleRank}::float8`,
    })
    .from(a)
    .where(
      and(
        eq(a.orgId, orgId),
        eq(a.status, "published"),
        sql`(${a.validUntil} is null or ${a.validUntil} >= ${today})`,
        sql`(${a.search} @@ ${query} or word_similarity(${a.title}, ${question}) >= 0.5)`,
      ),
    )
    .orderBy(desc(articleRank), desc(a.updatedAt))
    .limit(ARTICLES);

  const m = inboundMessages;
  const c = conversations;
  const messageRank = sql`ts_rank_cd(${m.search}, ${query}, 32)`;
  // The best-matching questions first (found through the message index), then the first answer sent after each.
  const candidates = ctx.db
    .select({
      id: m.id,
      conversationId: m.conversationId,
      text: m.text,
      receivedAt: m.receivedAt,
      rank: sql<number>`${messageRank}`.as("rank"),
    })
    .from(m)
    .innerJoin(c, eq(c.id, m.conversationId))
    .where(
      and(
        eq(m.orgId, orgId),
        isNotNull(m.conversationId),
        ne(m.conversationId, conversation.id),
        sql`${m.search} @@ ${query}`,
        visibleConversations(actor),
      ),
    )
    .orderBy(desc(messageRank))
    .limit(ANSWERS * 8);
  const rows = rowsOf<{
    reply_id: string;
    conversation_id: string;
    question: string;
    text: string;
    sent_at: Date | string;
    closed: boolean;
    score: number;
  }>(
    await ctx.db.execute(sql`
    select distinct on (r.id) r.id as reply_id, q.conversation_id, q.text as question, r.text, r.sent_at,
           cv.status = 'closed' as closed,
           (q.rank * (1.0 / (1 + extract(epoch from (${ctx.clock()}::timestamptz - r.sent_at)) / (365 * 86400.0)))
             * (case when cv.status = 'closed' then 1.25 else 1 end))::float8 as score
    from (${candidates}) q
    join ${conversations} cv on cv.id = q.conversation_id
    cross join lateral (
      select cr.id, cr.text, cr.sent_at from conversation_replies cr
      where cr.conversation_id = q.conversation_id and cr.status = 'sent' and not cr.automatic
        and cr.sent_at >= q.received_at
      order by cr.sent_at limit 1
    ) r
    order by r.id, score desc`),
  );
  const answers = rows
    .map((r) => ({
      replyId: r.reply_id,
      conversationId: r.conversation_id,
      question: r.question,
      text: r.text,
      sentAt: new Date(r.sent_at).toISOString(),
      closed: r.closed,
      score: Number(r.score),
    }))
    .sort((x, y) => y.score - x.score)
    .slice(0, ANSWERS);
  return { articles: articles.map((x) => ({ ...x, score: Number(x.score) })), answers };
}
