// Posts of an organisation for the post list, the review queue and the calendar: filtered by status,
// time range, department and account; limited to the departments and accounts the person may see.
import { and, asc, desc, eq, gte, inArray, isNotNull, lt, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { channelAccounts, postChannels, posts, users } from "../../db/schema/index.js";
import { inOrganisation } from "../../domain/policy.js";
import { POST_STATUSES } from "../../domain/postWorkflow.js";
import { type OrgActor, requireAllowed } from "../authorization.js";
import type { AppContext } from "../context.js";
import { postsWithinScope } from "./postAccess.js";
import { excerpt } from "../../text/excerpt.js";

export const ZPostListQuery = z.object({
  status: z.array(z.enum(POST_STATUSES)).max(POST_STATUSES.length).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  departmentId: z.uuid().optional(),
  channelAccountId: z.uuid().optional(),
  campaignId: z.uuid().optional(),
  limit: z.number().int().min(1).max(1000).default(200),
});
export type TPostListQuery = z.input<typeof ZPostListQuery>;

export async function listPosts(
  ctx: AppContext,
  options: { actor: OrgActor; orgId: string; query: TPostListQuery; action?: "post.draft" | "calendar.view" },
) {
  requireAllowed(ctx, options.actor, options.action ?? "post.draft", inOrganisation(options.orgId));
  const query = ZPostListQuery.parse(options.query);
  const conditions: (SQL | undefined)[] = [eq(posts.orgId, options.orgId), postsWithinScope(ctx.db, options.actor)];
  if (query.status) conditions.push(inArray(posts.status, query.status));
  // The calendar shows a post at its planned time, or when it went out if it had none.
  const calendarTime = sql<Date>`coalesce(${posts.scheduledAt}, ${posts.publishedAt})`;
  if (query.from || query.to) {
    conditions.push(isNotNull(calendarTime));
    if (query.from) conditions.push(gte(calendarTime, new Date(query.from)));
    if (query.to) conditions.push(lt(calendarTime, new Date(query.to)));
  }
  if (query.departmentId) conditions.push(eq(posts.departmentId, query.departmentId));
  if (query.campaignId) conditions.push(eq(posts.campaignId, query.campaignId));
  // In the query, not after it: a page holds `limit` posts of the account, not fewer.
  if (query.channelAccountId)
    conditions.push(
      inArray(
        posts.id,
        ctx.db
          .select({ id: postChannels.postId })
          .from(postChannels)
          .where(eq(postChannels.channelAccountId, query.channelAccountId)),
      ),
    );
  const rows = await ctx.db
    .select({ post: posts, authorName: users.name })
    .from(posts)
    .innerJoin(users, eq(users.id, posts.authorUserId))
    .where(and(...conditions))
    .orderBy(query.from ? asc(calendarTime) : desc(posts.updatedAt))
    .limit(query.limit);
  const ids = rows.map((r) => r.post.id);
  const channels = ids.length
    ? await ctx.db
        .select({
          postId: postChannels.postId,
          channelAccountId: postChannels.channelAccountId,
          name: channelAccounts.name,
        })
        .from(postChannels)
        .innerJoin(channelAccounts, eq(channelAccounts.id, postChannels.channelAccountId))
        .where(inArray(postChannels.postId, ids))
    : [];
  return rows.map(({ post, authorName }) => {
    const own = channels.filter((c) => c.postId === post.id);
    const { body, checkResult: _check, ...rest } = post;
    return {
      ...rest,
      excerpt: excerpt(body, 280),
      authorName,
      channels: own.map((c) => ({ id: c.channelAccountId, name: c.name })),
    };
  });
}
