// How a connector call fails, in draht's terms: a ConnectorError of a kind the worker acts on (retry, wait,
// ask a person to reconnect, give up), the words recorded for a refusal, and the backoff between retries.
// Re-exported by connector.ts, the port's one module for importers.
import { addressRefusalIn } from "./serverAddress.js";

/** What a network's refusal is recorded as, on a publication or a decision ("failed: …", at most 500 characters). */
export function failureOutcome(error: unknown): string {
  return `failed: ${error instanceof Error ? error.message : String(error)}`.slice(0, 500);
}

export type ConnectorErrorKind = "auth_expired" | "rate_limited" | "transient" | "permanent";

/**
 * A classified failure. Its message is draht's own words (with at most the network's status and error
 * code) and may be shown to people: a network's free text never goes there — a server could make draht
 * reflect anything it likes — but into `detail`, for the log only.
 */
export class ConnectorError extends Error {
  readonly kind: ConnectorErrorKind;
  readonly retryAfterMs: number | null;
  /** The network's HTTP status, where it answered with one (404: the item is gone). */
  readonly status: number | null;
  /** What the network said in its own words (shortened): for the log, never for people. */
  readonly detail: string | null;

  constructor(
    kind: ConnectorErrorKind,
    message: string,
    options: { retryAfterMs?: number; cause?: unknown; status?: number; detail?: string | null } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = "ConnectorError";
    this.kind = kind;
    this.retryAfterMs = options.retryAfterMs ?? null;
    this.status = options.status ?? null;
    this.detail = options.detail ? options.detail.replace(/[\p{Cc}]+/gu, " ").slice(0, 300) : null;
  }
}

/** A protocol error code a network sent ("invalid_grant", "RecordNotFound"), if it is one; free text is not. */
export function networkErrorCode(value: unknown): string | null {
  return typeof value === "string" && /^[A-Za-z][A-Za-z0-9_.:-]{0,63}$/.test(value) ? value : null;
}

/** The failure when draht refused to reach the server (domain/serverAddress.ts), else null. */
export function refusedServerError(error: unknown): ConnectorError | null {
  const refused = addressRefusalIn(error);
  return refused
    ? new ConnectorError("permanent", `server address not allowed (${refused.reason})`, { cause: error })
    : null;
}

/** Retrying helps with these; the others need a person (new credentials, a changed post). */
export function isRetryable(kind: ConnectorErrorKind): boolean {
  return kind === "transient" || kind === "rate_limited";
}

/**
 * Exponential backoff with jitter: 30 s, 1 min, 2 min … capped at one hour; a network's retry-after wins
 * when it is longer. `random` in [0, 1) is a parameter so tests are deterministic.
 */
export function retryDelayMs(args: { attempt: number; retryAfterMs: number | null; random: number }): number {
  const base = Math.min(3_600_000, 30_000 * 2 ** Math.max(0, args.attempt - 1));
  const jittered = Math.round(base * (0.75 + 0.5 * args.random));
  return Math.max(jittered, args.retryAfterMs ?? 0);
}
