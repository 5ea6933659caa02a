// Asks the policy about a post as a whole: its department and every channel account it goes to.
import { type Resource, authorize } from "../../domain/policy.js";
import type { Action } from "../../domain/roles.js";
import { type OrgActor, requireAllowed } from "../authorization.js";
import type { AppContext } from "../context.js";

interface PostScope {
  orgId: string;
  departmentId: string | null;
  channelAccountIds: readonly string[];
}

/** The resources the policy is asked about for a post: the post in its department, then each of its accounts. */
function resourcesOf(post: PostScope): Resource[] {
  const base = { orgId: post.orgId, departmentId: post.departmentId };
  return [base, ...post.channelAccountIds.map((channelAccountId) => ({ ...base, channelAccountId }))];
}

export function requireForPost(ctx: AppContext, actor: OrgActor, action: Action, post: PostScope): void {
  for (const resource of resourcesOf(post)) requireAllowed(ctx, actor, action, resource);
}

/** The same question without refusing: what the UI may offer. */
export function mayForPost(ctx: AppContext, actor: OrgActor, action: Action, post: PostScope): boolean {
  const now = ctx.clock();
  return resourcesOf(post).every((resource) => authorize({ actor, action, resource, now }).allowed);
}

export function personOf(actor: OrgActor): string {
  if (!actor.userId) throw new Error("posts are written by people; the actor has no user id");
  return actor.userId;
}
