import { describe, expect, it } from "vitest";
import { type ThrottleState, afterFailure, isBlocked, throttlePolicies } from "./loginThrottle.js";

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
});
