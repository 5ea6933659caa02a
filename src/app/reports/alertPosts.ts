// Which of our posts a shitstorm alert under one post raged under, for the moderation report's alert list: the
// post whose publication on the alert's channel account carries the thread's network id (the thread's root,
// as the alert keeps it). Named only to a viewer who may see the post (postsWithinScope, as Stimmung's post
// lists do); for any other alert the report says only that it was under one post.
import { and, eq, or } from "drizzle-orm";
import { posts, publications } from "../../db/schema/index.js";
import type { OrgActor } from "../authorization.js";
import type { AppContext } from "../context.js";
import { postsWithinScope } from "../posts/postAccess.js";
import { titleOf } from "./postChoices.js";

interface AlertThread {
  id: string;
  channelAccountId: string;
  /** "" for an alert across the whole account. */
  threadExternalId: string;
}

/** Each alert's post (id and title) where there is one the viewer may see, by the alert's id. */
export async function alertPosts(
  ctx: AppContext,
  args: { actor: OrgActor; orgId: string; alerts: readonly AlertThread[] },
): Promise<Map<string, { id: string; title: string }>> {
  const threads = args.alerts.filter((a) => a.threadExternalId !== "");
  if (threads.length === 0) return new Map();
  // At most the report's 100 alerts, each one lookup on the (channel account, external id) index.
  const rows = await ctx.db
    .selectDistinct({
      channelAccountId: publications.channelAccountId,
      externalId: publications.externalId,
      id: posts.id,
      title: posts.title,
      body: posts.body,
    })
    .from(publications)
    .innerJoin(posts, eq(posts.id, publications.postId))
    .where(
      and(
        eq(posts.orgId, args.orgId),
        or(
          ...threads.map((a) =>
            and(eq(publications.channelAccountId, a.channelAccountId), eq(publications.externalId, a.threadExternalId)),
          ),
        ),
        postsWithinScope(ctx.db, args.actor),
      ),
    );
  const key = (channelAccountId: string, externalId: string | null) => `${channelAccountId}\u0000${externalId}`;
  const byThread = new Map(rows.map((r) => [key(r.channelAccountId, r.externalId), { id: r.id, title: titleOf(r) }]));
  return new Map(
    threads.flatMap((a) => {
      const post = byThread.get(key(a.channelAccountId, a.threadExternalId));
      return post ? [[a.id, post] as const] : [];
    }),
  );
}
