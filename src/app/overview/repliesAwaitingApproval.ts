// Replies to citizens waiting for Freigabe that this person may release: in conversations within their scope,
// never their own (app/inbox/decide-reply.ts refuses those). Served by the partial index of replies in review.
import { and, asc, eq, isNull, ne, or, sql } from "drizzle-orm";
import { conversationReplies, conversations, users } from "../../db/schema/index.js";
import { excerpt } from "../../text/excerpt.js";
import type { OrgActor } from "../authorization.js";
import type { AppContext } from "../context.js";
import { visibleConversations } from "../inbox/conversationAccess.js";

export async function repliesAwaitingApproval(
  ctx: AppContext,
  args: { actor: OrgActor; orgId: string; limit: number },
) {
  const r = conversationReplies;
  const me = args.actor.userId;
  const rows = await ctx.db
    .select({
      id: r.id,
      conversationId: r.conversationId,
      citizenName: conversations.citizenName,
      authorName: users.name,
      text: r.text,
      createdAt: r.createdAt,
      total: sql<number>`(count(*) over ())::int`,
    })
    .from(r)
    .innerJoin(conversations, eq(conversations.id, r.conversationId))
    .leftJoin(users, eq(users.id, r.authorUserId))
    .where(
      and(
        eq(r.orgId, args.orgId),
        eq(r.status, "in_review"),
        me ? or(isNull(r.authorUserId), ne(r.authorUserId, me)) : undefined,
        visibleConversations(args.actor),
      ),
    )
    .orderBy(asc(r.createdAt), asc(r.id))
    .limit(args.limit);
  return {
    count: rows[0]?.total ?? 0,
    items: rows.map(({ total: _total, text, ...row }) => ({ ...row, excerpt: excerpt(text, 160) })),
  };
}
