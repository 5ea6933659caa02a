// How a connected channel account's health moves when a round with its network fails: expired credentials need
// reconnecting at once, a refusal or three failed rounds in a row turn into a visible warning, and the next try
// waits as long as the network asks (rate limits), an hour (permanent refusals) or a jittered backoff.
// Pure: the randomness for the backoff is a parameter.
import { type ConnectorErrorKind, retryDelayMs } from "./connector.js";

export const SYNC_STATUSES = ["never_synced", "ok", "warning", "needs_reconnect", "disconnected"] as const;
export type SyncStatus = (typeof SYNC_STATUSES)[number];

/** Failed rounds in a row after which an outage is shown as a warning. */
export const WARN_AFTER_FAILURES = 3;

export interface HealthAfterFailure {
  status: "ok" | "warning" | "needs_reconnect";
  consecutiveFailures: number;
  /** When to try again; null: not before someone reconnects the account. */
  retryInMs: number | null;
  /** The account has just turned bad: its accountable people hear about it (not at every failed round). */
  turnedBad: boolean;
}

export function healthAfterFailure(args: {
  kind: ConnectorErrorKind;
  retryAfterMs: number | null;
  previousFailures: number;
  previousStatus: SyncStatus;
  random: number;
}): HealthAfterFailure {
  const failures = args.previousFailures + 1;
  const { kind } = args;
  const status: HealthAfterFailure["status"] =
    kind === "auth_expired"
      ? "needs_reconnect"
      : kind === "permanent" || failures >= WARN_AFTER_FAILURES || args.previousStatus === "warning"
        ? "warning"
        : "ok";
  const retryInMs =
    kind === "auth_expired"
      ? null
      : kind === "rate_limited"
        ? (args.retryAfterMs ?? 60_000)
        : kind === "permanent"
          ? 3_600_000
          : retryDelayMs({ attempt: failures, retryAfterMs: args.retryAfterMs, random: args.random });
  return {
    status,
    consecutiveFailures: failures,
    retryInMs,
    turnedBad: status !== "ok" && args.previousStatus !== status,
  };
}
