// Signs a person in with e-mail and password: lockout after repeated failures, a new session on success.
import { eq, sql } from "drizzle-orm";
import { findUserByEmail } from "../../db/queries/people.js";
import { sessions, users } from "../../db/schema/index.js";
import { AppError } from "../../domain/errors.js";
import { auditPersonEvent } from "../audit/audit-person-event.js";
import type { AppContext } from "../context.js";
import { digestToken, newToken } from "../security/tokens.js";

export interface LoginResult {
  token: string;
  userId: string;
  mustChangePassword: boolean;
}

export async function login(
  ctx: AppContext,
  options: { email: string; password: string; userAgent?: string; requestId?: string },
): Promise<LoginResult> {
  const now = ctx.clock();
  const user = await findUserByEmail(ctx.db, options.email);
  if (!user || user.disabledAt) {
    await ctx.passwords.verify(null, options.password);
    throw new AppError("INVALID_CREDENTIALS");
  }
  if (user.lockedUntil && user.lockedUntil > now) {
    throw new AppError("ACCOUNT_LOCKED", { details: { lockedUntil: user.lockedUntil.toISOString() } });
  }
  const actor = { userId: user.id, label: user.email, requestId: options.requestId };
  if (!(await ctx.passwords.verify(user.passwordHash, options.password))) {
    await recordFailure(ctx, { user, actor, now });
    throw new AppError("INVALID_CREDENTIALS");
  }

  const token = newToken();
  await ctx.db.transaction(async (tx) => {
    await tx.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, user.id));
    await tx.insert(sessions).values({
      id: digestToken(token),
      userId: user.id,
      csrfToken: newToken(),
      userAgent: options.userAgent?.slice(0, 300) ?? null,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + ctx.security.sessionTtlMs),
    });
    await auditPersonEvent(tx, { userId: user.id, actor, action: "auth.login", occurredAt: now });
  });
  ctx.log.info({ userId: user.id }, "login");
  return { token, userId: user.id, mustChangePassword: user.mustChangePassword };
}

async function recordFailure(
  ctx: AppContext,
  args: { user: typeof users.$inferSelect; actor: { userId: string; label: string }; now: Date },
): Promise<void> {
  const { user, actor, now } = args;
  await ctx.db.transaction(async (tx) => {
    // Counted in the database so that concurrent attempts cannot slip past the limit.
    const [updated] = await tx
      .update(users)
      .set({ failedLogins: sql`${users.failedLogins} + 1` })
      .where(eq(users.id, user.id))
      .returning({ failedLogins: users.failedLogins });
    if ((updated?.failedLogins ?? 0) < ctx.security.loginMaxFailures) return;
    const lockedUntil = new Date(now.getTime() + ctx.security.loginLockMs);
    await tx.update(users).set({ failedLogins: 0, lockedUntil }).where(eq(users.id, user.id));
    await auditPersonEvent(tx, {
      userId: user.id,
      actor,
      action: "auth.locked",
      data: { lockedUntil: lockedUntil.toISOString() },
      occurredAt: now,
    });
    ctx.log.warn({ userId: user.id }, "account locked after repeated failed logins");
  });
}
