// The port every channel connector implements (declared here, implemented in src/channels/<network>/).
// Publishing carries the post's idempotency key; errors are classified so the worker knows whether
// to retry, wait, or give up and show the channel's message.
import type { CountingRule } from "../text/characterCount.js";
import type { TServerFacts } from "./channelSettings.js";
import type { ReplyPolicy } from "./replyPolicy.js";
import type { TPollDraft } from "./website/poll.js";
import type { ConnectorAccount, InboundChange } from "./connectorBasics.js";
import type { ConnectorWebhooks } from "./connectorWebhooks.js";

export interface OutgoingMedia {
  /** The item of the organisation's media library (the website channel shows the library's file). */
  id: string;
  kind: "image" | "video";
  altText: string | null;
  mimeType?: string;
  fileName?: string;
  /** The file's bytes, read when the connector uploads them. */
  content?: () => Promise<Uint8Array>;
  /**
   * A public address of the file that expires after `ttlMs` (at most a day), for networks that fetch the file
   * themselves instead of taking an upload (Instagram's container publishing): draht's signed media address
   * (domain/signedMediaAddress.ts), filled in by the publishing use case.
   */
  publicUrl?: (ttlMs: number) => string;
}

export interface OutgoingPost {
  idempotencyKey: string;
  /** 1 for the first send of this publication, counting every retry and recovery. */
  attempt: number;
  orgId: string;
  postId: string;
  text: string;
  media: readonly OutgoingMedia[];
  poll: TPollDraft | null;
  /** A content warning shown before the text (Mastodon's spoiler text), where the network has one. */
  contentWarning?: string | null;
  /** Publish as an answer in an own thread (threads of several posts). */
  inReplyToExternalId?: string | null;
  /** Who may answer (first post of a thread), where the connector declares publish.replyPolicy. */
  replyPolicy?: ReplyPolicy;
}

export interface PublishedItem {
  externalId: string;
  url: string | null;
}

/**
 * The public counters a network shows on one of the organisation's own items, in draht's three kinds:
 * likes (Mastodon favourites, Bluesky likes), reposts (Mastodon boosts, Bluesky reposts) and replies
 * (answers on the networks, comments on the own website).
 */
export interface PublishedCounters {
  externalId: string;
  likes: number;
  reposts: number;
  replies: number;
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
  /** The citizen answered (their handle), for networks where an answer must mention them to reach them. */
  toHandle?: string;
  /**
   * When the citizen last wrote in the conversation, for networks that allow free answers only for a while after
   * it (WhatsApp's 24-hour customer service window); unknown: the network decides.
   */
  citizenLastWroteAt?: Date | null;
  /**
   * Send an approved message template instead of the free text (WhatsApp outside the customer service window): its
   * name, language and the texts for its placeholders {{1}}, {{2}} … in order. `text` then holds the filled body.
   */
  template?: { name: string; language: string; parameters: string[] };
  /**
   * Files of the media library sent with the answer (only to connectors that declare `replyMedia`), in order; the
   * text is then their caption where the network sends text and file as one message.
   */
  media?: readonly OutgoingMedia[];
}

/**
 * A message template the network has approved for messages outside the free answer window (WhatsApp): its body
 * with placeholders {{1}} … {{n}}, and how many there are.
 */
export interface MessageTemplate {
  name: string;
  language: string;
  /** The network's category (WhatsApp: UTILITY, MARKETING, AUTHENTICATION). */
  category: string;
  body: string;
  parameters: number;
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

export type ConnectMethod = "oauth" | "app_password";

/** What a connector can do on its network, declared explicitly (the UI and the use cases read it). */
export interface ConnectorCapabilities {
  publish: {
    text: boolean;
    media: boolean;
    altText: boolean;
    threads: boolean;
    polls: boolean;
    contentWarning: boolean;
    replyPolicy: boolean;
    /** Nothing is published without an image or video (Instagram): a text alone is refused, and the composer says so. */
    mediaRequired?: boolean;
  };
  editOwn: boolean;
  deleteOwn: boolean;
  /** How citizens' items reach draht: polled from the network, pushed (webhook/stream), stored by draht itself (website), or not at all. */
  inbound: {
    mode: "poll" | "push" | "stored" | "none";
    replies: boolean;
    mentions: boolean;
    quotes: boolean;
    directMessages: boolean;
    edits: boolean;
    deletions: boolean;
    streaming: boolean;
  };
  reply: boolean;
  /**
   * Answers may carry files of the media library: images and videos within the network profile's limits (how many,
   * the caption's length, videos alone or mixed) and at most `maxTotalBytes` together (null: each file as the
   * library took it). Absent: answers are text only.
   */
  replyMedia?: { maxTotalBytes: number | null };
  /** How an account can be connected, preferred first: OAuth, an app password; none = nothing to connect. */
  connect: readonly ConnectMethod[];
}

/** The publishing side of an inbox-only network (e-mail, WhatsApp Business): nothing is published there. */
export const PUBLISHES_NOTHING: ConnectorCapabilities["publish"] = {
  text: false,
  media: false,
  altText: false,
  threads: false,
  polls: false,
  contentWarning: false,
  replyPolicy: false,
};

/** The network's limits as the connector knows them (the composer and guideline checks use networks.ts profiles). */
export interface ConnectorLimits {
  maxLength: number;
  /** How the length is counted: graphemes, or a network's weighted count; links as a fixed length or as written. */
  counting: CountingRule;
  maxMedia: number;
  mediaTypes: readonly string[];
  maxImageBytes: number;
  maxVideoBytes: number;
  maxAltTextLength: number | null;
}

/** One citizen's item as a connector found it: new, edited, or deleted on the network. */
export interface RateLimitState {
  remaining: number | null;
  resetAt: Date | null;
}

/** A page of inbound items after a cursor; the cursor is stored only after the items are committed. */
export interface InboundPage {
  changes: InboundChange[];
  /** Where the next fetch starts (opaque to draht); unchanged when nothing new arrived. */
  cursor: string | null;
  /** More is waiting: fetch again at once. */
  more: boolean;
  rateLimit: RateLimitState | null;
  /** Items the connector recognised and left out on purpose, by reason (e-mail: automatic replies, bounces), for the log. */
  skipped?: Record<string, number>;
}

/** Who the credentials belong to on the network. */
export interface RemoteIdentity {
  handle: string;
  url: string | null;
  /** The account's own id on the network, where it differs from the handle (kept in the account's settings). */
  remoteAccountId?: string;
}

export interface OAuthConnect {
  scopes: string;
  /**
   * The client is the installation's own, from its configuration (X, Meta): registerClient is asked on every connect and
   * nothing is stored, so a changed id or secret takes effect at once.
   */
  configuredClient?: boolean;
  /**
   * Registers draht as an OAuth client at the server (Mastodon: per instance); a network without dynamic registration
   * (X) answers with the app the installation's operator registered there.
   */
  registerClient(args: { serverUrl: string; redirectUri: string }): Promise<{ clientId: string; clientSecret: string }>;
  /** Where the person authorises draht (authorisation code flow with PKCE, S256). */
  authoriseUrl(args: {
    serverUrl: string;
    clientId: string;
    redirectUri: string;
    state: string;
    codeChallenge: string;
    /** The account's settings, where the consent page has an address of its own (X: x.com beside api.x.com). */
    settings?: Record<string, unknown>;
  }): string;
  /** Exchanges the code for credentials (what the connector needs later; sealed by the caller). */
  exchangeCode(args: {
    serverUrl: string;
    clientId: string;
    clientSecret: string;
    redirectUri: string;
    code: string;
    codeVerifier: string;
  }): Promise<unknown>;
  /** Revokes the token at the network when an account is disconnected (best effort). */
  revoke?(args: { serverUrl: string; clientId: string; clientSecret: string; credentials: unknown }): Promise<void>;
}

/**
 * OAuth carried out by the network's own client library (AT Protocol: the account's authorisation server
 * is discovered from its PDS, then PAR, PKCE and DPoP-bound tokens that rotate). draht keeps the pending
 * state and the resulting session sealed, like every credential.
 */
export interface DelegatedOAuthConnect {
  /**
   * A new private key for draht as a confidential client (JWK, JSON): made once per installation, kept
   * sealed by the caller and handed back to every call below. Clients without a public HTTPS address need none.
   */
  generateClientKey(): Promise<string>;
  /** Where the person authorises draht; `state` comes back with the callback, `pending` is kept until then. */
  begin(args: {
    serverUrl: string;
    redirectUri: string;
    clientKey: string | null;
  }): Promise<{ authoriseUrl: string; state: string; pending: unknown }>;
  /** The callback's parameters with the kept state: the credentials to seal. */
  complete(args: {
    redirectUri: string;
    params: URLSearchParams;
    state: string;
    pending: unknown;
    clientKey: string | null;
  }): Promise<unknown>;
  /** Ends the account's OAuth session at the network (disconnecting); false when it has none (an app password). */
  revoke?(account: ConnectorAccount): Promise<boolean>;
  /** What the network fetches about draht as a client (AT Protocol: client metadata and public keys); null when it fetches nothing. */
  clientDocuments(args: {
    redirectUri: string;
    clientKey: string | null;
  }): Promise<{ metadata: Record<string, unknown>; jwks: Record<string, unknown> } | null>;
}

/**
 * Where draht serves a delegated OAuth client's documents (`clientDocuments`): the address is part of the client's
 * identity at the network (its client id), so the connector that names it and the server that serves it share it.
 */
export function delegatedClientDocumentPaths(network: string): { metadata: string; jwks: string } {
  return { metadata: `/oauth/${network}/client-metadata.json`, jwks: `/oauth/${network}/jwks.json` };
}

export interface AppPasswordConnect {
  connect(args: { serverUrl: string; identifier: string; password: string }): Promise<unknown>;
}

export interface ChannelConnector {
  readonly network: string;
  readonly capabilities: ConnectorCapabilities;
  readonly limits: ConnectorLimits;
  readonly oauth?: OAuthConnect;
  readonly delegatedOAuth?: DelegatedOAuthConnect;
  readonly appPassword?: AppPasswordConnect;
  /**
   * What the account's server says about itself (Mastodon: its own text and media limits, its streaming
   * address); asked when the account is connected and kept in its settings.
   */
  describeServer?(account: ConnectorAccount): Promise<Omit<TServerFacts, "checkedAt">>;
  /**
   * What of the credentials a connection returned is kept for this account, where the network hands over more than
   * the account needs (Facebook Login: the tokens of every page the person manages, of which only the account's own
   * page is kept). Throws a ConnectorError when the account is not among them. Absent: everything is kept.
   */
  credentialsToKeep?(account: ConnectorAccount): unknown;
  /** Who the account's credentials belong to; fails with auth_expired when they no longer work. */
  whoAmI?(account: ConnectorAccount): Promise<RemoteIdentity>;
  /** Citizens' items (replies, mentions, direct messages) after the cursor, oldest first. */
  fetchInbound?(account: ConnectorAccount, cursor: string | null): Promise<InboundPage>;
  /**
   * Listens to the network's live stream for the account and calls `onActivity` when something arrives
   * (the caller then fetches from its cursor, so the stream only wakes the sync up). Resolves when the
   * stream ends or `signal` aborts; throws a ConnectorError when it cannot be opened.
   */
  streamInbound?(account: ConnectorAccount, onActivity: () => void, signal: AbortSignal): Promise<void>;
  /** Deliveries the network pushes to draht's webhook endpoint (polling stays the fallback). */
  readonly webhooks?: ConnectorWebhooks;
  /** Deletes one of the organisation's own items on the network. */
  deleteOwn?(account: ConnectorAccount, externalId: string): Promise<void>;
  /**
   * Of these citizens' items, the ones the network no longer has (deleted by their authors), for networks
   * whose notifications do not report deletions.
   */
  findDeleted?(account: ConnectorAccount, externalIds: readonly string[]): Promise<string[]>;
  /**
   * The public counters of the organisation's own published items (the Veröffentlichung report). Items the
   * network no longer has are left out of the answer, never a reason to fail; a failure of the whole call is
   * a ConnectorError like any other.
   */
  fetchCounters?(account: ConnectorAccount, externalIds: readonly string[]): Promise<PublishedCounters[]>;
  /** How many items one call of fetchCounters may ask about (Bluesky's getPosts takes 25; default 25). */
  readonly countersPerCall?: number;
  /** How many items one round of the worker may ask about for one account (its cost in requests; default 300). */
  readonly countersPerRound?: number;
  /** How many items one round of findDeleted may ask about (its cost in requests; default 25). */
  readonly deletionChecksPerRound?: number;
  /** The moderation kinds this network supports (empty or absent: none). */
  readonly moderationKinds?: readonly ChannelModerationKind[];
  /** Carries out a moderation request on the network; only for the kinds declared above. */
  moderate?(account: ConnectorAccount, request: ModerationRequest): Promise<void>;
  /**
   * Answers a citizen's item. Optional: a network without replies leaves it out. (The website channel
   * answers in the inbox's own transaction, since its store is draht's database.)
   */
  reply?(account: ConnectorAccount, reply: OutgoingReply): Promise<PublishedItem>;
  /**
   * The message templates the network has approved for the account (sent as a reply's `template` where free answers
   * are not allowed). Absent: the network has none; an account without what the listing needs answers [].
   */
  messageTemplates?(account: ConnectorAccount): Promise<MessageTemplate[]>;
  publish(account: ConnectorAccount, post: OutgoingPost): Promise<PublishedItem>;
  /**
   * Finds an item an earlier, interrupted attempt may already have published, so that recovery never
   * publishes twice — also long after the attempt: a network's own memory of idempotency keys runs out
   * (Mastodon's after an hour), so a network that cannot store the key with the item looks for the post
   * itself among the account's own (its text, content warning and parent, not older than the attempt).
   */
  findPublished(account: ConnectorAccount, lookup: PublishedLookup): Promise<PublishedItem | null>;
}

/** What recovery knows of a post an interrupted attempt may have published. */
export interface PublishedLookup {
  idempotencyKey: string;
  text: string;
  contentWarning?: string | null;
  inReplyToExternalId?: string | null;
  /** When the first attempt began (nothing older can be it); null when unknown. */
  since?: Date | null;
}

/** The connectors the installation knows, by network (built in src/channels/registry.ts). */
export type ConnectorRegistry = ReadonlyMap<string, ChannelConnector>;

// The account a call is for and a citizen's item as it changed live in connectorBasics.ts (both the port and its
// webhook side speak of them), how networks that push deliver (webhooks) in connectorWebhooks.ts, the classified failures of connector
// calls in connectorErrors.ts; importers keep using this module.
export type { ConnectorAccount, InboundChange } from "./connectorBasics.js";
export {
  type ConnectorWebhooks,
  type ReplyDeliveryReport,
  type WebhookEvent,
  WebhookPayloadError,
  type WebhookRequest,
} from "./connectorWebhooks.js";
export {
  ConnectorError,
  type ConnectorErrorKind,
  failureOutcome,
  isRetryable,
  networkErrorCode,
  refusedServerError,
  retryDelayMs,
} from "./connectorErrors.js";
