// The organisation's open invitations, for its administrators (nothing about whether an address has
// an account elsewhere).
import { organisationWide } from "../../domain/policy.js";
import { and, asc, eq, gt, isNull } from "drizzle-orm";
import { membershipInvitations } from "../../db/schema/index.js";
import { isRole } from "../../domain/roles.js";
import { type OrgActor, requireAllowed } from "../authorization.js";
import type { AppContext } from "../context.js";

export async function listInvitations(ctx: AppContext, options: { actor: OrgActor; orgId: string }) {
  requireAllowed(ctx, options.actor, "member.manage", organisationWide(options.orgId));
  const rows = await ctx.db
    .select()
    .from(membershipInvitations)
    .where(
      and(
        eq(membershipInvitations.orgId, options.orgId),
        isNull(membershipInvitations.answeredAt),
        gt(membershipInvitations.expiresAt, ctx.clock()),
      ),
    )
    .orderBy(asc(membershipInvitations.createdAt));
  return rows.map((row) => ({
    id: row.id,
    email: row.email,
    name: row.name,
    roles: row.roles.filter(isRole),
    departmentIds: row.departmentIds,
    channelAccountIds: row.channelAccountIds,
    invitedBy: row.invitedByLabel,
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
  }));
}
