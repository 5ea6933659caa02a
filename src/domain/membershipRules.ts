// Rules about who may manage whose account, beyond what a role grants.
import type { Role } from "./roles.js";

export interface MemberSummary {
  userId: string;
  roles: readonly Role[];
  disabled: boolean;
}

/** An organisation must always keep at least one active administrator. */
export function wouldRemoveLastAdministrator(
  members: readonly MemberSummary[],
  change: { userId: string; roles?: readonly Role[]; disabled?: boolean; removed?: boolean },
): boolean {
  const isActiveAdmin = (m: MemberSummary) => !m.disabled && m.roles.includes("administrator");
  const before = members.filter(isActiveAdmin).length;
  const after = members
    .map((m) =>
      m.userId === change.userId
        ? change.removed
          ? null
          : { ...m, roles: change.roles ?? m.roles, disabled: change.disabled ?? m.disabled }
        : m,
    )
    .filter((m): m is MemberSummary => m !== null)
    .filter(isActiveAdmin).length;
  return before > 0 && after === 0;
}

/**
 * A password belongs to the person, not to one organisation: an administrator may reset it only
 * when they administer every organisation the person belongs to — otherwise an administrator of one
 * municipality could take over an account used in another.
 */
export function mayResetPasswordOf(args: {
  actorAdministeredOrgIds: readonly string[];
  targetOrgIds: readonly string[];
}): boolean {
  return args.targetOrgIds.every((orgId) => args.actorAdministeredOrgIds.includes(orgId));
}
