// What the connector contract (connectorContract.ts) runs against: the peer a connector's test provides — draht's
// own store, a protocol-faithful fake or a real local server — and the steps the promises share: a post to
// publish, reading everything after a cursor, and a citizen's new item as each kind of connector receives it.
import { expect } from "vitest";
import type {
  ChannelConnector,
  ConnectorAccount,
  OutgoingMedia,
  OutgoingPost,
  PublishedItem,
} from "../../src/domain/connector.js";

export interface ContractPeer {
  connector: ChannelConnector;
  /** A connected account of the organisation on the peer. */
  account: ConnectorAccount;
  /** How many items the peer holds for this account with this text. */
  countPublished(text: string): Promise<number>;
  /** The alt texts of an item's media as the peer stores them. */
  altTextsOf?(externalId: string): Promise<(string | null)[]>;
  /** Puts a file into the organisation's media library, for a network that shows the library's files. */
  libraryMedium?(png: Buffer, altText: string): Promise<string>;
  /**
   * A network that fetches files from a public address (Instagram): the medium's address as draht's publishing use
   * case gives it (OutgoingMedia.publicUrl), served by draht for the network to fetch.
   */
  mediaAddress?(mediaId: string, ttlMs: number): string;
  /** A network that publishes nothing without an image (capabilities.publish.mediaRequired): one for each post. */
  requiredImage?(): Promise<OutgoingMedia>;
  /** A citizen writes to the account directly (inbox-only networks such as e-mail, where nothing is published). */
  citizenWrites?(text: string): Promise<void>;
  /**
   * A citizen writes to an inbox-only account whose network only pushes (WhatsApp's Cloud API lists no received
   * messages): the signed webhook delivery the network would post, and the secret it is signed with.
   */
  citizenDelivers?(text: string): Promise<{ body: Buffer; headers: Record<string, string>; secret: string }>;
  /** Someone else answers one of our items on the network. */
  citizenReplies?(externalId: string, text: string): Promise<void>;
  /** The citizen deletes their item on the network. */
  citizenDeletes?(externalId: string): Promise<void>;
  /** The texts under an item as the network shows them. */
  threadTexts?(externalId: string): Promise<string[]>;
  /** The files of the answers to a citizen's item as the network received them, with their captions or texts. */
  answerFiles?(externalId: string): Promise<{ content: Buffer; text: string }[]>;
  /** Who may answer an item, as the network records it: the kinds of accounts allowed ([] = nobody), null = everyone. */
  replyRulesOf?(externalId: string): Promise<string[] | null>;
  /** Whether the peer still shows the item. */
  exists?(externalId: string): Promise<boolean>;
  /** Lets the network's memory of idempotency keys run out (Mastodon keeps them for an hour). */
  forgetIdempotencyKeys?(): Promise<void>;
  /** Resolves once the account's live stream is open at the network (for connectors that stream). */
  untilStreaming?(): Promise<void>;
  /** Makes the account's credentials stop working at the network. */
  revokeCredentials?(): Promise<void>;
  /** Makes the network answer with its rate limit; the returned function lifts it again. */
  exhaustRateLimit?(): Promise<() => Promise<void>>;
  /**
   * Others react to one of our items on the network (like, repost, reply — what the network has); answers the
   * counters the network should show for it now.
   */
  reactTo?(externalId: string): Promise<{ likes: number; reposts: number; replies: number }>;
  /** Lets the network settle (index new items) before reading. */
  settle?(): Promise<void>;
  /** A fresh connector, as after a restart of draht (caches and buckets gone). */
  restart?(): ChannelConnector;
  close(): Promise<void>;
}

let counter = 0;
export const post = (text: string, overrides: Partial<OutgoingPost> = {}): OutgoingPost => ({
  idempotencyKey: `contract-${Date.now()}-${++counter}`,
  attempt: 1,
  orgId: "00000000-0000-4000-8000-000000000000",
  postId: "00000000-0000-4000-8000-000000000001",
  text,
  media: [],
  poll: null,
  ...overrides,
});

/**
 * Publishes one of the contract's posts as draht's publishing would hand it to this connector: with an image where the
 * network publishes nothing without one, and with the media's public addresses where the network fetches them.
 */
export async function publishOn(
  peer: ContractPeer,
  outgoing: OutgoingPost,
  connector: ChannelConnector = peer.connector,
): Promise<PublishedItem> {
  let media = outgoing.media;
  if (connector.capabilities.publish.mediaRequired && media.length === 0) {
    expect(peer.requiredImage, "a connector that needs an image needs a peer that gives one").toBeDefined();
    const image = await peer.requiredImage?.();
    media = image ? [image] : [];
  }
  const address = peer.mediaAddress;
  if (address) media = media.map((m) => (m.publicUrl ? m : { ...m, publicUrl: (ttl: number) => address(m.id, ttl) }));
  return connector.publish(peer.account, { ...outgoing, media });
}

export async function fetchAll(connector: ChannelConnector, account: ConnectorAccount, cursor: string | null) {
  const changes = [];
  let at = cursor;
  for (let page = 0; page < 20; page++) {
    const result = await connector.fetchInbound?.(account, at);
    if (!result) break;
    changes.push(...result.changes);
    at = result.cursor;
    if (!result.more) break;
  }
  return { changes, cursor: at };
}

/** Whether the connector publishes at all (an inbox-only one, e-mail, only answers). */
export const publishes = (c: ChannelConnector) => c.capabilities.publish.text;
/** An inbox-only connector whose network only pushes: citizens' items reach it through its webhook parse. */
export const webhookOnly = (c: ChannelConnector) => !publishes(c) && c.capabilities.inbound.mode === "push";

/** A citizen's item through the connector's webhooks: the delivery verified with the secret, then parsed. */
export async function deliveredItem(peer: ContractPeer, text: string) {
  const webhooks = peer.connector.webhooks;
  expect(webhooks, "a connector whose network pushes needs webhooks").toBeDefined();
  expect(peer.citizenDelivers, "a webhook-only connector needs a peer that delivers citizens' items").toBeDefined();
  const delivery = await peer.citizenDelivers?.(text);
  if (!webhooks || !delivery) return { delivery, events: [], item: undefined };
  expect(webhooks.verify({ headers: delivery.headers, body: delivery.body }, delivery.secret)).toBe(true);
  const events = webhooks.parse(delivery.body);
  const item = events.flatMap((e) => e.changes).find((x) => x.message.text === text)?.message;
  return { delivery, events, item };
}

/**
 * A citizen's new item for the connector to find: an answer to a fresh post of ours where the connector
 * publishes, a message written to the account where it is inbox-only. Answers its item as fetched after `cursor`.
 */
export async function citizenItem(peer: ContractPeer, text: string, cursor: string | null) {
  const c = peer.connector;
  let parent: string | null = null;
  if (webhookOnly(c)) return { parent, item: (await deliveredItem(peer, text)).item, cursor };
  if (publishes(c)) {
    parent = (await publishOn(peer, post(`Frage an alle ${Date.now()}`))).externalId;
    await peer.citizenReplies?.(parent, text);
  } else {
    expect(peer.citizenWrites, "an inbox-only connector needs a peer where citizens write to it").toBeDefined();
    await peer.citizenWrites?.(text);
  }
  await peer.settle?.();
  const after = await fetchAll(c, peer.account, cursor);
  const found = after.changes.find((x) =>
    parent === null ? x.message.text === text : x.message.inReplyToExternalId === parent,
  );
  return { parent, item: found?.message, cursor: after.cursor };
}
