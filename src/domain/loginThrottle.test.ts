import { describe, expect, it } from "vitest";
import { type ThrottleState, afterFailure, isBlocked, takeBackAttempt, throttlePolicies } from "./loginThrottle.js";

const policy = throttlePolicies({ maxFailures: 3, maxDelayMs: 15 * 60_000 }).pair;
const start = new Date("2026-03-02T08:00:00Z");
const at = (ms: number) => new Date(start.getTime() + ms);

function failTimes(times: number, now = start, from: ThrottleState | null = null): ThrottleState | null {
  let state = from;
  for (let i = 0; i < times; i++) state = afterFailure(state, policy, now);
  return state;
}

describe("login throttle", () => {
  it("lets the free failures pass without a wait", () => {
    expect(isBlocked(failTimes(2), start)).toBe(false);
  });

  it("waits a minute after the free failures, doubling with each further failure up to the ceiling", () => {
    const waits = [3, 4, 5, 6, 7, 8, 20].map((n) => (failTimes(n)?.blockedUntil?.getTime() ?? 0) - start.getTime());
    expect(waits.map((ms) => ms / 60_000)).toEqual([1, 2, 4, 8, 15, 15, 15]);
  });

  it("ends the wait when its time has passed", () => {
    const state = failTimes(3);
    expect(isBlocked(state, at(59_000))).toBe(true);
    expect(isBlocked(state, at(60_000))).toBe(false);
  });

  it("starts counting afresh once the window has run out", () => {
    const state = failTimes(2);
    expect(afterFailure(state, policy, at(24 * 3_600_000))).toEqual({
      failures: 1,
      windowStartedAt: at(24 * 3_600_000),
      blockedUntil: null,
    });
  });

  it("gives a client address ten times the free failures of one account", () => {
    const { address } = throttlePolicies({ maxFailures: 5, maxDelayMs: 15 * 60_000 });
    expect(address.freeFailures).toBe(50);
  });

  it("takes back an attempt that proved right, lifting the wait it started", () => {
    const before = failTimes(2);
    const counted = afterFailure(before, policy, start);
    expect(isBlocked(counted, start)).toBe(true);
    expect(takeBackAttempt(counted, counted)).toEqual(before);
  });

  it("keeps a wait that a later failure set when taking an attempt back", () => {
    const counted = afterFailure(failTimes(2), policy, start);
    const later = afterFailure(counted, policy, at(60_000));
    expect(takeBackAttempt(later, counted)).toEqual({ ...later, failures: 3 });
  });

  it("leaves a window begun after the attempt alone", () => {
    const counted = afterFailure(null, policy, start);
    const fresh = afterFailure(counted, policy, at(24 * 3_600_000));
    expect(takeBackAttempt(fresh, counted)).toEqual(fresh);
  });
});
