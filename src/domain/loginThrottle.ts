// Throttling of password guesses without a lock a stranger can trigger: failures are counted per
// (account, client address) pair and per client address, and after the free attempts each further
// failure makes that pair or address wait twice as long as the last time, up to a ceiling. Another
// address is never slowed down by them, so the real person can still sign in while someone guesses.
// An attempt is counted as a failure before its password is checked (so that attempts arriving at
// once cannot all pass as free) and taken back when the password was right. Time is a parameter.

export interface ThrottleState {
  failures: number;
  /** Failures count from here; a window that has run out starts over. */
  windowStartedAt: Date;
  blockedUntil: Date | null;
}

export interface ThrottlePolicy {
  freeFailures: number;
  baseDelayMs: number;
  maxDelayMs: number;
  windowMs: number;
}

const MINUTE = 60_000;

/** The policies for sign-in (pair and address) and for the current password when changing it. */
export function throttlePolicies(settings: { maxFailures: number; maxDelayMs: number }) {
  const delay = { baseDelayMs: Math.min(MINUTE, settings.maxDelayMs), maxDelayMs: settings.maxDelayMs };
  return {
    /** One account from one address: a person mistyping a few times is not slowed down. */
    pair: { freeFailures: settings.maxFailures, windowMs: 24 * 60 * MINUTE, ...delay },
    /** One address over all accounts: room for a shared office address, not for a guessing run. */
    address: { freeFailures: settings.maxFailures * 10, windowMs: 60 * MINUTE, ...delay },
    /** The current password of a signed-in person (a stolen session must not guess it freely). */
    account: { freeFailures: settings.maxFailures, windowMs: 24 * 60 * MINUTE, ...delay },
  } satisfies Record<string, ThrottlePolicy>;
}

export function isBlocked(state: ThrottleState | null, now: Date): boolean {
  return state?.blockedUntil != null && state.blockedUntil > now;
}

/** The state after one more failure: blocked for base·2^(failures − free) once the free failures are used. */
export function afterFailure(state: ThrottleState | null, policy: ThrottlePolicy, now: Date): ThrottleState {
  const fresh = !state || now.getTime() - state.windowStartedAt.getTime() >= policy.windowMs;
  const failures = fresh ? 1 : state.failures + 1;
  const windowStartedAt = fresh ? now : state.windowStartedAt;
  if (failures < policy.freeFailures) return { failures, windowStartedAt, blockedUntil: null };
  const exponent = Math.min(failures - policy.freeFailures, 30);
  const delayMs = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** exponent);
  return { failures, windowStartedAt, blockedUntil: new Date(now.getTime() + delayMs) };
}

/**
 * The state once an attempt counted by `afterFailure` (its result: `counted`) proved right: one failure
 * fewer, and the wait it started lifted. A window begun since no longer holds the attempt, and a wait a
 * later failure set stays.
 */
export function takeBackAttempt(current: ThrottleState, counted: ThrottleState): ThrottleState {
  if (current.windowStartedAt.getTime() !== counted.windowStartedAt.getTime()) return current;
  const ownWait = counted.blockedUntil !== null && current.blockedUntil?.getTime() === counted.blockedUntil.getTime();
  return {
    failures: Math.max(0, current.failures - 1),
    windowStartedAt: current.windowStartedAt,
    blockedUntil: ownWait ? null : current.blockedUntil,
  };
}
