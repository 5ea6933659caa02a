// The open invitations addressed to the signed-in person's e-mail, shown after signing in.
import { and, asc, eq, gt, isNull } from "drizzle-orm";
import { normaliseEmail } from "../../db/queries/people.js";
import { membershipInvitations, organisations } from "../../db/schema/index.js";
import { isRole } from "../../domain/roles.js";
import type { AppContext } from "../context.js";

export async function listMyInvitations(ctx: AppContext, options: { email: string }) {
  const rows = await ctx.db
    .select({
      invitation: membershipInvitations,
      organisationName: organisations.name,
      timeZone: organisations.timeZone,
    })
    .from(membershipInvitations)
    .innerJoin(organisations, eq(organisations.id, membershipInvitations.orgId))
    .where(
      and(
        eq(membershipInvitations.email, normaliseEmail(options.email)),
        isNull(membershipInvitations.answeredAt),
        gt(membershipInvitations.expiresAt, ctx.clock()),
      ),
    )
    .orderBy(asc(membershipInvitations.createdAt));
  return rows.map(({ invitation, organisationName, timeZone }) => ({
    id: invitation.id,
    orgId: invitation.orgId,
    organisationName,
    /** The inviting organisation's time zone, in which its dates are shown. */
    timeZone,
    roles: invitation.roles.filter(isRole),
    invitedBy: invitation.invitedByLabel,
    expiresAt: invitation.expiresAt,
  }));
}
