// Posts in review (Freigabe) that this person may approve now: within their scope, never their own, and only
// where the post's approval rule lets them take the next step (domain/postWorkflow.ts checkApprover, as
// app/posts/decide-post.ts asks it) — so a second approver of four eyes does not see what they approved already.
import { and, asc, eq, inArray, ne } from "drizzle-orm";
import { postApprovals, postChannels, posts, users } from "../../db/schema/index.js";
import { checkApprover, stepsOf } from "../../domain/postWorkflow.js";
import { excerpt } from "../../text/excerpt.js";
import type { OrgActor } from "../authorization.js";
import type { AppContext } from "../context.js";
import { mayForPost, postsWithinScope } from "../posts/postAccess.js";

/** More posts than this in review at once is not a start page's question; the count stops there. */
const MOST_IN_REVIEW = 500;

export async function postsAwaitingApproval(ctx: AppContext, args: { actor: OrgActor; orgId: string }) {
  const me = args.actor.userId;
  if (!me) return [];
  const rows = await ctx.db
    .select({ post: posts, authorName: users.name })
    .from(posts)
    .innerJoin(users, eq(users.id, posts.authorUserId))
    .where(
      and(
        eq(posts.orgId, args.orgId),
        eq(posts.status, "in_review"),
        ne(posts.authorUserId, me),
        postsWithinScope(ctx.db, args.actor),
      ),
    )
    .orderBy(asc(posts.submittedAt), asc(posts.id))
    .limit(MOST_IN_REVIEW);
  const ids = rows.map((r) => r.post.id);
  if (ids.length === 0) return [];
  const [channels, approvals] = await Promise.all([
    ctx.db
      .select({ postId: postChannels.postId, channelAccountId: postChannels.channelAccountId })
      .from(postChannels)
      .where(inArray(postChannels.postId, ids)),
    ctx.db
      .select({
        postId: postApprovals.postId,
        revision: postApprovals.revision,
        userId: postApprovals.userId,
        step: postApprovals.step,
      })
      .from(postApprovals)
      .where(and(inArray(postApprovals.postId, ids), eq(postApprovals.decision, "approved"))),
  ]);
  return rows.flatMap(({ post, authorName }) => {
    const channelAccountIds = channels.filter((c) => c.postId === post.id).map((c) => c.channelAccountId);
    if (!mayForPost(ctx, args.actor, "post.approve", { ...post, channelAccountIds })) return [];
    const mode = post.approvalMode ?? "single";
    const verdict = checkApprover({
      mode,
      approvals: approvals.filter((a) => a.postId === post.id && a.revision === post.revision),
      authorUserId: post.authorUserId,
      approverUserId: me,
      approverRoles: args.actor.grant?.roles ?? [],
    });
    if (!verdict.ok) return [];
    return [
      {
        id: post.id,
        title: post.title,
        excerpt: excerpt(post.body, 160),
        authorName,
        submittedAt: post.submittedAt,
        scheduledAt: post.scheduledAt,
        step: verdict.step + 1,
        steps: stepsOf(mode).length,
      },
    ];
  });
}
