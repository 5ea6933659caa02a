// One query per kind of the one search, each limited, each keeping only what the person may see by the same
// SQL rules as that kind's own list (app/scope.ts and friends). Words are matched as German stems with umlauts
// folded (`draht_german`); titles and names also by trigram similarity, which forgives typing errors.
// Passages come from ts_headline with «» around the matched words — never HTML; the web app marks them.
import { type AnyColumn, type SQL, and, desc, eq, isNull, ne, sql } from "drizzle-orm";
import type { TSearchKind } from "../../contract/search.js";
import {
  channelAccounts,
  conversations,
  inboundMessages,
  knowledgeArticles,
  memberships,
  moderationCases,
  posts,
  replyTemplates,
  users,
} from "../../db/schema/index.js";
import { rowsOf } from "../../db/queries/rows.js";
import type { OrgActor } from "../authorization.js";
import type { AppContext } from "../context.js";
import { visibleChannelAccounts } from "../channels/channelAccess.js";
import { visibleConversations } from "../inbox/conversationAccess.js";
import { matchingWords } from "../knowledge/list-articles.js";
import { visibleCases } from "../moderation/list-moderation-queue.js";
import { postsWithinScope } from "../posts/postAccess.js";
import { departmentWithin } from "../scope.js";
import { messageWatermark } from "./index-messages.js";

export interface SearchHitRow {
  kind: TSearchKind;
  id: string;
  title: string;
  snippet: string;
  at: Date | null;
  network: string | null;
}

export interface KindSearch {
  ctx: AppContext;
  actor: OrgActor;
  orgId: string;
  q: string;
  limit: number;
  /** The period the things happened in (either end open). */
  from?: Date;
  to?: Date;
}

/** Matched messages read from the index before ranking: the best of these are shown, grouped by conversation. */
const MESSAGE_CANDIDATES = 500;
/** The newest messages not yet indexed, searched directly (the job indexes them within seconds). */
const UNINDEXED_SCAN = 2000;

const tsQuery = (q: string) => sql`websearch_to_tsquery('draht_german', ${q})`;
const headline = (text: SQL | string, q: string) =>
  sql<string>`ts_headline('draht_german', ${text}, ${tsQuery(q)}, 'StartSel=«, StopSel=», MaxWords=24, MinWords=10, MaxFragments=1')`;
const germanText = (text: SQL) => sql`to_tsvector('draht_german'::regconfig, ${text})`;
const likePattern = (q: string) => `%${q.replace(/[%_\\]/g, "\\$&")}%`;
const orTrue = (condition: SQL | undefined) => condition ?? sql`true`;
/** The time column within the period asked for. */
const inPeriod = (s: KindSearch, column: SQL | AnyColumn): SQL =>
  and(
    s.from ? sql`${column} >= ${s.from.toISOString()}::timestamptz` : undefined,
    s.to ? sql`${column} < ${s.to.toISOString()}::timestamptz` : undefined,
  ) ?? sql`true`;

/** Conversations by their messages: the index, plus the newest messages the job has not reached yet. */
export async function searchConversations(s: KindSearch): Promise<SearchHitRow[]> {
  const query = tsQuery(s.q);
  const scope = orTrue(visibleConversations(s.actor));
  // To the microsecond (messageWatermark), so that what is indexed is not read again here.
  const since = (await messageWatermark(s.ctx.db)) ?? "-infinity";
  const rows = rowsOf<{ id: string; title: string; snippet: string; at: string | Date; network: string }>(
    await s.ctx.db.execute(sql`
      with hits as (
        (select s.message_id as id, s.conversation_id, ts_rank_cd(s.search, ${query}) as rank, s.received_at
           from message_search s join ${conversations} on ${conversations.id} = s.conversation_id
          where s.org_id = ${s.orgId} and s.search @@ ${query} and ${scope} and ${inPeriod(s, sql`s.received_at`)}
          limit ${MESSAGE_CANDIDATES})
        union all
        (select n.id, n.conversation_id, ts_rank_cd(to_tsvector('draht_german'::regconfig, n.text), ${query}), n.received_at
           from (select m.id, m.conversation_id, m.text, m.received_at from inbound_messages m
                  where m.org_id = ${s.orgId} and m.created_at > ${since}::timestamptz
                    and m.conversation_id is not null and m.visibility not in ('hidden', 'deleted')
                    and ${inPeriod(s, sql`m.received_at`)}
                  order by m.created_at desc limit ${UNINDEXED_SCAN}) n
           join ${conversations} on ${conversations.id} = n.conversation_id
          where to_tsvector('draht_german'::regconfig, n.text) @@ ${query} and ${scope}
            and not exists (select 1 from message_search s where s.message_id = n.id))
      ), best as (
        select distinct on (conversation_id) id, conversation_id, rank, received_at
          from hits order by conversation_id, rank desc, received_at desc
      ), top as (
        select * from best order by rank desc, received_at desc limit ${s.limit}
      )
      select t.conversation_id as id, c.citizen_name as title, ${headline(sql`m.text`, s.q)} as snippet,
             t.received_at as at, ca.network
        from top t
        join inbound_messages m on m.id = t.id
        join conversations c on c.id = t.conversation_id
        join channel_accounts ca on ca.id = c.channel_account_id
       order by t.rank desc, t.received_at desc`),
  );
  return rows.map((r) => ({ kind: "conversations", ...r, at: new Date(r.at) }));
}

export async function searchPosts(s: KindSearch): Promise<SearchHitRow[]> {
  // The expression of the index posts_search_idx, so that it is used.
  const text = germanText(sql`${posts.title} || ' ' || ${posts.body}`);
  const query = tsQuery(s.q);
  const rows = await s.ctx.db
    .select({
      id: posts.id,
      title: posts.title,
      body: posts.body,
      snippet: headline(sql`${posts.title} || ' ' || ${posts.body}`, s.q),
      at: posts.updatedAt,
    })
    .from(posts)
    .where(
      and(
        eq(posts.orgId, s.orgId),
        sql`(${text} @@ ${query} or ${s.q} <% ${posts.title})`,
        postsWithinScope(s.ctx.db, s.actor),
        inPeriod(s, posts.updatedAt),
      ),
    )
    .orderBy(desc(sql`ts_rank_cd(${text}, ${query}) + word_similarity(${s.q}, ${posts.title})`), desc(posts.updatedAt))
    .limit(s.limit);
  return rows.map((r) => ({
    kind: "posts",
    id: r.id,
    title: r.title || firstWords(r.body),
    snippet: r.snippet,
    at: r.at,
    network: null,
  }));
}

export async function searchArticles(s: KindSearch): Promise<SearchHitRow[]> {
  const a = knowledgeArticles;
  const words = matchingWords(s.q);
  const rows = await s.ctx.db
    .select({ id: a.id, title: a.title, snippet: headline(sql`${a.body}`, s.q), at: a.updatedAt })
    .from(a)
    .where(and(eq(a.orgId, s.orgId), ne(a.status, "archived"), words.where, inPeriod(s, a.updatedAt)))
    .orderBy(desc(words.rank), desc(a.updatedAt))
    .limit(s.limit);
  return rows.map((r) => ({ kind: "articles", ...r, network: null }));
}

export async function searchTemplates(s: KindSearch): Promise<SearchHitRow[]> {
  const t = replyTemplates;
  const text = germanText(sql`${t.title} || ' ' || ${t.body}`);
  const query = tsQuery(s.q);
  const rows = await s.ctx.db
    .select({ id: t.id, title: t.title, snippet: headline(sql`${t.body}`, s.q), at: t.updatedAt })
    .from(t)
    .where(
      and(
        eq(t.orgId, s.orgId),
        isNull(t.archivedAt),
        // As the list of Textbausteine: the organisation's own and those of the person's departments.
        departmentWithin(s.actor, t.departmentId, "shared"),
        inPeriod(s, t.updatedAt),
        sql`(${text} @@ ${query} or ${s.q} <% ${t.title})`,
      ),
    )
    .orderBy(desc(sql`ts_rank_cd(${text}, ${query}) + word_similarity(${s.q}, ${t.title})`))
    .limit(s.limit);
  return rows.map((r) => ({ kind: "templates", ...r, network: null }));
}

/** Moderation cases by their message's text or author — hidden messages included: moderators judge those. */
export async function searchCases(s: KindSearch): Promise<SearchHitRow[]> {
  const m = inboundMessages;
  const text = germanText(sql`${m.text}`);
  const query = tsQuery(s.q);
  const rows = await s.ctx.db
    .select({
      id: moderationCases.id,
      title: m.authorName,
      snippet: headline(sql`${m.text}`, s.q),
      at: moderationCases.openedAt,
      network: channelAccounts.network,
    })
    .from(moderationCases)
    .innerJoin(m, eq(m.id, moderationCases.inboundMessageId))
    .innerJoin(channelAccounts, eq(channelAccounts.id, moderationCases.channelAccountId))
    .leftJoin(conversations, eq(conversations.id, moderationCases.conversationId))
    .where(
      and(
        eq(moderationCases.orgId, s.orgId),
        visibleCases(s.actor),
        inPeriod(s, moderationCases.openedAt),
        sql`(${text} @@ ${query} or ${s.q} <% ${m.authorName})`,
      ),
    )
    .orderBy(desc(sql`ts_rank_cd(${text}, ${query}) + word_similarity(${s.q}, ${m.authorName})`))
    .limit(s.limit);
  return rows.map((r) => ({ kind: "cases", ...r }));
}

/** Colleagues: members of the organisation (never citizens), by name or sign-in address. */
export async function searchPeople(s: KindSearch): Promise<SearchHitRow[]> {
  const rows = await s.ctx.db
    .select({ id: users.id, title: users.name, snippet: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.orgId, s.orgId),
        isNull(memberships.disabledAt),
        sql`(${s.q} <% ${users.name} or ${users.name} ilike ${likePattern(s.q)} or ${users.email} ilike ${likePattern(s.q)})`,
      ),
    )
    .orderBy(desc(sql`word_similarity(${s.q}, ${users.name})`), users.name)
    .limit(s.limit);
  return rows.map((r) => ({ kind: "people", ...r, at: null, network: null }));
}

export async function searchChannels(s: KindSearch): Promise<SearchHitRow[]> {
  const c = channelAccounts;
  const rows = await s.ctx.db
    .select({ id: c.id, title: c.name, network: c.network })
    .from(c)
    .where(
      and(visibleChannelAccounts(s.actor, s.orgId), sql`(${s.q} <% ${c.name} or ${c.name} ilike ${likePattern(s.q)})`),
    )
    .orderBy(desc(sql`word_similarity(${s.q}, ${c.name})`), c.name)
    .limit(s.limit);
  return rows.map((r) => ({ kind: "channels", ...r, snippet: "", at: null }));
}

function firstWords(text: string): string {
  const line = text.split("\n")[0]?.trim() ?? "";
  return line.length > 80 ? `${line.slice(0, 79)}…` : line;
}
