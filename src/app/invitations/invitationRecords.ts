// Loading and closing invitations, shared by the invitation use cases. An invitation that is not open
// (answered, withdrawn, replaced, expired) is treated as if it did not exist.
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { membershipInvitations } from "../../db/schema/index.js";
import { type InvitationOutcome, isOpenInvitation } from "../../domain/invitations.js";
import { isRole } from "../../domain/roles.js";
import type { MembershipScope } from "../members/grantMembership.js";
import { appendAuditEvent } from "../audit/auditTrail.js";
import type { Principal } from "../context.js";
import { digestToken } from "../security/tokens.js";

export type InvitationRow = typeof membershipInvitations.$inferSelect;

/** The open invitation a link's token belongs to, locked for answering when `forUpdate`. */
export async function openInvitationByToken(
  db: Db,
  args: { token: string; now: Date; forUpdate?: boolean },
): Promise<InvitationRow | null> {
  const query = db
    .select()
    .from(membershipInvitations)
    .where(eq(membershipInvitations.tokenDigest, digestToken(args.token)));
  const [row] = args.forUpdate ? await query.for("update") : await query;
  return row && isOpenInvitation(row, args.now) ? row : null;
}

export async function closeInvitation(
  db: Db,
  args: { invitationId: string; outcome: InvitationOutcome; now: Date },
): Promise<boolean> {
  const closed = await db
    .update(membershipInvitations)
    .set({ answeredAt: args.now, outcome: args.outcome })
    .where(and(eq(membershipInvitations.id, args.invitationId), isNull(membershipInvitations.answeredAt)))
    .returning({ id: membershipInvitations.id });
  return closed.length > 0;
}

export function scopeOf(invitation: InvitationRow): MembershipScope {
  return {
    roles: invitation.roles.filter(isRole),
    departmentIds: invitation.departmentIds,
    channelAccountIds: invitation.channelAccountIds,
    activeWindow: invitation.activeWindow,
  };
}

/** Closes an invitation as declined; the trail names the address, not whose account it may be. */
export async function recordDecline(
  tx: Db,
  args: { invitation: InvitationRow; actor: Principal; now: Date },
): Promise<void> {
  await closeInvitation(tx, { invitationId: args.invitation.id, outcome: "declined", now: args.now });
  await appendAuditEvent(tx, {
    orgId: args.invitation.orgId,
    actor: { ...args.actor, userId: null },
    action: "member.invitation_declined",
    target: { type: "invitation", id: args.invitation.id },
    data: { email: args.invitation.email },
    occurredAt: args.now,
  });
}
