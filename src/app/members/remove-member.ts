// Removes a person from an organisation. Their account stays (it may belong to others);
// the audit trail keeps what they did.
import { eq } from "drizzle-orm";
import { memberships } from "../../db/schema/index.js";
import { appendAuditEvent } from "../audit/auditTrail.js";
import { organisationWide } from "../../domain/policy.js";
import { type OrgActor, requireAllowed } from "../authorization.js";
import type { AppContext } from "../context.js";
import { assertKeepsAnAdministrator, findMembership } from "./membershipScope.js";

export async function removeMember(
  ctx: AppContext,
  options: { actor: OrgActor; orgId: string; userId: string },
): Promise<void> {
  requireAllowed(ctx, options.actor, "member.manage", organisationWide(options.orgId));
  await ctx.db.transaction(async (tx) => {
    const membership = await findMembership(tx, options);
    await assertKeepsAnAdministrator(tx, { orgId: options.orgId, change: { userId: options.userId, removed: true } });
    await tx.delete(memberships).where(eq(memberships.id, membership.id));
    await appendAuditEvent(tx, {
      orgId: options.orgId,
      actor: options.actor,
      action: "member.removed",
      target: { type: "user", id: options.userId },
      occurredAt: ctx.clock(),
    });
  });
}
