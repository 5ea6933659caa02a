// Lists the people of an organisation with their roles and scope.
import { asc, eq, inArray } from "drizzle-orm";
import { membershipChannelAccounts, membershipDepartments, memberships, users } from "../../db/schema/index.js";
import { isRole } from "../../domain/roles.js";
import { organisationWide } from "../../domain/policy.js";
import { type OrgActor, requireAllowed } from "../authorization.js";
import type { AppContext } from "../context.js";

export async function listMembers(ctx: AppContext, options: { actor: OrgActor; orgId: string }) {
  // The people of the whole organisation, with their scopes: a record of the organisation.
  requireAllowed(ctx, options.actor, "member.view", organisationWide(options.orgId));
  const rows = await ctx.db
    .select({ membership: memberships, user: users })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.orgId, options.orgId))
    .orderBy(asc(users.name));
  const scoped = rows.filter((r) => r.membership.limitedToDepartments).map((r) => r.membership.id);
  const scopes = scoped.length
    ? await ctx.db.select().from(membershipDepartments).where(inArray(membershipDepartments.membershipId, scoped))
    : [];
  const channelScoped = rows.filter((r) => r.membership.limitedToChannelAccounts).map((r) => r.membership.id);
  const channelScopes = channelScoped.length
    ? await ctx.db
        .select()
        .from(membershipChannelAccounts)
        .where(inArray(membershipChannelAccounts.membershipId, channelScoped))
    : [];
  return rows.map(({ membership, user }) => ({
    userId: user.id,
    email: user.email,
    name: user.name,
    roles: membership.roles.filter(isRole),
    departmentIds: membership.limitedToDepartments
      ? scopes.filter((s) => s.membershipId === membership.id).map((s) => s.departmentId)
      : null,
    channelAccountIds: membership.limitedToChannelAccounts
      ? channelScopes.filter((s) => s.membershipId === membership.id).map((s) => s.channelAccountId)
      : null,
    activeWindow: membership.activeWindow ?? null,
    disabled: membership.disabledAt !== null,
    mustChangePassword: user.mustChangePassword,
    createdAt: membership.createdAt,
  }));
}
