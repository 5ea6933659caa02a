// Asks the policy about a post as a whole: its department and every channel account it goes to.
import type { Action } from "../../domain/roles.js";
import { type OrgActor, requireAllowed } from "../authorization.js";
import type { AppContext } from "../context.js";

export function requireForPost(
  ctx: AppContext,
  actor: OrgActor,
  action: Action,
  post: { orgId: string; departmentId: string | null; channelAccountIds: readonly string[] },
): void {
  requireAllowed(ctx, actor, action, { orgId: post.orgId, departmentId: post.departmentId });
  for (const channelAccountId of post.channelAccountIds) {
    requireAllowed(ctx, actor, action, { orgId: post.orgId, departmentId: post.departmentId, channelAccountId });
  }
}

export function personOf(actor: OrgActor): string {
  if (!actor.userId) throw new Error("posts are written by people; the actor has no user id");
  return actor.userId;
}
