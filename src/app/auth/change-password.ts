// A person changes their own password; every other session of theirs ends. Wrong current passwords
// are throttled per account (a stolen session must not guess freely): each attempt is counted before the
// password is checked, so attempts sent all at once get no more checks than the free ones; while
// throttled, even the right one gets the same refusal.
import { and, eq, ne } from "drizzle-orm";
import { findUserById } from "../../db/queries/people.js";
import { sessions, users } from "../../db/schema/index.js";
import { AppError } from "../../domain/errors.js";
import { checkPassword } from "../../domain/passwordPolicy.js";
import { auditPersonEvent } from "../audit/audit-person-event.js";
import type { AppContext, Principal } from "../context.js";
import { accountThrottleKey, clearFailures, reserveAttempt } from "./passwordThrottle.js";

export async function changePassword(
  ctx: AppContext,
  options: { actor: Principal & { userId: string }; sessionId: string; currentPassword: string; newPassword: string },
): Promise<void> {
  const user = await findUserById(ctx.db, options.actor.userId);
  if (!user) throw new AppError("NOT_AUTHENTICATED");
  const throttle = await accountThrottleKey(ctx, user.id);
  const reservation = await reserveAttempt(ctx.db, [throttle], ctx.clock());
  const valid = await ctx.passwords.verify(reservation ? user.passwordHash : null, options.currentPassword);
  if (!reservation || !valid) throw new AppError("INVALID_CREDENTIALS", { details: { field: "currentPassword" } });
  await clearFailures(ctx.db, throttle);
  assertAcceptablePassword(options.newPassword, user.email);
  if (options.newPassword === options.currentPassword) {
    throw new AppError("PASSWORD_TOO_WEAK", { details: { problem: "unchanged" } });
  }
  const passwordHash = await ctx.passwords.hash(options.newPassword);
  const now = ctx.clock();
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: false, updatedAt: now })
      .where(eq(users.id, user.id));
    await tx.delete(sessions).where(and(eq(sessions.userId, user.id), ne(sessions.id, options.sessionId)));
    await auditPersonEvent(tx, {
      userId: user.id,
      actor: options.actor,
      action: "auth.password_changed",
      occurredAt: now,
    });
  });
}

export function assertAcceptablePassword(password: string, email: string): void {
  const problem = checkPassword(password, { email });
  if (problem) throw new AppError("PASSWORD_TOO_WEAK", { details: { problem } });
}
