// An administrator withdraws an open invitation; its link stops working.
import { organisationWide } from "../../domain/policy.js";
import { and, eq } from "drizzle-orm";
import { membershipInvitations } from "../../db/schema/index.js";
import { AppError } from "../../domain/errors.js";
import { isOpenInvitation } from "../../domain/invitations.js";
import { appendAuditEvent } from "../audit/auditTrail.js";
import { type OrgActor, requireAllowed } from "../authorization.js";
import type { AppContext } from "../context.js";
import { closeInvitation } from "./invitationRecords.js";

export async function revokeInvitation(
  ctx: AppContext,
  options: { actor: OrgActor; orgId: string; invitationId: string },
): Promise<void> {
  requireAllowed(ctx, options.actor, "member.manage", organisationWide(options.orgId));
  const now = ctx.clock();
  await ctx.db.transaction(async (tx) => {
    const [invitation] = await tx
      .select()
      .from(membershipInvitations)
      .where(and(eq(membershipInvitations.id, options.invitationId), eq(membershipInvitations.orgId, options.orgId)))
      .for("update");
    if (!invitation || !isOpenInvitation(invitation, now)) throw new AppError("NOT_FOUND");
    await closeInvitation(tx, { invitationId: invitation.id, outcome: "revoked", now });
    await appendAuditEvent(tx, {
      orgId: options.orgId,
      actor: options.actor,
      action: "member.invitation_revoked",
      target: { type: "invitation", id: invitation.id },
      data: { email: invitation.email },
      occurredAt: now,
    });
  });
}
