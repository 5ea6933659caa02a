// An administrator invites a person to the organisation: an invitation with roles and scope and a
// one-time link for the administrator to hand over (draht sends no e-mail by default). Whether the
// address already has an account changes nothing in the answer: the person joins only by accepting,
// signed in (existing account) or through the link (choosing a password for a new account).
import { organisationWide } from "../../domain/policy.js";
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { isUniqueViolation } from "../../db/queries/errors.js";
import { normaliseEmail } from "../../db/queries/people.js";
import { membershipInvitations, memberships, users } from "../../db/schema/index.js";
import { AppError } from "../../domain/errors.js";
import { invitationExpiry } from "../../domain/invitations.js";
import { appendAuditEvent } from "../audit/auditTrail.js";
import { type OrgActor, requireAllowed } from "../authorization.js";
import type { AppContext } from "../context.js";
import { assertScopeOfOrganisation } from "../members/grantMembership.js";
import { digestToken, newToken } from "../security/tokens.js";
import { type TInviteMember, ZInviteMember } from "../../contract/invitations.js";

export interface InvitationCreated {
  invitationId: string;
  email: string;
  expiresAt: Date;
  /** The one-time link, shown once; only its digest is stored. */
  link: string;
}

export async function inviteMember(
  ctx: AppContext,
  options: { actor: OrgActor; orgId: string; input: TInviteMember },
): Promise<InvitationCreated> {
  requireAllowed(ctx, options.actor, "member.manage", organisationWide(options.orgId));
  const input = ZInviteMember.parse(options.input);
  const email = normaliseEmail(input.email);
  await assertScopeOfOrganisation(ctx.db, { orgId: options.orgId, ...input });
  const token = newToken();
  const now = ctx.clock();
  try {
    const invitationId = await ctx.db.transaction(async (tx) => {
      await refuseMembersOfThisOrganisation(tx, { orgId: options.orgId, email });
      // A newer invitation to the same address replaces the open one (and its link).
      await tx
        .update(membershipInvitations)
        .set({ answeredAt: now, outcome: "replaced" })
        .where(
          and(
            eq(membershipInvitations.orgId, options.orgId),
            eq(membershipInvitations.email, email),
            isNull(membershipInvitations.answeredAt),
          ),
        );
      const [created] = await tx
        .insert(membershipInvitations)
        .values({
          orgId: options.orgId,
          email,
          name: input.name,
          roles: input.roles,
          departmentIds: input.departmentIds,
          channelAccountIds: input.channelAccountIds,
          activeWindow: input.activeWindow,
          tokenDigest: digestToken(token),
          invitedByUserId: options.actor.userId,
          invitedByLabel: options.actor.label,
          createdAt: now,
          expiresAt: invitationExpiry(now),
        })
        .returning({ id: membershipInvitations.id });
      if (!created) throw new Error("insert returned nothing");
      await appendAuditEvent(tx, {
        orgId: options.orgId,
        actor: options.actor,
        action: "member.invited",
        target: { type: "invitation", id: created.id },
        data: {
          email,
          roles: input.roles,
          departmentIds: input.departmentIds,
          channelAccountIds: input.channelAccountIds,
        },
        occurredAt: now,
      });
      return created.id;
    });
    return { invitationId, email, expiresAt: invitationExpiry(now), link: `${ctx.publicUrl}/invitation#${token}` };
  } catch (error) {
    // Two administrators inviting the same address at once: one wins.
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", { details: { field: "email" }, cause: error });
    throw error;
  }
}

/** People of this organisation are listed to its administrators anyway, so saying so reveals nothing. */
async function refuseMembersOfThisOrganisation(tx: Db, args: { orgId: string; email: string }): Promise<void> {
  const [member] = await tx
    .select({ id: memberships.id })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.orgId, args.orgId), eq(users.email, args.email)));
  if (member) throw new AppError("CONFLICT", { details: { field: "email", problem: "already_member" } });
}
