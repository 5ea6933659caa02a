// One post as the composer and the approver see it: its channels with the text each will receive,
// the live check, the approval history, the outbox state, and what the asking person may do next.
import { and, eq } from "drizzle-orm";
import { posts, users } from "../../db/schema/index.js";
import { AppError } from "../../domain/errors.js";
import type { Action } from "../../domain/roles.js";
import { canTransition, stepsOf } from "../../domain/postWorkflow.js";
import type { OrgActor } from "../authorization.js";
import type { AppContext } from "../context.js";
import { mayForPost, requireForPost } from "./postAccess.js";
import {
  checkAgainstGuideline,
  pollEnd,
  loadAccounts,
  loadPostDetails,
  loadPostMedia,
  textFor,
} from "./postRecords.js";

export async function getPost(ctx: AppContext, options: { actor: OrgActor; orgId: string; postId: string }) {
  const [post] = await ctx.db
    .select()
    .from(posts)
    .where(and(eq(posts.id, options.postId), eq(posts.orgId, options.orgId)));
  if (!post) throw new AppError("NOT_FOUND");
  const details = await loadPostDetails(ctx.db, post);
  const channelAccountIds = details.channels.map((c) => c.channelAccountId);
  requireForPost(ctx, options.actor, "post.draft", { ...post, channelAccountIds });
  const accounts = await loadAccounts(ctx.db, { orgId: post.orgId, ids: channelAccountIds, includeDisabled: true });
  const now = ctx.clock();
  const publishAt = post.scheduledAt && post.scheduledAt > now ? post.scheduledAt : now;
  const media = await loadPostMedia(ctx.db, { orgId: post.orgId, postId: post.id });
  // A post going to a disabled account cannot be checked as a whole until it is taken off that account.
  const live = accounts.every((a) => a.disabledAt === null)
    ? (
        await checkAgainstGuideline(ctx.db, {
          orgId: post.orgId,
          body: post.body,
          threadParts: post.threadParts,
          channels: details.channels,
          accounts,
          publishAt,
          campaignId: post.campaignId,
          media,
          poll: pollEnd(post.poll),
          replyPolicy: post.replyPolicy,
        })
      ).result
    : null;
  const [author] = await ctx.db.select({ name: users.name }).from(users).where(eq(users.id, post.authorUserId));
  const may = (action: Action) => mayForPost(ctx, options.actor, action, { ...post, channelAccountIds });
  const isAuthor = options.actor.userId === post.authorUserId;
  return {
    post: { ...post, authorName: author?.name ?? "" },
    channels: details.channels.map((c) => {
      const account = accounts.find((a) => a.id === c.channelAccountId);
      return {
        ...c,
        name: account?.name ?? "",
        network: account?.network ?? "",
        emulates: account?.emulates ?? null,
        text: textFor(post.body, c),
      };
    }),
    check: live,
    media,
    approvals: details.approvals,
    approvalSteps: stepsOf(post.approvalMode ?? "none"),
    publications: details.publications.map(({ idempotencyKey: _key, ...p }) => p),
    can: {
      edit: canTransition(post.status, "edit") && may("post.draft"),
      submit: canTransition(post.status, "submit_for_review") && may("post.submit"),
      decide: post.status === "in_review" && !isAuthor && may("post.approve"),
      withdraw: canTransition(post.status, "withdraw") && (isAuthor ? may("post.draft") : may("post.approve")),
      retry: post.status === "failed" && may("post.publish"),
      reschedule: canTransition(post.status, "reschedule") && may("post.schedule"),
      retract:
        post.retractedAt === null &&
        details.publications.some((p) => p.status === "published" && p.retractedAt === null) &&
        may("post.publish"),
    },
  };
}
