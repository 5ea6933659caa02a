// Bluesky through the AT Protocol (@atproto/api): posts with facets (links, mentions, hashtags on UTF-8
// byte offsets, computed by RichText), images with alt text or one video (a blob on the PDS, processed by
// Bluesky after posting), threads, who may answer (threadgate); replies, mentions and quotes from
// the notifications; answers with correct root and parent references; deleting own posts; hiding replies
// under our posts (threadgate), muting, blocking and reporting. Accounts connect by AT Protocol OAuth
// (blueskyOAuth.ts: DPoP-bound tokens, refreshed by the library and sealed again) or with an app password
// (a session opened once per account and process, refreshed by the agent). Each post carries its
// idempotency key as an extra record field, so a recovering publication finds what an interrupted
// attempt created instead of posting twice.
import { type Agent, AtpAgent, AtUri, RichText } from "@atproto/api";
import { z } from "zod";
import { ZBlueskySettings } from "../../domain/channelSettings.js";
import {
  type ChannelConnector,
  type ConnectorAccount,
  ConnectorError,
  type InboundChange,
  type InboundPage,
  type ModerationRequest,
  type OutgoingPost,
  type OutgoingReply,
  type PublishedItem,
} from "../../domain/connector.js";
import { NETWORK_PROFILES, type ReplyPolicy, limitsOf } from "../../domain/networks.js";
import { type NetworkServerAccess, STRICT_POLICY } from "../../domain/serverAddress.js";
import { type FetchFunction, guardedFetch } from "../../net/guardedFetch.js";
import { TokenBuckets } from "../http/tokenBucket.js";
import { classified, classifyAtprotoError, isRecordNotFound } from "./blueskyErrors.js";
import { advanceWatermark, inboundChangeOf, notificationsSince, parseWatermark } from "./blueskyInbound.js";
import {
  type BlueskyOAuthOptions,
  createBlueskyOAuth,
  sessionEnded,
  ZBlueskyOAuthCredentials,
} from "./blueskyOAuth.js";

export const ZBlueskyCredentials = z.object({ identifier: z.string().min(1), appPassword: z.string().min(1) });
const POST = "app.bsky.feed.post";
const THREADGATE = "app.bsky.feed.threadgate";

/** A threadgate's allow rules for a reply policy; undefined: no threadgate (everyone may answer). */
function threadgateAllow(policy: ReplyPolicy | undefined): { $type: string }[] | undefined {
  if (!policy || policy === "everyone") return undefined;
  if (policy === "nobody") return [];
  const rule = { mentioned: "mentionRule", following: "followingRule", followers: "followerRule" }[policy];
  return [{ $type: `${THREADGATE}#${rule}` }];
}
/** The record field that carries draht's idempotency key (records are open: other apps ignore it). */
const KEY_FIELD = "drahtIdempotencyKey";

export interface BlueskyDeps {
  buckets?: TokenBuckets;
  /** Which servers (PDS, PLC, authorisation servers) may be reached; every request passes it (default: https, public). */
  networkServers?: NetworkServerAccess;
  /** The fetch under that rule (the global one by default; tests put faults in front). */
  fetch?: FetchFunction;
  oauth?: Omit<BlueskyOAuthOptions, "fetch" | "allowHttp">;
}

/** The account as whom a call runs. */
interface Signed {
  agent: Agent;
  did: string;
  handle: string;
}

/** Images with alt text, or one video alone (a blob on the PDS; Bluesky processes it after posting). */
async function embedMedia(agent: Agent, media: OutgoingPost["media"]): Promise<Record<string, unknown> | null> {
  const video = media.find((m) => m.kind === "video");
  if (video) {
    if (media.length > 1)
      throw new ConnectorError("permanent", "Bluesky takes one video alone, without images beside it");
    if (!video.content) throw new ConnectorError("permanent", "the video has no content to upload");
    const blob = await agent.uploadBlob(await video.content(), { encoding: video.mimeType ?? "video/mp4" });
    return {
      $type: "app.bsky.embed.video",
      video: blob.data.blob,
      ...(video.altText ? { alt: video.altText.slice(0, 1000) } : {}),
    };
  }
  if (media.length === 0) return null;
  const images = [];
  for (const image of media) {
    if (!image.content) throw new ConnectorError("permanent", "an image has no content to upload");
    const blob = await agent.uploadBlob(await image.content(), { encoding: image.mimeType ?? "image/jpeg" });
    images.push({ image: blob.data.blob, alt: image.altText ?? "" });
  }
  return { $type: "app.bsky.embed.images", images };
}

/** Sessions opened with app passwords: one per account and process, refreshed by the agent. */
function appPasswordSessions(fetch: FetchFunction, buckets: TokenBuckets) {
  const agents = new Map<string, { signed: Signed; credentials: string }>();
  return {
    forget: (accountId: string) => agents.delete(accountId),
    async signedAs(account: ConnectorAccount): Promise<Signed> {
      const settings = ZBlueskySettings.parse(account.settings);
      const credentials = ZBlueskyCredentials.safeParse(account.credentials);
      if (!credentials.success) throw new ConnectorError("auth_expired", "the account is not connected");
      const fingerprint = `${settings.serviceUrl}\u0000${credentials.data.identifier}\u0000${credentials.data.appPassword}`;
      const known = agents.get(account.id);
      if (known && known.credentials === fingerprint) return known.signed;
      if (!(await buckets.for(account.id).take(10_000)))
        throw new ConnectorError("rate_limited", "client-side rate limit of this account reached", {
          retryAfterMs: buckets.for(account.id).waitMs(),
        });
      const agent = new AtpAgent({ service: settings.serviceUrl, fetch });
      await classified(() =>
        agent.login({ identifier: credentials.data.identifier, password: credentials.data.appPassword }),
      );
      if (!agent.session) throw new ConnectorError("auth_expired", "no Bluesky session");
      const signed = { agent, did: agent.session.did, handle: agent.session.handle };
      agents.set(account.id, { signed, credentials: fingerprint });
      return signed;
    },
  };
}

export function createBlueskyConnector(deps: BlueskyDeps = {}): ChannelConnector {
  const buckets = deps.buckets ?? new TokenBuckets({ capacity: 3000, refillMs: 5 * 60_000 });
  const policy = deps.networkServers ?? STRICT_POLICY;
  const fetch = guardedFetch(policy, deps.fetch);
  const appPasswords = appPasswordSessions(fetch, buckets);
  // The library's own http check stays on unless some host may speak http at all; the guard decides which.
  const oauth = createBlueskyOAuth({ ...deps.oauth, fetch, allowHttp: policy.trustedHosts.length > 0 });
  const handles = new Map<string, string>();

  async function signedAs(account: ConnectorAccount): Promise<Signed> {
    if (!ZBlueskyOAuthCredentials.safeParse(account.credentials).success) return appPasswords.signedAs(account);
    const { agent, did } = await oauth.agentOf(account);
    let handle = handles.get(did);
    if (!handle) {
      handle = (await classified(() => agent.com.atproto.server.getSession())).data.handle;
      handles.set(did, handle);
    }
    return { agent, did, handle };
  }

  /** A call as the account: through its token bucket, errors classified. */
  async function as<T>(
    account: ConnectorAccount,
    call: (agent: Agent, did: string, handle: string) => Promise<T>,
  ): Promise<T> {
    const signed = await signedAs(account);
    const bucket = buckets.for(account.id);
    if (!(await bucket.take(10_000)))
      throw new ConnectorError("rate_limited", "client-side rate limit of this account reached", {
        retryAfterMs: bucket.waitMs(),
      });
    try {
      return await call(signed.agent, signed.did, signed.handle);
    } catch (error) {
      const failure = sessionEnded(error) ?? classifyAtprotoError(error);
      if (failure.kind === "auth_expired") appPasswords.forget(account.id);
      if (failure.kind === "rate_limited") bucket.blockUntil(Date.now() + (failure.retryAfterMs ?? 60_000));
      throw failure;
    }
  }

  const urlOf = (handle: string, uri: string) => `https://bsky.app/profile/${handle}/post/${new AtUri(uri).rkey}`;

  async function strongRef(agent: Agent, uri: string) {
    const at = new AtUri(uri);
    const record = await agent.com.atproto.repo.getRecord({ repo: at.host, collection: at.collection, rkey: at.rkey });
    const reply = (record.data.value as { reply?: { root?: { uri: string; cid: string } } }).reply;
    if (!record.data.cid) throw new ConnectorError("permanent", `post ${uri} has no content id`);
    return { ref: { uri, cid: record.data.cid }, root: reply?.root ?? { uri, cid: record.data.cid } };
  }

  async function createPost(
    account: ConnectorAccount,
    args: {
      text: string;
      key: string;
      inReplyTo?: string | null;
      images?: OutgoingPost["media"];
      replyPolicy?: ReplyPolicy;
    },
  ): Promise<PublishedItem> {
    return as(account, async (agent, did, handle) => {
      const rich = new RichText({ text: args.text });
      await rich.detectFacets(agent);
      const record: Record<string, unknown> = {
        $type: POST,
        text: rich.text,
        facets: rich.facets,
        langs: ["de"],
        createdAt: new Date().toISOString(),
        [KEY_FIELD]: args.key,
      };
      if (args.inReplyTo) {
        const parent = await strongRef(agent, args.inReplyTo);
        record.reply = { root: parent.root, parent: parent.ref };
      }
      const embed = await embedMedia(agent, args.images ?? []);
      if (embed) record.embed = embed;
      const created = await agent.com.atproto.repo.createRecord({ repo: did, collection: POST, record });
      // Who may answer: a threadgate on the thread's first post (the same record key), written once.
      const allow = args.inReplyTo ? undefined : threadgateAllow(args.replyPolicy);
      if (allow) {
        const rkey = new AtUri(created.data.uri).rkey;
        await agent.com.atproto.repo.putRecord({
          repo: did,
          collection: THREADGATE,
          rkey,
          record: {
            $type: THREADGATE,
            post: created.data.uri,
            allow,
            hiddenReplies: [],
            createdAt: new Date().toISOString(),
          },
        });
      }
      return { externalId: created.data.uri, url: urlOf(handle, created.data.uri) };
    });
  }

  async function threadgateHide(account: ConnectorAccount, replyUri: string, hide: boolean): Promise<void> {
    await as(account, async (agent, did) => {
      const root = (await strongRef(agent, replyUri)).root;
      const rootUri = new AtUri(root.uri);
      if (rootUri.host !== did)
        throw new ConnectorError("permanent", "only replies under the organisation's own posts can be hidden");
      // Only "no such record" means there is no threadgate yet; any other failure must not be taken for
      // one, or writing a fresh threadgate would wipe the replies hidden before (and who may answer).
      const existing = await agent.com.atproto.repo
        .getRecord({ repo: did, collection: THREADGATE, rkey: rootUri.rkey })
        .catch((error: unknown) => {
          if (isRecordNotFound(error)) return null;
          throw error;
        });
      const value = (existing?.data.value ?? {
        $type: THREADGATE,
        post: root.uri,
        createdAt: new Date().toISOString(),
      }) as Record<string, unknown>;
      const hidden = new Set((value.hiddenReplies as string[] | undefined) ?? []);
      if (hide) hidden.add(replyUri);
      else hidden.delete(replyUri);
      await agent.com.atproto.repo.putRecord({
        repo: did,
        collection: THREADGATE,
        rkey: rootUri.rkey,
        record: { ...value, hiddenReplies: [...hidden] },
      });
    });
  }

  return {
    network: "bluesky",
    capabilities: {
      publish: {
        text: true,
        media: true,
        altText: true,
        threads: true,
        polls: false,
        contentWarning: false,
        replyPolicy: true,
      },
      editOwn: false,
      deleteOwn: true,
      // Direct messages live in Bluesky's separate chat service; posts cannot be edited.
      inbound: {
        mode: "poll",
        replies: true,
        mentions: true,
        quotes: true,
        directMessages: false,
        edits: false,
        deletions: true,
        streaming: false,
      },
      reply: true,
      connect: ["oauth", "app_password"],
    },
    limits: {
      ...limitsOf(NETWORK_PROFILES.bluesky),
      mediaTypes: ["image/jpeg", "image/png", "image/webp", "image/gif", "video/mp4"],
      maxImageBytes: 1_000_000,
      maxVideoBytes: 100 * 1024 * 1024,
      maxAltTextLength: 2000,
    },
    moderationKinds: ["hide", "unhide", "mute", "block", "report"],
    delegatedOAuth: oauth.connect,
    appPassword: {
      async connect({ serverUrl, identifier, password }) {
        const agent = new AtpAgent({ service: serverUrl, fetch });
        await classified(() => agent.login({ identifier, password }));
        return ZBlueskyCredentials.parse({ identifier, appPassword: password });
      },
    },
    async whoAmI(account) {
      const { did, handle } = await signedAs(account);
      return { handle: `@${handle}`, url: `https://bsky.app/profile/${handle}`, remoteAccountId: did };
    },
    async findPublished(account, { idempotencyKey }) {
      return as(account, async (agent, did, handle) => {
        const recent = await agent.com.atproto.repo.listRecords({ repo: did, collection: POST, limit: 100 });
        const found = recent.data.records.find(
          (r) => (r.value as Record<string, unknown>)[KEY_FIELD] === idempotencyKey,
        );
        return found ? { externalId: found.uri, url: urlOf(handle, found.uri) } : null;
      });
    },
    publish: (account: ConnectorAccount, post: OutgoingPost) =>
      createPost(account, {
        text: post.text,
        key: post.idempotencyKey,
        inReplyTo: post.inReplyToExternalId,
        images: post.media,
        ...(post.replyPolicy ? { replyPolicy: post.replyPolicy } : {}),
      }),
    reply: (account: ConnectorAccount, reply: OutgoingReply) =>
      createPost(account, { text: reply.text, key: reply.idempotencyKey, inReplyTo: reply.inReplyToExternalId }),
    async deleteOwn(account, externalId) {
      await as(account, (agent) => agent.deletePost(externalId));
    },
    // getPosts answers 25 at a time.
    deletionChecksPerRound: 50,
    async findDeleted(account, externalIds) {
      return as(account, async (agent) => {
        const gone: string[] = [];
        for (let i = 0; i < externalIds.length; i += 25) {
          const batch = externalIds.slice(i, i + 25);
          const found = new Set((await agent.app.bsky.feed.getPosts({ uris: batch })).data.posts.map((p) => p.uri));
          gone.push(...batch.filter((uri) => !found.has(uri)));
        }
        return gone;
      });
    },
    // app.bsky.feed.getPosts: 25 posts a request with their counters (gone ones left out).
    countersPerCall: 25,
    async fetchCounters(account, externalIds) {
      if (externalIds.length === 0) return [];
      return as(account, async (agent) =>
        (await agent.app.bsky.feed.getPosts({ uris: [...externalIds] })).data.posts.map((p) => ({
          externalId: p.uri,
          likes: p.likeCount ?? 0,
          reposts: p.repostCount ?? 0,
          replies: p.replyCount ?? 0,
        })),
      );
    },
    async fetchInbound(account: ConnectorAccount, cursor: string | null): Promise<InboundPage> {
      const watermark = parseWatermark(cursor);
      return as(account, async (agent, _did, handle) => {
        const fresh = await notificationsSince(agent, watermark);
        fresh.sort((a, b) => (a.indexedAt < b.indexedAt ? -1 : a.indexedAt > b.indexedAt ? 1 : 0));
        const changes = fresh
          .map(inboundChangeOf)
          .filter((c): c is InboundChange => c !== null && c.message.authorHandle !== `@${handle}`);
        const next = advanceWatermark(watermark, fresh);
        return { changes, cursor: next ? JSON.stringify(next) : cursor, more: false, rateLimit: null };
      });
    },
    async moderate(account: ConnectorAccount, request: ModerationRequest): Promise<void> {
      if (request.kind === "hide" || request.kind === "unhide")
        return threadgateHide(account, request.externalId, request.kind === "hide");
      const author = new AtUri(request.externalId).host;
      await as(account, async (agent, did) => {
        if (request.kind === "mute") await agent.mute(author);
        else if (request.kind === "block")
          await agent.app.bsky.graph.block.create(
            { repo: did },
            { subject: author, createdAt: new Date().toISOString() },
          );
        else if (request.kind === "report") {
          const post = await strongRef(agent, request.externalId);
          await agent.com.atproto.moderation.createReport({
            reasonType: "com.atproto.moderation.defs#reasonRude",
            reason: request.reason.slice(0, 2000),
            subject: { $type: "com.atproto.repo.strongRef", ...post.ref },
          });
        } else throw new ConnectorError("permanent", `Bluesky cannot ${request.kind}`);
      });
    },
  };
}
