// The policy: may this person do this action on this resource now? (who, what, where, when)
// Every route and use case asks here; nothing checks roles by hand. Pure: `now` is a parameter.
import { type Action, type Role, actionsOfRoles } from "./roles.js";
import { type TWeeklyWindow, isWithinWindow } from "./schedule.js";

/** What one membership grants a user inside one organisation. */
export interface Grant {
  orgId: string;
  roles: readonly Role[];
  /** null = every department of the organisation. */
  departmentIds: readonly string[] | null;
  /** null = every channel account of the organisation. */
  channelAccountIds: readonly string[] | null;
  activeWindow: TWeeklyWindow | null;
  disabled: boolean;
}

export interface Actor {
  userId: string | null;
  /** The actor's grant in the organisation the request is about; null when not a member. */
  grant: Grant | null;
}

export interface Resource {
  orgId: string;
  departmentId?: string | null;
  channelAccountId?: string | null;
}

export type DenyReason = "not_member" | "disabled" | "outside_window" | "role" | "department" | "channel_account";

export type Decision = { allowed: true } | { allowed: false; reason: DenyReason; hideExistence: boolean };

export function authorize(args: { actor: Actor; action: Action; resource: Resource; now: Date }): Decision {
  const { actor, action, resource, now } = args;
  const grant = actor.grant;
  // Strangers must not learn that a resource of another organisation exists.
  if (!grant || grant.orgId !== resource.orgId) return deny("not_member", true);
  if (grant.disabled) return deny("disabled", true);
  if (grant.activeWindow && !isWithinWindow(grant.activeWindow, now)) return deny("outside_window", false);
  if (!actionsOfRoles(grant.roles).has(action)) return deny("role", false);
  if (resource.departmentId && grant.departmentIds && !grant.departmentIds.includes(resource.departmentId)) {
    return deny("department", false);
  }
  if (
    resource.channelAccountId &&
    grant.channelAccountIds &&
    !grant.channelAccountIds.includes(resource.channelAccountId)
  ) {
    return deny("channel_account", false);
  }
  return { allowed: true };
}

function deny(reason: DenyReason, hideExistence: boolean): Decision {
  return { allowed: false, reason, hideExistence };
}

/** The actions the actor may take in their organisation right now (for the UI's navigation). */
export function permittedActions(actor: Actor, now: Date): Action[] {
  const grant = actor.grant;
  if (!grant) return [];
  return [...actionsOfRoles(grant.roles)].filter(
    (action) => authorize({ actor, action, resource: { orgId: grant.orgId }, now }).allowed,
  );
}
