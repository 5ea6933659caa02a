// An administrator resets a member's password: a temporary password (shown once) replaces it,
// every session of the person ends, and the person must choose a new password at next login (the count of
// wrong current passwords starts afresh).
import { and, eq, isNull } from "drizzle-orm";
import { allOrgIdsOfUser } from "../../db/queries/people.js";
import { memberships, sessions, users } from "../../db/schema/index.js";
import { AppError } from "../../domain/errors.js";
import { mayResetPasswordOf } from "../../domain/membershipRules.js";
import { auditPersonEvent } from "../audit/audit-person-event.js";
import { organisationWide } from "../../domain/policy.js";
import { type OrgActor, requireAllowed } from "../authorization.js";
import type { AppContext, Principal } from "../context.js";
import { newTemporaryPassword } from "../security/tokens.js";
import { accountThrottleKey, clearFailures } from "../auth/passwordThrottle.js";
import { findMembership } from "./membershipScope.js";

export async function resetMemberPassword(
  ctx: AppContext,
  options: { actor: OrgActor; orgId: string; userId: string },
): Promise<{ temporaryPassword: string }> {
  requireAllowed(ctx, options.actor, "member.manage", organisationWide(options.orgId));
  await findMembership(ctx.db, options);
  const actorUserId = options.actor.userId;
  const administered = actorUserId
    ? (
        await ctx.db
          .select({ orgId: memberships.orgId, roles: memberships.roles })
          .from(memberships)
          .where(and(eq(memberships.userId, actorUserId), isNull(memberships.disabledAt)))
      )
        .filter((m) => m.roles.includes("administrator"))
        .map((m) => m.orgId)
    : [];
  const targetOrgIds = await allOrgIdsOfUser(ctx.db, options.userId);
  if (!mayResetPasswordOf({ actorAdministeredOrgIds: administered, targetOrgIds })) {
    throw new AppError("NOT_ALLOWED", { details: { reason: "member_of_other_organisation" } });
  }
  return setTemporaryPassword(ctx, { actor: options.actor, userId: options.userId });
}

/** Without the policy check: for the operator's CLI. */
export async function setTemporaryPassword(
  ctx: AppContext,
  options: { actor: Principal; userId: string; orgIdsToAudit?: string[] },
): Promise<{ temporaryPassword: string }> {
  const temporaryPassword = newTemporaryPassword();
  const passwordHash = await ctx.passwords.hash(temporaryPassword);
  const now = ctx.clock();
  // Before the transaction: the key reads the instance secret through ctx.db, which an embedded database with
  // its one connection could not serve while the transaction holds it.
  const throttle = await accountThrottleKey(ctx, options.userId);
  await ctx.db.transaction(async (tx) => {
    const updated = await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: true, updatedAt: now })
      .where(eq(users.id, options.userId))
      .returning({ id: users.id });
    if (updated.length === 0) throw new AppError("NOT_FOUND");
    await tx.delete(sessions).where(eq(sessions.userId, options.userId));
    // Earlier wrong guesses of the old password must not keep the person from choosing a new one now.
    await clearFailures(tx, throttle);
    await auditPersonEvent(tx, {
      userId: options.userId,
      actor: options.actor,
      action: "auth.password_reset",
      occurredAt: now,
    });
  });
  return { temporaryPassword };
}
