// Loads what a membership grants, in the shape the policy reads.
import { and, eq } from "drizzle-orm";
import type { Grant } from "../../domain/policy.js";
import { isRole } from "../../domain/roles.js";
import type { Db } from "../client.js";
import { membershipChannelAccounts, membershipDepartments, memberships } from "../schema/index.js";

type MembershipRow = typeof memberships.$inferSelect;

export async function loadGrant(db: Db, args: { userId: string; orgId: string }): Promise<Grant | null> {
  const [membership] = await db
    .select()
    .from(memberships)
    .where(and(eq(memberships.userId, args.userId), eq(memberships.orgId, args.orgId)));
  return membership ? grantOfMembership(db, membership) : null;
}

export async function grantOfMembership(db: Db, membership: MembershipRow): Promise<Grant> {
  const departmentIds = membership.limitedToDepartments
    ? (
        await db
          .select({ id: membershipDepartments.departmentId })
          .from(membershipDepartments)
          .where(eq(membershipDepartments.membershipId, membership.id))
      ).map((r) => r.id)
    : null;
  const channelAccountIds = membership.limitedToChannelAccounts
    ? (
        await db
          .select({ id: membershipChannelAccounts.channelAccountId })
          .from(membershipChannelAccounts)
          .where(eq(membershipChannelAccounts.membershipId, membership.id))
      ).map((r) => r.id)
    : null;
  return {
    orgId: membership.orgId,
    roles: membership.roles.filter(isRole),
    departmentIds,
    channelAccountIds,
    activeWindow: membership.activeWindow ?? null,
    disabled: membership.disabledAt !== null,
  };
}
