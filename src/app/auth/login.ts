// Signs a person in with e-mail and password and opens a session. Repeated failures make the
// (e-mail, client address) pair and the client address wait (passwordThrottle.ts), never the account
// as such, so a stranger cannot lock anyone out. Each attempt is counted before its password is checked,
// so attempts sent all at once get no more checks than the free ones. An unknown e-mail, a wrong password
// and a throttled attempt get the same answer after the same work (a password hash is checked every time).
import { findUserByEmail } from "../../db/queries/people.js";
import { AppError } from "../../domain/errors.js";
import { auditPersonEvent } from "../audit/audit-person-event.js";
import type { AppContext } from "../context.js";
import { openSession } from "./openSession.js";
import { clearFailures, loginThrottleKeys, reserveAttempt, takeBackCountedAttempt } from "./passwordThrottle.js";

export interface LoginResult {
  token: string;
  userId: string;
  mustChangePassword: boolean;
}

export async function login(
  ctx: AppContext,
  options: { email: string; password: string; clientAddress: string; userAgent?: string; requestId?: string },
): Promise<LoginResult> {
  const now = ctx.clock();
  const keys = await loginThrottleKeys(ctx, options);
  // Counted as a failure until the password proves right; always the pair first, then the address.
  const reservation = await reserveAttempt(ctx.db, [keys.pair, keys.address], now);
  const found = await findUserByEmail(ctx.db, options.email);
  const user = found && !found.disabledAt ? found : null;
  // While throttled the password is not even checked, but a hash is computed all the same.
  const valid = await ctx.passwords.verify(reservation ? (user?.passwordHash ?? null) : null, options.password);
  if (!reservation) throw new AppError("INVALID_CREDENTIALS");
  if (!user || !valid) {
    // Logged, not audited: an audit write only for real accounts would make this answer slower for them.
    if (reservation.lastFree && user)
      ctx.log.warn({ userId: user.id }, "sign-in attempts throttled after repeated failures");
    throw new AppError("INVALID_CREDENTIALS");
  }

  await clearFailures(ctx.db, keys.pair);
  const atAddress = reservation.counted.find((counted) => counted.key === keys.address);
  if (atAddress) await takeBackCountedAttempt(ctx.db, atAddress);
  const actor = { userId: user.id, label: user.email, requestId: options.requestId };
  const token = await ctx.db.transaction(async (tx) => {
    await auditPersonEvent(tx, { userId: user.id, actor, action: "auth.login", occurredAt: now });
    return openSession(tx, ctx, { userId: user.id, userAgent: options.userAgent, now });
  });
  ctx.log.info({ userId: user.id }, "login");
  return { token, userId: user.id, mustChangePassword: user.mustChangePassword };
}
