// Writing a membership with its roles and scope, shared by the operator's direct add and by accepting
// an invitation; and checking a scope against the organisation before an invitation names it.
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { channelAccounts, departments, memberships } from "../../db/schema/index.js";
import { AppError } from "../../domain/errors.js";
import type { Role } from "../../domain/roles.js";
import type { TWeeklyWindow } from "../../domain/schedule.js";
import { replaceChannelAccountScope, replaceDepartmentScope } from "./membershipScope.js";

export interface MembershipScope {
  roles: Role[];
  /** null = all; a list (possibly empty) limits the membership. */
  departmentIds: string[] | null;
  channelAccountIds: string[] | null;
  activeWindow: TWeeklyWindow | null;
}

export async function grantMembership(
  tx: Db,
  args: { orgId: string; userId: string; scope: MembershipScope; now: Date },
): Promise<string> {
  const [membership] = await tx
    .insert(memberships)
    .values({
      orgId: args.orgId,
      userId: args.userId,
      roles: args.scope.roles,
      activeWindow: args.scope.activeWindow,
      createdAt: args.now,
    })
    .returning({ id: memberships.id });
  if (!membership) throw new Error("insert returned nothing");
  const target = { orgId: args.orgId, membershipId: membership.id };
  await replaceDepartmentScope(tx, { ...target, departmentIds: args.scope.departmentIds });
  await replaceChannelAccountScope(tx, { ...target, channelAccountIds: args.scope.channelAccountIds });
  return membership.id;
}

async function idsOfOrganisation(
  db: Db,
  args: { orgId: string; departmentIds: string[] | null; channelAccountIds: string[] | null },
) {
  const departmentIds = args.departmentIds?.length
    ? (
        await db
          .select({ id: departments.id })
          .from(departments)
          .where(and(eq(departments.orgId, args.orgId), inArray(departments.id, args.departmentIds)))
      ).map((r) => r.id)
    : [];
  const channelAccountIds = args.channelAccountIds?.length
    ? (
        await db
          .select({ id: channelAccounts.id })
          .from(channelAccounts)
          .where(and(eq(channelAccounts.orgId, args.orgId), inArray(channelAccounts.id, args.channelAccountIds)))
      ).map((r) => r.id)
    : [];
  return { departmentIds: new Set(departmentIds), channelAccountIds: new Set(channelAccountIds) };
}

/** Refuses departments and channel accounts that are not the organisation's. */
export async function assertScopeOfOrganisation(
  db: Db,
  args: { orgId: string; departmentIds: string[] | null; channelAccountIds: string[] | null },
): Promise<void> {
  const found = await idsOfOrganisation(db, args);
  if (args.departmentIds?.some((id) => !found.departmentIds.has(id)))
    throw new AppError("VALIDATION_FAILED", { details: { field: "departmentIds", problem: "unknown_department" } });
  if (args.channelAccountIds?.some((id) => !found.channelAccountIds.has(id)))
    throw new AppError("VALIDATION_FAILED", {
      details: { field: "channelAccountIds", problem: "unknown_channel_account" },
    });
}

/**
 * The part of a scope that still exists: departments or channel accounts deleted after the invitation
 * drop out, so the membership is never wider than what the administrator named.
 */
export async function remainingScope(
  db: Db,
  args: { orgId: string; departmentIds: string[] | null; channelAccountIds: string[] | null },
): Promise<{ departmentIds: string[] | null; channelAccountIds: string[] | null }> {
  const found = await idsOfOrganisation(db, args);
  return {
    departmentIds: args.departmentIds ? args.departmentIds.filter((id) => found.departmentIds.has(id)) : null,
    channelAccountIds: args.channelAccountIds
      ? args.channelAccountIds.filter((id) => found.channelAccountIds.has(id))
      : null,
  };
}
