// The policy: may this person do this action on this resource now? (who, what, where, when)
// Every route and use case asks here; nothing checks roles by hand. Pure: `now` is a parameter.
//
// Where: a membership may be limited to departments and to channel accounts. The one rule for scope:
// a limited person sees and changes only what belongs to their departments (and reaches only their
// channel accounts); what belongs to no department belongs to the whole organisation and needs a grant
// without that limit. A resource always says which of three kinds it is, so "no department" can never be
// read as "any department" (docs/ARCHITECTURE.md, "Who sees what").
import { type Action, type Role, actionsOfRoles } from "./roles.js";
import { type TWeeklyWindow, isWithinWindow } from "./schedule.js";

/** What one membership grants a user inside one organisation. */
export interface Grant {
  orgId: string;
  roles: readonly Role[];
  /** null = every department of the organisation (an empty list: none). */
  departmentIds: readonly string[] | null;
  /** null = every channel account of the organisation (an empty list: none). */
  channelAccountIds: readonly string[] | null;
  activeWindow: TWeeklyWindow | null;
  disabled: boolean;
}

export interface Actor {
  userId: string | null;
  /** The actor's grant in the organisation the request is about; null when not a member. */
  grant: Grant | null;
}

/** What an action is about. Build one with `inOrganisation`, `organisationWide` or `scoped`. */
export type Resource =
  /**
   * The organisation as the place of work: may the person do this here at all (role, time window)?
   * Routes ask this at the door; a list asks it and then keeps only the rows within the person's scope
   * (app/scope.ts, the same rule in SQL); references every member works with (guidelines, departments,
   * office hours, the Netiquette, …) are read with it.
   */
  | { kind: "organisation"; orgId: string }
  /**
   * A record or setting of the whole organisation (its structure, people, settings, audit trail): needs
   * a grant limited neither to departments nor to channel accounts.
   */
  | { kind: "organisation_wide"; orgId: string }
  /**
   * A thing of one department, or of none (`departmentId: null`: the whole organisation's, so only for a
   * grant not limited to departments), reaching these channel accounts (each within a grant limited to
   * channel accounts; an empty list: tied to no account).
   */
  | { kind: "scoped"; orgId: string; departmentId: string | null; channelAccountIds: readonly string[] };

export const inOrganisation = (orgId: string): Resource => ({ kind: "organisation", orgId });

export const organisationWide = (orgId: string): Resource => ({ kind: "organisation_wide", orgId });

export function scoped(args: {
  orgId: string;
  departmentId: string | null;
  channelAccountIds?: readonly string[];
}): Resource {
  return {
    kind: "scoped",
    orgId: args.orgId,
    departmentId: args.departmentId,
    channelAccountIds: args.channelAccountIds ?? [],
  };
}

/**
 * A reference the whole organisation shares (media, reply templates): one of the organisation's is read by
 * every member with the action, one of a department only by that department's people. Changing it is `scoped`.
 */
export const sharedReference = (orgId: string, departmentId: string | null): Resource =>
  departmentId === null ? inOrganisation(orgId) : scoped({ orgId, departmentId });

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
  const outside = outsideScope(grant, resource);
  return outside ? deny(outside, false) : { allowed: true };
}

function outsideScope(grant: Grant, resource: Resource): "department" | "channel_account" | null {
  switch (resource.kind) {
    case "organisation":
      return null;
    case "organisation_wide":
      if (grant.departmentIds !== null) return "department";
      return grant.channelAccountIds !== null ? "channel_account" : null;
    case "scoped":
      if (!coversDepartment(grant, resource.departmentId)) return "department";
      return resource.channelAccountIds.every((id) => coversChannelAccount(grant, id)) ? null : "channel_account";
  }
}

/** Whether the grant reaches a department; `null` (the whole organisation's) only without a department limit. */
export function coversDepartment(grant: Grant, departmentId: string | null): boolean {
  if (grant.departmentIds === null) return true;
  return departmentId !== null && grant.departmentIds.includes(departmentId);
}

export function coversChannelAccount(grant: Grant, channelAccountId: string): boolean {
  return grant.channelAccountIds === null || grant.channelAccountIds.includes(channelAccountId);
}

function deny(reason: DenyReason, hideExistence: boolean): Decision {
  return { allowed: false, reason, hideExistence };
}

/** The actions the actor may take in their organisation right now (for the UI's navigation). */
export function permittedActions(actor: Actor, now: Date): Action[] {
  const grant = actor.grant;
  if (!grant) return [];
  return [...actionsOfRoles(grant.roles)].filter(
    (action) => authorize({ actor, action, resource: inOrganisation(grant.orgId), now }).allowed,
  );
}
