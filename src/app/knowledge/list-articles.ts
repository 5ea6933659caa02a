// The knowledge base's list: every article of the organisation (an internal wiki: all who may read knowledge
// read all of it, across departments), archived ones only when asked for, filtered by status, department and
// tag, and searched in German — stems with umlauts folded over title and text, typing errors in the title
// forgiven through trigram similarity — best match first.
import { type SQL, and, desc, eq, ne, sql } from "drizzle-orm";
import { ZArticleListQuery } from "../../contract/knowledge.js";
import { knowledgeArticles } from "../../db/schema/index.js";
import { inOrganisation } from "../../domain/policy.js";
import { type OrgActor, requireAllowed } from "../authorization.js";
import type { AppContext } from "../context.js";
import { presentSummary, selectSummaries, todayOf } from "./articleRows.js";

const a = knowledgeArticles;

/** Rows matching the words: all of them as German stems, or the title resembling them despite typing errors. */
export function matchingWords(q: string): { where: SQL; rank: SQL<number> } {
  const query = sql`websearch_to_tsquery('draht_german', ${q})`;
  return {
    where: sql`(${a.search} @@ ${query} or ${q} <% ${a.title})`,
    rank: sql<number>`(ts_rank_cd(${a.search}, ${query}) + word_similarity(${q}, ${a.title}))`,
  };
}

export async function listArticles(ctx: AppContext, options: { actor: OrgActor; orgId: string; filter: unknown }) {
  requireAllowed(ctx, options.actor, "knowledge.view", inOrganisation(options.orgId));
  const filter = ZArticleListQuery.parse(options.filter);
  const words = filter.q ? matchingWords(filter.q) : null;
  const rows = await selectSummaries(ctx.db, {
    where: and(
      eq(a.orgId, options.orgId),
      filter.status ? eq(a.status, filter.status) : ne(a.status, "archived"),
      filter.departmentId ? eq(a.departmentId, filter.departmentId) : undefined,
      filter.tag ? sql`${filter.tag.toLocaleLowerCase("de-DE")} = any(${a.tags})` : undefined,
      words?.where,
    ),
    orderBy: words ? [desc(words.rank), desc(a.updatedAt)] : [sql`lower(${a.title})`, sql`${a.id}`],
  });
  const today = await todayOf(ctx, options.orgId);
  return { articles: rows.map((row) => presentSummary(ctx, options.actor, row, today)) };
}
