// Turns the policy's decision into the outcome use cases act on: go on, or an AppError that
// hides the resource (NOT_FOUND) from strangers and says NOT_ALLOWED to members lacking the right.
import { AppError } from "../domain/errors.js";
import { type Actor, type Resource, authorize } from "../domain/policy.js";
import type { Action } from "../domain/roles.js";
import type { AppContext, Principal } from "./context.js";

export type OrgActor = Principal & Actor;

export function requireAllowed(ctx: AppContext, actor: OrgActor, action: Action, resource: Resource): void {
  const decision = authorize({ actor, action, resource, now: ctx.clock() });
  if (decision.allowed) return;
  ctx.log.info({ userId: actor.userId, action, orgId: resource.orgId, reason: decision.reason }, "access refused");
  if (decision.hideExistence) throw new AppError("NOT_FOUND");
  throw new AppError("NOT_ALLOWED", { details: { action, reason: decision.reason } });
}

/**
 * The installation acting inside one organisation with full rights (demo loader, operator tools).
 * Never built from a request.
 */
export function installationActorIn(orgId: string, principal: Principal): OrgActor {
  return {
    ...principal,
    grant: {
      orgId,
      roles: ["administrator"],
      departmentIds: null,
      channelAccountIds: null,
      activeWindow: null,
      disabled: false,
    },
  };
}
