// Reading knowledge articles as lists show them: with the owner's name, how often answers drew on them and
// when last, their review and validity state on the organisation's calendar, and whether the reader may
// change them. Shared by the list, the article page and the cleanup list.
import { type SQL, and, desc, eq, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.js";
import {
  conversationReplies,
  knowledgeArticleUses,
  knowledgeArticles,
  organisations,
  users,
} from "../../db/schema/index.js";
import { AppError } from "../../domain/errors.js";
import { localDate, reviewState } from "../../domain/guidelineReview.js";
import { authorize, scoped } from "../../domain/policy.js";
import type { OrgActor } from "../authorization.js";
import type { AppContext } from "../context.js";

const a = knowledgeArticles;

/** Uses by answers that went out (one returned in Freigabe or never sent does not count), of the row's article. */
export function sentUsesOf(articleId: SQL | typeof a.id) {
  return sql`from ${knowledgeArticleUses} u join ${conversationReplies} r on r.id = u.reply_id and r.status = 'sent'
              where u.article_id = ${articleId}`;
}
const sentUses = sentUsesOf(a.id);
const useCount = sql<number>`(select count(*)::int ${sentUses})`;
const lastUsedAt = sql<Date | null>`(select max(u.used_at) ${sentUses})`;

export const summaryColumns = {
  id: a.id,
  orgId: a.orgId,
  title: a.title,
  status: a.status,
  departmentId: a.departmentId,
  ownerUserId: a.ownerUserId,
  ownerName: users.name,
  tags: a.tags,
  validUntil: a.validUntil,
  reviewBy: a.reviewBy,
  version: a.version,
  revision: a.revision,
  updatedAt: a.updatedAt,
  useCount,
  lastUsedAt: sql<Date | null>`${lastUsedAt}`.mapWith((v: string | Date | null) => (v === null ? null : new Date(v))),
};

export async function selectSummaries(db: Db | Tx, args: { where: SQL | undefined; orderBy?: SQL[]; limit?: number }) {
  return db
    .select(summaryColumns)
    .from(a)
    .leftJoin(users, eq(users.id, a.ownerUserId))
    .where(args.where)
    .orderBy(...(args.orderBy ?? [desc(a.updatedAt), a.id]))
    .limit(args.limit ?? 500);
}

export type SummaryRow = Awaited<ReturnType<typeof selectSummaries>>[number];

/** The organisation's calendar day now, for review and validity states. */
export async function todayOf(ctx: AppContext, orgId: string): Promise<string> {
  const [org] = await ctx.db
    .select({ timeZone: organisations.timeZone })
    .from(organisations)
    .where(eq(organisations.id, orgId));
  if (!org) throw new AppError("NOT_FOUND");
  return localDate(ctx.clock(), org.timeZone);
}

/** Whether the person may change an article of this department (knowledge.edit reaching it). */
export function mayEditArticle(ctx: AppContext, actor: OrgActor, orgId: string, departmentId: string | null): boolean {
  return authorize({ actor, action: "knowledge.edit", resource: scoped({ orgId, departmentId }), now: ctx.clock() })
    .allowed;
}

export function presentSummary(ctx: AppContext, actor: OrgActor, row: SummaryRow, today: string) {
  return {
    id: row.id,
    title: row.title,
    status: row.status,
    departmentId: row.departmentId,
    ownerUserId: row.ownerUserId,
    ownerName: row.ownerName,
    tags: row.tags,
    validUntil: row.validUntil,
    expired: row.validUntil !== null && row.validUntil < today,
    reviewBy: row.reviewBy,
    reviewState: reviewState(row.reviewBy, today),
    version: row.version,
    revision: row.revision,
    updatedAt: row.updatedAt.toISOString(),
    useCount: row.useCount,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    mayEdit: mayEditArticle(ctx, actor, row.orgId, row.departmentId),
  };
}

/** One article of the organisation, locked for a change when `forUpdate`. */
export async function loadArticle(db: Db | Tx, args: { orgId: string; articleId: string; forUpdate?: boolean }) {
  const query = db
    .select()
    .from(a)
    .where(and(eq(a.id, args.articleId), eq(a.orgId, args.orgId)));
  const [row] = args.forUpdate ? await query.for("update") : await query;
  if (!row) throw new AppError("NOT_FOUND");
  return row;
}
