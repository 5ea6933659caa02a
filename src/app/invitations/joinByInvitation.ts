// What accepting an invitation does, however the person accepted (signed in, or through the link):
// the membership with the invitation's roles and the scope that still exists, the invitation closed,
// and an audit event in the organisation's chain. Call inside the accepting transaction.
import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { memberships } from "../../db/schema/index.js";
import { appendAuditEvent } from "../audit/auditTrail.js";
import type { Principal } from "../context.js";
import { grantMembership, remainingScope } from "../members/grantMembership.js";
import { type InvitationRow, closeInvitation, scopeOf } from "./invitationRecords.js";

export async function joinByInvitation(
  tx: Db,
  args: { invitation: InvitationRow; userId: string; actor: Principal; now: Date },
): Promise<void> {
  const { invitation, now } = args;
  await closeInvitation(tx, { invitationId: invitation.id, outcome: "accepted", now });
  const [already] = await tx
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.orgId, invitation.orgId), eq(memberships.userId, args.userId)));
  // Added meanwhile by the operator: the existing membership stays as it is.
  if (already) return;
  const scope = scopeOf(invitation);
  const remaining = await remainingScope(tx, { orgId: invitation.orgId, ...scope });
  await grantMembership(tx, { orgId: invitation.orgId, userId: args.userId, scope: { ...scope, ...remaining }, now });
  await appendAuditEvent(tx, {
    orgId: invitation.orgId,
    actor: args.actor,
    action: "member.added",
    target: { type: "user", id: args.userId },
    data: {
      email: invitation.email,
      roles: scope.roles,
      departmentIds: remaining.departmentIds,
      channelAccountIds: remaining.channelAccountIds,
      invitationId: invitation.id,
    },
    occurredAt: now,
  });
}
