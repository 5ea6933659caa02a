// Membership helpers shared by the member use cases: department scope (refusing departments of
// other organisations), lookup, and the "keep one administrator" guard.
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import {
  channelAccounts,
  departments,
  membershipChannelAccounts,
  membershipDepartments,
  memberships,
} from "../../db/schema/index.js";
import { AppError } from "../../domain/errors.js";
import { wouldRemoveLastAdministrator } from "../../domain/membershipRules.js";
import { isRole } from "../../domain/roles.js";

export async function replaceDepartmentScope(
  tx: Db,
  args: { orgId: string; membershipId: string; departmentIds: string[] | null },
): Promise<void> {
  const { departmentIds } = args;
  if (departmentIds && departmentIds.length > 0) {
    const found = await tx
      .select({ id: departments.id })
      .from(departments)
      .where(and(eq(departments.orgId, args.orgId), inArray(departments.id, departmentIds)));
    if (found.length !== new Set(departmentIds).size) {
      throw new AppError("VALIDATION_FAILED", { details: { field: "departmentIds", problem: "unknown_department" } });
    }
  }
  await tx.delete(membershipDepartments).where(eq(membershipDepartments.membershipId, args.membershipId));
  await tx
    .update(memberships)
    .set({ limitedToDepartments: departmentIds !== null })
    .where(eq(memberships.id, args.membershipId));
  if (departmentIds && departmentIds.length > 0) {
    await tx
      .insert(membershipDepartments)
      .values([...new Set(departmentIds)].map((departmentId) => ({ membershipId: args.membershipId, departmentId })));
  }
}

/** Limits a membership to channel accounts of its organisation (null = all accounts). */
export async function replaceChannelAccountScope(
  tx: Db,
  args: { orgId: string; membershipId: string; channelAccountIds: string[] | null },
): Promise<void> {
  const ids = args.channelAccountIds ? [...new Set(args.channelAccountIds)] : null;
  if (ids && ids.length > 0) {
    const found = await tx
      .select({ id: channelAccounts.id })
      .from(channelAccounts)
      .where(and(eq(channelAccounts.orgId, args.orgId), inArray(channelAccounts.id, ids)));
    if (found.length !== ids.length) {
      throw new AppError("VALIDATION_FAILED", {
        details: { field: "channelAccountIds", problem: "unknown_channel_account" },
      });
    }
  }
  await tx.delete(membershipChannelAccounts).where(eq(membershipChannelAccounts.membershipId, args.membershipId));
  await tx
    .update(memberships)
    .set({ limitedToChannelAccounts: ids !== null })
    .where(eq(memberships.id, args.membershipId));
  if (ids && ids.length > 0) {
    await tx
      .insert(membershipChannelAccounts)
      .values(ids.map((channelAccountId) => ({ membershipId: args.membershipId, channelAccountId })));
  }
}

export async function findMembership(tx: Db, args: { orgId: string; userId: string }) {
  const [membership] = await tx
    .select()
    .from(memberships)
    .where(and(eq(memberships.orgId, args.orgId), eq(memberships.userId, args.userId)));
  if (!membership) throw new AppError("NOT_FOUND");
  return membership;
}

/** Refuses a change that would leave the organisation without an active administrator. */
export async function assertKeepsAnAdministrator(
  tx: Db,
  args: { orgId: string; change: Parameters<typeof wouldRemoveLastAdministrator>[1] },
): Promise<void> {
  const everyone = await tx.select().from(memberships).where(eq(memberships.orgId, args.orgId));
  const summaries = everyone.map((m) => ({
    userId: m.userId,
    roles: m.roles.filter(isRole),
    disabled: m.disabledAt !== null,
  }));
  if (wouldRemoveLastAdministrator(summaries, args.change)) throw new AppError("LAST_ADMINISTRATOR");
}
