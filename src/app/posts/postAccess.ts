// Asks the policy about a post as a whole: its department and every channel account it goes to; and the
// same rule in SQL for lists of posts (post list, calendar, campaign board).
import { type SQL, and, eq, notExists, notInArray, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { postChannels, posts } from "../../db/schema/index.js";
import { type Resource, authorize, scoped, sharedReference } from "../../domain/policy.js";
import type { Action } from "../../domain/roles.js";
import { type OrgActor, requireAllowed } from "../authorization.js";
import type { AppContext } from "../context.js";
import { departmentWithin } from "../scope.js";

interface PostScope {
  orgId: string;
  departmentId: string | null;
  channelAccountIds: readonly string[];
}

/** A post is its department's (none: the whole organisation's) and reaches each of its accounts. */
function resourceOf(post: PostScope): Resource {
  return scoped({ orgId: post.orgId, departmentId: post.departmentId, channelAccountIds: post.channelAccountIds });
}

export function requireForPost(ctx: AppContext, actor: OrgActor, action: Action, post: PostScope): void {
  requireAllowed(ctx, actor, action, resourceOf(post));
}

/** The same question without refusing: what the UI may offer. */
export function mayForPost(ctx: AppContext, actor: OrgActor, action: Action, post: PostScope): boolean {
  return authorize({ actor, action, resource: resourceOf(post), now: ctx.clock() }).allowed;
}

/** Posts the person may see: of their departments, and going only to their channel accounts. */
export function postsWithinScope(db: Db, actor: OrgActor): SQL | undefined {
  const accounts = actor.grant?.channelAccountIds ?? null;
  return and(
    departmentWithin(actor, posts.departmentId),
    accounts === null
      ? undefined
      : notExists(
          db
            .select({ one: sql`1` })
            .from(postChannels)
            .where(and(eq(postChannels.postId, posts.id), notInArray(postChannels.channelAccountId, [...accounts]))),
        ),
  );
}

/** A post may show the organisation's files and its author's departments' (policy.sharedReference). */
export function requireUsableMedia(
  ctx: AppContext,
  actor: OrgActor,
  args: { orgId: string; media: readonly { departmentId: string | null }[] },
): void {
  for (const item of args.media)
    requireAllowed(ctx, actor, "post.draft", sharedReference(args.orgId, item.departmentId));
}

export function personOf(actor: OrgActor): string {
  if (!actor.userId) throw new Error("posts are written by people; the actor has no user id");
  return actor.userId;
}
