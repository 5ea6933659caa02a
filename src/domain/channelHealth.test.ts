import { describe, expect, it } from "vitest";
import { healthAfterFailure } from "./channelHealth.js";

const after = (overrides: Partial<Parameters<typeof healthAfterFailure>[0]>) =>
  healthAfterFailure({
    kind: "transient",
    retryAfterMs: null,
    previousFailures: 0,
    previousStatus: "ok",
    random: 0.5,
    ...overrides,
  });

describe("a channel account's health after a failed round", () => {
  it("needs reconnecting at once when the credentials expired, and waits for someone to do it", () => {
    expect(after({ kind: "auth_expired" })).toEqual({
      status: "needs_reconnect",
      consecutiveFailures: 1,
      retryInMs: null,
      turnedBad: true,
    });
  });

  it("stays ok through two passing outages and warns from the third failed round on, once", () => {
    expect(after({ previousFailures: 1 })).toMatchObject({ status: "ok", turnedBad: false, retryInMs: 60_000 });
    expect(after({ previousFailures: 2 })).toMatchObject({ status: "warning", turnedBad: true });
    expect(after({ previousFailures: 3, previousStatus: "warning" })).toMatchObject({
      status: "warning",
      turnedBad: false,
    });
  });

  it("waits as long as the network asks when rate-limited, and an hour after a permanent refusal", () => {
    expect(after({ kind: "rate_limited", retryAfterMs: 90_000 }).retryInMs).toBe(90_000);
    expect(after({ kind: "permanent" })).toMatchObject({ status: "warning", retryInMs: 3_600_000 });
  });
});
