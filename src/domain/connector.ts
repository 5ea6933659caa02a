// The port every channel connector implements (declared here, implemented in src/channels/<network>/).
// Publishing carries the post's idempotency key; errors are classified so the worker knows whether
// to retry, wait, or give up and show the channel's message.
import type { TPollDraft } from "./website/poll.js";

export interface OutgoingPost {
  idempotencyKey: string;
  /** 1 for the first send of this publication, counting every retry and recovery. */
  attempt: number;
  orgId: string;
  postId: string;
  text: string;
  media: readonly { kind: "image" | "video"; altText: string | null }[];
  poll: TPollDraft | null;
}

export interface ConnectorAccount {
  id: string;
  orgId: string;
  settings: Record<string, unknown>;
}

export interface PublishedItem {
  externalId: string;
  url: string | null;
}

/** An answer from the inbox to a citizen's item on the network. */
export interface OutgoingReply {
  /** The reply's id: a network that deduplicates by key gets it, others let findPublished-like lookups use it. */
  idempotencyKey: string;
  orgId: string;
  /** The published item the conversation is under ("direct" for direct messages). */
  threadExternalId: string;
  inReplyToExternalId: string;
  text: string;
}

/** Moderation the network may carry out on a citizen's item or account. */
export type ChannelModerationKind = "hide" | "unhide" | "delete" | "mute" | "block" | "report" | "warn";

export interface ModerationRequest {
  kind: ChannelModerationKind;
  /** The same request twice (a retry) must not act twice. */
  idempotencyKey: string;
  externalId: string;
  authorHandle: string;
  /** The reason as the network is told it (a report's text, a warning's message). */
  reason: string;
}

export interface ChannelConnector {
  readonly network: string;
  /** The moderation kinds this network supports (empty or absent: none). */
  readonly moderationKinds?: readonly ChannelModerationKind[];
  /** Carries out a moderation request on the network; only for the kinds declared above. */
  moderate?(account: ConnectorAccount, request: ModerationRequest): Promise<void>;
  /**
   * Answers a citizen's item. Optional: a network without replies leaves it out. (The website channel
   * answers in the inbox's own transaction, since its store is draht's database.)
   */
  reply?(account: ConnectorAccount, reply: OutgoingReply): Promise<PublishedItem>;
  publish(account: ConnectorAccount, post: OutgoingPost): Promise<PublishedItem>;
  /**
   * Finds an item an earlier, interrupted attempt may already have published under this key, so that
   * recovery never publishes twice. Networks that deduplicate by key themselves may return null.
   */
  findPublished(account: ConnectorAccount, idempotencyKey: string): Promise<PublishedItem | null>;
}

/** The connectors the installation knows, by network (built in src/channels/registry.ts). */
export type ConnectorRegistry = ReadonlyMap<string, ChannelConnector>;

export type ConnectorErrorKind = "auth_expired" | "rate_limited" | "transient" | "permanent";

export class ConnectorError extends Error {
  readonly kind: ConnectorErrorKind;
  readonly retryAfterMs: number | null;

  constructor(kind: ConnectorErrorKind, message: string, options: { retryAfterMs?: number; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = "ConnectorError";
    this.kind = kind;
    this.retryAfterMs = options.retryAfterMs ?? null;
  }
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
