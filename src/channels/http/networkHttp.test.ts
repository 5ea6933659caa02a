import { describe, expect, it } from "vitest";
import { boundedText, classifyResponse, parseLinkHeader, rateLimitOf, retryAfterMs } from "./networkHttp.js";
import { TokenBucket } from "./tokenBucket.js";

const now = Date.parse("2026-12-02T10:00:00Z");

describe("network HTTP", () => {
  it("reads when to try again from Retry-After (seconds or date) and the rate-limit reset headers", () => {
    expect(retryAfterMs(new Headers({ "retry-after": "30" }), now)).toBe(30_000);
    expect(retryAfterMs(new Headers({ "retry-after": "Wed, 02 Dec 2026 10:01:00 GMT" }), now)).toBe(60_000);
    expect(retryAfterMs(new Headers({ "x-ratelimit-reset": "2026-12-02T10:05:00.000Z" }), now)).toBe(300_000);
    expect(retryAfterMs(new Headers({ "ratelimit-reset": String(now / 1000 + 90) }), now)).toBe(90_000);
    expect(
      rateLimitOf(new Headers({ "x-ratelimit-remaining": "7", "x-ratelimit-reset": "2026-12-02T10:05:00.000Z" }), now),
    ).toEqual({ remaining: 7, resetAt: new Date("2026-12-02T10:05:00.000Z") });
  });

  it("classifies failures so the worker knows whether to wait, retry or ask a person", () => {
    expect(classifyResponse(401, new Headers(), { error: "The access token is invalid" }).kind).toBe("auth_expired");
    // The status travels with the error: a 404 without a JSON body is still "gone".
    expect(classifyResponse(404, new Headers(), null)).toMatchObject({
      kind: "permanent",
      status: 404,
      message: "HTTP 404",
    });
    expect(classifyResponse(400, new Headers(), { error: "ExpiredToken", message: "Token has expired" }).kind).toBe(
      "auth_expired",
    );
    const limited = classifyResponse(429, new Headers({ "retry-after": "12" }), { error: "Too many requests" }, now);
    expect([limited.kind, limited.retryAfterMs]).toEqual(["rate_limited", 12_000]);
    expect(classifyResponse(503, new Headers(), null).kind).toBe("transient");
    const invalid = classifyResponse(422, new Headers(), {
      error: "Validation failed: Text character limit of 500 exceeded",
    });
    // The network's free text is for the log (detail), never the message people are shown.
    expect([invalid.kind, invalid.message, invalid.detail]).toEqual([
      "permanent",
      "HTTP 422",
      "Validation failed: Text character limit of 500 exceeded",
    ]);
    expect(classifyResponse(400, new Headers(), { error: "invalid_grant", error_description: "expired" }).message).toBe(
      "HTTP 400 invalid_grant",
    );
  });

  it("reads an answer only up to its limit, whether or not the server declares its length", async () => {
    const chunked = (bytes: number) =>
      new Response(
        new ReadableStream({
          start(controller) {
            for (let sent = 0; sent < bytes; sent += 1024) controller.enqueue(new Uint8Array(1024).fill(65));
            controller.close();
          },
        }),
      );
    expect(await boundedText(chunked(4096), 4096)).toBe("A".repeat(4096));
    await expect(boundedText(chunked(8192), 4096)).rejects.toMatchObject({
      kind: "permanent",
      message: "answer too large (over 4096 bytes)",
    });
    const declared = new Response("x".repeat(10), { headers: { "content-length": "999999999" } });
    await expect(boundedText(declared, 4096)).rejects.toMatchObject({ kind: "permanent" });
  });

  it("parses pagination Link headers", () => {
    expect(
      parseLinkHeader(
        '<https://x.example/api/v1/notifications?max_id=7>; rel="next", <https://x.example/api/v1/notifications?min_id=9>; rel="prev"',
      ),
    ).toEqual({
      next: "https://x.example/api/v1/notifications?max_id=7",
      prev: "https://x.example/api/v1/notifications?min_id=9",
    });
    expect(parseLinkHeader(null)).toEqual({});
  });
});

describe("the token bucket of an account", () => {
  it("lets a burst through, then makes callers wait for the refill, and believes the network's own count", async () => {
    let clock = 0;
    const slept: number[] = [];
    const bucket = new TokenBucket({
      capacity: 2,
      refillMs: 1000,
      now: () => clock,
      sleep: async (ms) => void slept.push(ms),
    });
    expect(await bucket.take(0)).toBe(true);
    expect(await bucket.take(0)).toBe(true);
    expect(await bucket.take(0)).toBe(false); // would have to wait 500 ms
    expect(await bucket.take(1000)).toBe(true);
    expect(slept).toEqual([500]);
    clock = 10_000;
    bucket.observe(0, 70_000);
    expect(bucket.waitMs()).toBe(60_000);
  });
});
