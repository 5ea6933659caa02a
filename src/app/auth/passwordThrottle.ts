// Where the throttle of password guesses keeps its counts (login_throttles) and how its keys are made:
// HMACs under an instance secret of the e-mail and client address, the address alone, or the account,
// so the table holds no addresses. The rule itself is domain/loginThrottle.ts.
import { and, eq, isNull, lt, or } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.js";
import { normaliseEmail } from "../../db/queries/people.js";
import { loginThrottles } from "../../db/schema/index.js";
import { type ThrottlePolicy, afterFailure, isBlocked, throttlePolicies } from "../../domain/loginThrottle.js";
import type { AppContext } from "../context.js";
import { hmacHex, instanceSecret } from "../security/instanceSecret.js";

export interface ThrottledKey {
  key: string;
  policy: ThrottlePolicy;
}

const policiesOf = (ctx: AppContext) =>
  throttlePolicies({ maxFailures: ctx.security.loginMaxFailures, maxDelayMs: ctx.security.loginMaxDelayMs });

/** The two counters a sign-in attempt touches: this e-mail from this address, and this address. */
export async function loginThrottleKeys(
  ctx: AppContext,
  attempt: { email: string; clientAddress: string },
): Promise<{ pair: ThrottledKey; address: ThrottledKey }> {
  const secret = await instanceSecret(ctx.db, "login-throttle");
  const policies = policiesOf(ctx);
  return {
    pair: { key: hmacHex(secret, "pair", normaliseEmail(attempt.email), attempt.clientAddress), policy: policies.pair },
    address: { key: hmacHex(secret, "address", attempt.clientAddress), policy: policies.address },
  };
}

/** The counter of wrong current passwords of one signed-in account. */
export async function accountThrottleKey(ctx: AppContext, userId: string): Promise<ThrottledKey> {
  const secret = await instanceSecret(ctx.db, "login-throttle");
  return { key: hmacHex(secret, "account", userId), policy: policiesOf(ctx).account };
}

export async function anyBlocked(db: Db, keys: readonly ThrottledKey[], now: Date): Promise<boolean> {
  for (const { key } of keys) {
    const [row] = await db.select().from(loginThrottles).where(eq(loginThrottles.key, key));
    if (row && isBlocked(row, now)) return true;
  }
  return false;
}

/** Counts one failure on each key; returns whether any of them is blocked from now on. */
export async function recordFailure(db: Db, keys: readonly ThrottledKey[], now: Date): Promise<boolean> {
  let blocked = false;
  for (const { key, policy } of keys) {
    const next = await db.transaction(async (tx) => {
      // The row lock makes concurrent failures count one after the other.
      await tx
        .insert(loginThrottles)
        .values({ key, failures: 0, windowStartedAt: now, blockedUntil: null })
        .onConflictDoNothing();
      const [row] = await tx.select().from(loginThrottles).where(eq(loginThrottles.key, key)).for("update");
      const state = afterFailure(row && row.failures > 0 ? row : null, policy, now);
      await tx.update(loginThrottles).set(state).where(eq(loginThrottles.key, key));
      return state;
    });
    blocked ||= isBlocked(next, now);
  }
  return blocked;
}

export async function clearFailures(db: Db | Tx, key: ThrottledKey): Promise<void> {
  await db.delete(loginThrottles).where(eq(loginThrottles.key, key.key));
}

/** Hourly: counters whose window ran out a day ago and that block nothing are no longer needed. */
export async function forgetOldLoginFailures(ctx: AppContext): Promise<void> {
  const now = ctx.clock();
  const dayAgo = new Date(now.getTime() - 2 * 24 * 3_600_000);
  await ctx.db
    .delete(loginThrottles)
    .where(
      and(
        lt(loginThrottles.windowStartedAt, dayAgo),
        or(isNull(loginThrottles.blockedUntil), lt(loginThrottles.blockedUntil, now)),
      ),
    );
}
