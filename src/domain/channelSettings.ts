// Settings of channel accounts that are not secrets, validated when an account is saved and again by
// its connector. The sandbox simulates a network's behaviour: a delay per send and failures of each kind.
import { z } from "zod";

export const ZSandboxSettings = z.object({
  delayMs: z.number().int().min(0).max(60_000).default(0),
  /** Fail every send with this kind of error (to try out retries and the failed state). */
  failWith: z.enum(["none", "transient", "rate_limited", "permanent", "auth_expired"]).default("none"),
  /** Fail only the first N sends of each post, then succeed (a flaky network). */
  failFirstAttempts: z.number().int().min(0).max(100).default(0),
});
export type TSandboxSettings = z.infer<typeof ZSandboxSettings>;
