// Suggestions while answering: published knowledge articles in force and answers sent to similar questions in
// other conversations the person may see, for the citizen's latest messages (questionOf.ts).
// Found by what the question is about — its key terms (text/keyTerms.ts) among an article's words or an earlier
// question's key terms, or its words in an article's title — so that common words ("Termin", "beantragen")
// do not make every article and every answer a candidate; then ranked by German stems shared (how many, how
// rare, how close together) and, for articles, how much of the title the question holds (trigrams).
// Earlier answers rank higher when recent and when the conversation was closed after them (it settled the question).
import { type SQL, and, desc, eq, ne, sql } from "drizzle-orm";
import { rowsOf } from "../../db/queries/rows.js";
import { answeredQuestions, conversationReplies, conversations, knowledgeArticles } from "../../db/schema/index.js";
import type { OrgActor } from "../authorization.js";
import type { AppContext } from "../context.js";
import { loadConversation, visibleConversations } from "../inbox/conversationAccess.js";
import { todayOf } from "./articleRows.js";
import { questionOf } from "./questionOf.js";

const ARTICLES = 5;
/** Articles ranked closely (of all that match, the most frequent in the question's stems). */
const ARTICLE_CANDIDATES = 30;
const ANSWERS = 5;
/** Earlier answers ranked at most (the newest matching ones): a popular topic has thousands. */
const ANSWER_CANDIDATES = 300;
const HEADLINE = 'StartSel=«, StopSel=», MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "';

/** Any of the text's German stems as a tsquery; `weight` "A" matches titles only. Null for a text of stop words. */
function anyStemOf(text: string, weight = ""): SQL {
  return sql`(select string_agg(quote_literal(lexeme) || ${weight ? `:${weight}` : ""}, ' | ')::tsquery
                from unnest(to_tsvector('draht_german', ${text})))`;
}

/**
 * Any of the key terms, each as a phrase: a compound ("Kita-Jahr") matches where it is written, not wherever one of
 * its parts is ("Jahr" alone would find every text that names a year).
 */
function anyTermOf(labels: readonly string[]): SQL {
  const terms = sql`array[${sql.join(
    labels.map((label) => sql`${label}`),
    sql`, `,
  )}]::text[]`;
  return sql`(select string_agg('(' || phraseto_tsquery('draht_german', term)::text || ')', ' | ')::tsquery
                from unnest(${terms}) term where phraseto_tsquery('draht_german', term)::text <> '')`;
}

/** A short piece of the text around the matched words, marked «like this» (plain text, never HTML). */
function excerptOf(column: unknown, query: SQL) {
  return sql<string>`ts_headline('draht_german', ${column}, ${query}, ${HEADLINE})`;
}

export async function suggestAnswers(
  ctx: AppContext,
  options: { actor: OrgActor; orgId: string; conversationId: string },
) {
  // Read together: the question is only used once the access check passed (a refusal rejects them all).
  const [conversation, question, today] = await Promise.all([
    loadConversation(ctx, ctx.db, { ...options, action: "inbox.view" }),
    questionOf(ctx.db, { conversationId: options.conversationId }),
    todayOf(ctx, options.orgId),
  ]);
  const queries = await queriesOf(ctx, question);
  if (!queries) return { articles: [], answers: [] };
  const [articles, answers] = await Promise.all([
    similarArticles(ctx, { orgId: options.orgId, today, question, queries }),
    earlierAnswers(ctx, { ...options, conversationId: conversation.id, question, queries }),
  ]);
  return { articles, answers };
}

type Question = Awaited<ReturnType<typeof questionOf>>;
interface Queries {
  anyStem: SQL;
  titleStem: SQL;
  terms: SQL | null;
}

/**
 * The question's search queries, computed first and then passed as values: the planner sees them and uses the
 * indexes (as sub-selects inside the search it could not, and read every article).
 */
async function queriesOf(ctx: AppContext, question: Question): Promise<Queries | null> {
  if (!question.text.trim()) return null;
  const terms = question.topicLabels.length ? anyTermOf(question.topicLabels) : sql`null::tsquery`;
  const [row] = rowsOf<{ any_stem: string | null; title_stem: string | null; terms: string | null }>(
    await ctx.db.execute(sql`select ${anyStemOf(question.text)}::text as any_stem,
                                    ${anyStemOf(question.text, "A")}::text as title_stem, ${terms}::text as terms`),
  );
  if (!row?.any_stem || !row.title_stem) return null;
  return {
    anyStem: sql`${row.any_stem}::tsquery`,
    titleStem: sql`${row.title_stem}::tsquery`,
    terms: row.terms ? sql`${row.terms}::tsquery` : null,
  };
}

async function similarArticles(
  ctx: AppContext,
  args: { orgId: string; today: string; question: Question; queries: Queries },
) {
  const a = knowledgeArticles;
  const { orgId, today, question, queries } = args;
  const { anyStem } = queries;
  const about = queries.terms ? sql`${a.search} @@ ${queries.terms}` : sql`false`;
  // Ranked in two steps: every matching article by how often it holds the question's stems (ts_rank: cheap, and
  // titles weigh most), then the best of those by how close together they stand (ts_rank_cd) and how much of the
  // title the question holds (trigrams over the whole question: the costly part, per article).
  const candidates = ctx.db
    .select({ id: a.id, title: a.title, body: a.body, search: a.search, updatedAt: a.updatedAt })
    .from(a)
    .where(
      and(
        eq(a.orgId, orgId),
        eq(a.status, "published"),
        sql`(${a.validUntil} is null or ${a.validUntil} >= ${today})`,
        sql`(${about} or ${a.search} @@ ${queries.titleStem})`,
      ),
    )
    .orderBy(sql`ts_rank(${a.search}, ${anyStem}, 32) desc`, desc(a.updatedAt))
    .limit(ARTICLE_CANDIDATES)
    .as("candidates");
  const rank = sql<number>`(ts_rank_cd(${candidates.search}, ${anyStem}, 32) + 0.5 * word_similarity(${candidates.title}, ${question.text}))`;
  // The best few first; their excerpts (the costly part: each reads its whole text again) only for them.
  const best = ctx.db
    .select({
      id: candidates.id,
      title: candidates.title,
      body: candidates.body,
      updatedAt: candidates.updatedAt,
      score: sql<number>`${rank}::float8`.as("score"),
    })
    .from(candidates)
    .orderBy(desc(rank), desc(candidates.updatedAt))
    .limit(ARTICLES)
    .as("best");
  const rows = await ctx.db
    .select({
      id: best.id,
      title: best.title,
      body: best.body,
      excerpt: excerptOf(best.body, anyStem),
      score: best.score,
    })
    .from(best)
    .orderBy(desc(best.score), desc(best.updatedAt));
  return rows.map((row) => ({ ...row, score: Number(row.score) }));
}

async function earlierAnswers(
  ctx: AppContext,
  args: { actor: OrgActor; orgId: string; conversationId: string; question: Question; queries: Queries },
) {
  const q = answeredQuestions;
  const { question } = args;
  const about = question.topics.length
    ? sql`${q.topics} && ${sql`array[${sql.join(
        question.topics.map((topic) => sql`${topic}`),
        sql`, `,
      )}]::text[]`}`
    : sql`${q.search} @@ ${args.queries.anyStem}`;
  const c = conversations;
  const r = conversationReplies;
  // The newest matching answers this person may see (the limit after the visibility rule, not before it).
  const candidates = ctx.db
    .select({
      replyId: q.replyId,
      conversationId: q.conversationId,
      question: q.question,
      search: q.search,
      status: c.status,
    })
    .from(q)
    .innerJoin(c, eq(c.id, q.conversationId))
    .where(
      and(eq(q.orgId, args.orgId), ne(q.conversationId, args.conversationId), about, visibleConversations(args.actor)),
    )
    .orderBy(desc(q.createdAt))
    .limit(ANSWER_CANDIDATES);
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
      select k.reply_id, k.conversation_id, k.question, ${r.text} as text, ${r.sentAt} as sent_at,
             k.status = 'closed' as closed,
             (ts_rank_cd(k.search, ${args.queries.anyStem}, 32)
               / (1 + extract(epoch from (${ctx.clock()}::timestamptz - ${r.sentAt})) / (365 * 86400.0))
               * (case when k.status = 'closed' then 1.25 else 1 end))::float8 as score
        from (${candidates}) k
        join ${r} on ${r.id} = k.reply_id and ${r.status} = 'sent'
       order by score desc
       limit ${ANSWERS}`),
  );
  return rows.map((row) => ({
    replyId: row.reply_id,
    conversationId: row.conversation_id,
    question: row.question,
    text: row.text,
    sentAt: new Date(row.sent_at).toISOString(),
    closed: row.closed,
    score: Number(row.score),
  }));
}
