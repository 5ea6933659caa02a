// Where the throttle of password guesses keeps its counts (login_throttles) and how its keys are made:
// HMACs under an instance secret of the e-mail and client address, the address alone, or the account,
// so the table holds no addresses. A client address counts as domain/clientAddress.ts says (an IPv6
// client by its /64). The rule itself is domain/loginThrottle.ts.
import { and, eq, isNull, lt, or } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.js";
import { normaliseEmail } from "../../db/queries/people.js";
import { loginThrottles } from "../../db/schema/index.js";
import { throttleAddressOf } from "../../domain/clientAddress.js";
import {
  type ThrottlePolicy,
  type ThrottleState,
  afterFailure,
  isBlocked,
  takeBackAttempt,
  throttlePolicies,
} from "../../domain/loginThrottle.js";
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
  const from = throttleAddressOf(attempt.clientAddress);
  return {
    pair: { key: hmacHex(secret, "pair", normaliseEmail(attempt.email), from), policy: policies.pair },
    address: { key: hmacHex(secret, "address", from), policy: policies.address },
  };
}

/** The counter of wrong current passwords of one signed-in account. */
export async function accountThrottleKey(ctx: AppContext, userId: string): Promise<ThrottledKey> {
  const secret = await instanceSecret(ctx.db, "login-throttle");
  return { key: hmacHex(secret, "account", userId), policy: policiesOf(ctx).account };
}

/** An attempt counted on one key before its password was checked, with the state that counting left. */
export interface CountedAttempt {
  key: ThrottledKey;
  state: ThrottleState;
}

export interface Reservation {
  counted: CountedAttempt[];
  /** Whether this attempt used up the last free one of a key: should it fail, the next one waits. */
  lastFree: boolean;
}

/**
 * Counts an attempt as a failure on every key before its password is checked, or refuses it (counting
 * nothing) while any key is blocked: `null`. One transaction holding the keys' rows locked, taken in the
 * order given (callers keep one order), so attempts arriving at once take turns and no more of them pass
 * than the free ones. A right password takes its count back (clearFailures, takeBackAttempt).
 */
export async function reserveAttempt(db: Db, keys: readonly ThrottledKey[], now: Date): Promise<Reservation | null> {
  return db.transaction(async (tx) => {
    const rows = [];
    for (const throttled of keys) {
      await tx
        .insert(loginThrottles)
        .values({ key: throttled.key, failures: 0, windowStartedAt: now, blockedUntil: null })
        .onConflictDoNothing();
      const [row] = await tx.select().from(loginThrottles).where(eq(loginThrottles.key, throttled.key)).for("update");
      rows.push({ throttled, row: row && row.failures > 0 ? row : null });
    }
    if (rows.some(({ row }) => isBlocked(row, now))) return null;
    const counted: CountedAttempt[] = [];
    for (const { throttled, row } of rows) {
      const state = afterFailure(row, throttled.policy, now);
      await tx.update(loginThrottles).set(state).where(eq(loginThrottles.key, throttled.key));
      counted.push({ key: throttled, state });
    }
    return { counted, lastFree: counted.some(({ state }) => isBlocked(state, now)) };
  });
}

/** Takes back an attempt counted on a key that the right password does not clear (the client address). */
export async function takeBackCountedAttempt(db: Db, attempt: CountedAttempt): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx.select().from(loginThrottles).where(eq(loginThrottles.key, attempt.key.key)).for("update");
    if (!row) return;
    await tx
      .update(loginThrottles)
      .set(takeBackAttempt(row, attempt.state))
      .where(eq(loginThrottles.key, attempt.key.key));
  });
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
