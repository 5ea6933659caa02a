// The staff view of citizen comments on the website channel, newest first: filter by state and post,
// with the post they are under, the moderation trail and whether the administration has answered; the
// comments of the conversations the person may see (commentRecords.ts).
import { and, desc, eq, inArray, lt, or, sql } from "drizzle-orm";
import {
  channelAccounts,
  conversations,
  inboundMessages,
  websiteComments,
  websiteEntries,
} from "../../db/schema/index.js";
import { inOrganisation } from "../../domain/policy.js";
import { type OrgActor, requireAllowed } from "../authorization.js";
import type { AppContext } from "../context.js";
import { withinScope } from "../scope.js";
import { inboundCopyOf } from "./commentRecords.js";
import { ZCommentFilter } from "../../contract/website.js";
import { excerpt } from "../../text/excerpt.js";

export async function listWebsiteComments(
  ctx: AppContext,
  options: { actor: OrgActor; orgId: string; filter: unknown },
) {
  const filter = ZCommentFilter.parse(options.filter);
  requireAllowed(ctx, options.actor, "inbox.view", inOrganisation(options.orgId));
  const [beforeAt, beforeId] = filter.before?.split("|") ?? [];
  const rows = await ctx.db
    .select({
      comment: websiteComments,
      entryText: websiteEntries.text,
      channelAccountId: channelAccounts.id,
      channelName: channelAccounts.name,
      answers: sql<number>`(select count(*)::int from website_comments a where a.parent_id = coalesce(${websiteComments.parentId}, ${websiteComments.id}) and a.author_kind = 'staff' and a.acknowledges_comment_id is null and a.created_at > ${websiteComments.createdAt})`,
    })
    .from(websiteComments)
    .innerJoin(websiteEntries, eq(websiteEntries.id, websiteComments.entryId))
    .innerJoin(channelAccounts, eq(channelAccounts.id, websiteEntries.channelAccountId))
    .leftJoin(inboundMessages, inboundCopyOf)
    .leftJoin(conversations, eq(conversations.id, inboundMessages.conversationId))
    .where(
      and(
        eq(websiteComments.orgId, options.orgId),
        withinScope(options.actor, { departmentId: conversations.departmentId, channelAccountId: channelAccounts.id }),
        eq(websiteComments.authorKind, "citizen"),
        filter.status ? eq(websiteComments.status, filter.status) : undefined,
        filter.entryId ? eq(websiteComments.entryId, filter.entryId) : undefined,
        beforeAt && beforeId
          ? or(
              lt(websiteComments.createdAt, new Date(beforeAt)),
              and(eq(websiteComments.createdAt, new Date(beforeAt)), lt(websiteComments.id, beforeId)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(websiteComments.createdAt), desc(websiteComments.id))
    .limit(filter.limit + 1);
  const page = rows.slice(0, filter.limit);
  const last = rows.length > filter.limit ? rows[filter.limit - 1] : undefined;
  const parentIds = [...new Set(page.map((r) => r.comment.parentId).filter((id): id is string => id !== null))];
  const parents = parentIds.length
    ? await ctx.db
        .select({ id: websiteComments.id, displayName: websiteComments.displayName })
        .from(websiteComments)
        .where(inArray(websiteComments.id, parentIds))
    : [];
  return {
    comments: page.map(({ comment, entryText, channelName, channelAccountId, answers }) => ({
      id: comment.id,
      entryId: comment.entryId,
      entryExcerpt: excerpt(entryText, 140),
      channelAccountId,
      channelName,
      parentId: comment.parentId,
      parentAuthor: parents.find((p) => p.id === comment.parentId)?.displayName ?? null,
      displayName: comment.displayName,
      text: comment.text,
      status: comment.status,
      moderation: comment.moderation,
      answered: answers > 0,
      emailConfirmed: comment.emailConfirmedAt !== null,
      createdAt: comment.createdAt.toISOString(),
    })),
    next: last ? `${last.comment.createdAt.toISOString()}|${last.comment.id}` : null,
  };
}
