// Mastodon through its REST API (docs.joinmastodon.org): statuses with media and alt text, content
// warnings, visibility, polls and threads; mentions, replies and direct messages from the notifications
// (paged forward with min_id, the cursor is the newest notification id); replies; deleting own
// statuses; muting, blocking and reporting accounts; finding what an interrupted attempt posted
// (mastodonRecovery.ts). Each instance is its own server: OAuth (authorisation code with PKCE) registers
// draht as a client per instance. Calls go through a token bucket per account (Mastodon's default: 300
// calls per 5 minutes) and honour the server's rate-limit headers.
import { z } from "zod";
import {
  type ChannelConnector,
  type ConnectorAccount,
  ConnectorError,
  type InboundChange,
  type InboundPage,
  type ModerationRequest,
  type OutgoingMedia,
  type OutgoingPost,
  type OutgoingReply,
  type PublishedCounters,
  type PublishedItem,
} from "../../domain/connector.js";
import { NETWORK_PROFILES, limitsOf } from "../../domain/networks.js";
import { type FetchLike, networkRequest, type NetworkRequest } from "../http/networkHttp.js";
import { type FetchFunction, guardedFetch } from "../../net/guardedFetch.js";
import { TokenBuckets } from "../http/tokenBucket.js";
import { type NetworkServerAccess, STRICT_POLICY } from "../../domain/serverAddress.js";
import {
  ZMastodonContext,
  ZMastodonCounters,
  ZMastodonCredentials,
  ZMastodonMedia,
  ZMastodonNotification,
  ZMastodonSettings,
  ZMastodonStatus,
} from "./mastodonSchemas.js";
import { inboundChangeOf } from "./mastodonInbound.js";
import { mastodonOAuth } from "./mastodonOAuth.js";
import { describeInstance } from "./mastodonInstance.js";
import { findOwnStatus } from "./mastodonRecovery.js";
import { listenToMastodonStream } from "./mastodonStream.js";

const PAGE = 40;

export interface MastodonDeps {
  /** Which instances may be reached: every request passes this rule (default: https to public addresses). */
  networkServers?: NetworkServerAccess;
  /** The fetch under the rule (the global one by default; tests put a faulty connection in front). */
  fetch?: FetchFunction;
  /** Per account: calls in a burst and how fast they refill (default 300 per 5 minutes). */
  buckets?: TokenBuckets;
  /** How long to wait for an uploaded video or image to be processed (default 60 s), and how often to look. */
  mediaTimeoutMs?: number;
  mediaPollMs?: number;
}

export function createMastodonConnector(deps: MastodonDeps = {}): ChannelConnector {
  const fetchImpl: FetchLike = guardedFetch(deps.networkServers ?? STRICT_POLICY, deps.fetch);
  const buckets = deps.buckets ?? new TokenBuckets({ capacity: 300, refillMs: 5 * 60_000 });

  const settingsOf = (account: ConnectorAccount) => {
    const parsed = ZMastodonSettings.safeParse(account.settings);
    if (!parsed.success)
      throw new ConnectorError("permanent", "the account has no valid Mastodon instance URL (settings.serverUrl)");
    return { ...parsed.data, serverUrl: parsed.data.serverUrl.replace(/\/$/, "") };
  };
  const tokenOf = (account: ConnectorAccount) => {
    const parsed = ZMastodonCredentials.safeParse(account.credentials);
    if (!parsed.success) throw new ConnectorError("auth_expired", "the account is not connected (no access token)");
    return parsed.data.accessToken;
  };
  const call = <S extends z.ZodType>(
    account: ConnectorAccount,
    request: Omit<NetworkRequest, "url" | "token" | "bucket"> & { path: string },
    schema: S,
  ) =>
    networkRequest(
      fetchImpl,
      {
        ...request,
        url: `${settingsOf(account).serverUrl}${request.path}`,
        token: tokenOf(account),
        bucket: buckets.for(account.id),
      },
      schema,
    );

  // Who the account is on its instance (id and username), asked once per account and process.
  const identities = new Map<string, { id: string; username: string }>();
  async function ownIdentity(account: ConnectorAccount): Promise<{ id: string; username: string }> {
    let known = identities.get(account.id);
    if (!known) {
      const me = await call(
        account,
        { path: "/api/v1/accounts/verify_credentials" },
        z.object({ id: z.string(), username: z.string() }),
      );
      identities.set(account.id, (known = me.body));
    }
    return known;
  }

  async function uploadMedia(account: ConnectorAccount, media: OutgoingMedia): Promise<string> {
    if (!media.content) throw new ConnectorError("permanent", "a medium of the post has no content to upload");
    const bytes = await media.content();
    const form = new FormData();
    form.append(
      "file",
      new Blob([new Uint8Array(bytes)], { type: media.mimeType ?? "application/octet-stream" }),
      media.fileName ?? "upload",
    );
    if (media.altText) form.append("description", media.altText);
    const uploaded = await call(
      account,
      { method: "POST", path: "/api/v2/media", form, timeoutMs: 120_000 },
      ZMastodonMedia,
    );
    // 202: accepted, still processing (url null); the status may only use it once processed.
    let ready = uploaded.status === 200 && uploaded.body.url !== null;
    const deadline = Date.now() + (deps.mediaTimeoutMs ?? 60_000);
    while (!ready) {
      if (Date.now() > deadline)
        throw new ConnectorError("transient", `the instance is still processing medium ${uploaded.body.id}`);
      await new Promise((resolve) => setTimeout(resolve, deps.mediaPollMs ?? 1000));
      const state = await call(
        account,
        { path: `/api/v1/media/${encodeURIComponent(uploaded.body.id)}` },
        ZMastodonMedia,
      );
      ready = state.status === 200 && state.body.url !== null;
    }
    return uploaded.body.id;
  }

  async function postStatus(
    account: ConnectorAccount,
    body: Record<string, unknown>,
    idempotencyKey: string,
  ): Promise<PublishedItem> {
    const created = await call(
      account,
      { method: "POST", path: "/api/v1/statuses", json: body, headers: { "idempotency-key": idempotencyKey } },
      ZMastodonStatus,
    );
    return { externalId: created.body.id, url: created.body.url ?? created.body.uri };
  }

  return {
    network: "mastodon",
    capabilities: {
      publish: {
        text: true,
        media: true,
        altText: true,
        threads: true,
        polls: true,
        contentWarning: true,
        replyPolicy: false,
      },
      editOwn: true,
      deleteOwn: true,
      inbound: {
        mode: "poll",
        replies: true,
        mentions: true,
        quotes: false,
        directMessages: true,
        edits: true,
        deletions: true,
        streaming: true,
      },
      reply: true,
      replyMedia: { maxTotalBytes: null },
      connect: ["oauth"],
    },
    limits: {
      ...limitsOf(NETWORK_PROFILES.mastodon),
      mediaTypes: ["image/jpeg", "image/png", "image/gif", "image/webp", "video/mp4"],
      maxImageBytes: 16 * 1024 * 1024,
      maxVideoBytes: 99 * 1024 * 1024,
    },
    // Mastodon cannot hide or delete others' replies for a normal account; it can mute, block and report.
    moderationKinds: ["mute", "block", "report"],
    oauth: mastodonOAuth(fetchImpl),
    async whoAmI(account) {
      const me = await call(
        account,
        { path: "/api/v1/accounts/verify_credentials" },
        z.object({ id: z.string(), username: z.string(), url: z.string().nullable().default(null) }),
      );
      return {
        handle: `@${me.body.username}@${new URL(settingsOf(account).serverUrl).host}`,
        url: me.body.url,
        remoteAccountId: me.body.id,
      };
    },
    // Mastodon answers a repeated Idempotency-Key itself, but forgets it after an hour: look for the status.
    async findPublished(account, lookup) {
      const own = await ownIdentity(account);
      return findOwnStatus((path, schema) => call(account, { path }, schema), own.id, lookup);
    },
    async publish(account: ConnectorAccount, post: OutgoingPost): Promise<PublishedItem> {
      const mediaIds: string[] = [];
      for (const media of post.media) mediaIds.push(await uploadMedia(account, media));
      const body: Record<string, unknown> = {
        status: post.text,
        visibility: settingsOf(account).visibility,
        language: "de",
      };
      if (mediaIds.length > 0) body.media_ids = mediaIds;
      if (post.contentWarning) body.spoiler_text = post.contentWarning;
      if (post.inReplyToExternalId) body.in_reply_to_id = post.inReplyToExternalId;
      if (post.poll) {
        const seconds = Math.max(300, Math.round((Date.parse(post.poll.endsAt) - Date.now()) / 1000));
        body.poll = {
          options: post.poll.options,
          expires_in: seconds,
          hide_totals: post.poll.resultsVisibility === "after_end",
        };
      }
      return postStatus(account, body, post.idempotencyKey);
    },
    async reply(account: ConnectorAccount, reply: OutgoingReply): Promise<PublishedItem> {
      const direct = reply.threadExternalId === "direct";
      // A reply reaches the citizen only when it mentions them (Mastodon notifies mentioned accounts).
      const mention = reply.toHandle && !reply.text.includes(reply.toHandle) ? `${reply.toHandle} ` : "";
      const mediaIds: string[] = [];
      for (const media of reply.media ?? []) mediaIds.push(await uploadMedia(account, media));
      return postStatus(
        account,
        {
          status: `${mention}${reply.text}`,
          ...(mediaIds.length > 0 ? { media_ids: mediaIds } : {}),
          in_reply_to_id: reply.inReplyToExternalId,
          visibility: direct ? "direct" : settingsOf(account).visibility,
          language: "de",
        },
        reply.idempotencyKey,
      );
    },
    async deleteOwn(account, externalId) {
      try {
        await call(
          account,
          { method: "DELETE", path: `/api/v1/statuses/${encodeURIComponent(externalId)}` },
          z.unknown(),
        );
      } catch (error) {
        if (!(error instanceof ConnectorError && error.status === 404)) throw error;
      }
    },
    // The streaming API may live on a host of its own (the instance says so); else on the instance itself.
    streamInbound: (account, onActivity, signal) => {
      const settings = settingsOf(account);
      const base = (settings.server?.streamingUrl ?? settings.serverUrl).replace(/\/$/, "");
      return listenToMastodonStream({
        fetchImpl,
        url: `${base}/api/v1/streaming/user/notification`,
        token: tokenOf(account),
        onActivity,
        signal,
      });
    },
    describeServer: (account) => describeInstance((path, schema) => call(account, { path }, schema)),
    // One request per status: ten a minute keep well inside the instance's 300 per 5 minutes.
    deletionChecksPerRound: 10,
    async findDeleted(account, externalIds) {
      const gone: string[] = [];
      for (const id of externalIds) {
        try {
          await call(account, { path: `/api/v1/statuses/${encodeURIComponent(id)}` }, z.object({ id: z.string() }));
        } catch (error) {
          if (error instanceof ConnectorError && error.status === 404) gone.push(id);
          else throw error;
        }
      }
      return gone;
    },
    // Mastodon 4.3 answers 20 statuses a request (GET /api/v1/statuses?id[]=…, gone ones left out); an older
    // server one per request, so a round asks about 100 at most (a third of the 300 calls per 5 minutes).
    countersPerCall: 20,
    countersPerRound: 100,
    async fetchCounters(account, externalIds) {
      const counted = (s: z.infer<typeof ZMastodonCounters>): PublishedCounters => ({
        externalId: s.id,
        likes: s.favourites_count,
        reposts: s.reblogs_count,
        replies: s.replies_count,
      });
      if (externalIds.length === 0) return [];
      const query = new URLSearchParams(externalIds.map((id): [string, string] => ["id[]", id]));
      try {
        const many = await call(account, { path: `/api/v1/statuses?${query}` }, z.array(ZMastodonCounters));
        return many.body.map(counted);
      } catch (error) {
        if (!(error instanceof ConnectorError && error.status === 404)) throw error;
      }
      const found: PublishedCounters[] = [];
      for (const id of externalIds) {
        try {
          found.push(
            counted(
              (await call(account, { path: `/api/v1/statuses/${encodeURIComponent(id)}` }, ZMastodonCounters)).body,
            ),
          );
        } catch (error) {
          if (!(error instanceof ConnectorError && error.status === 404)) throw error;
        }
      }
      return found;
    },
    async fetchInbound(account: ConnectorAccount, cursor: string | null): Promise<InboundPage> {
      const query = new URLSearchParams([
        ["types[]", "mention"],
        ["types[]", "update"],
        ["limit", String(PAGE)],
      ]);
      if (cursor) query.set("min_id", cursor);
      const page = await call(
        account,
        { path: `/api/v1/notifications?${query.toString()}` },
        z.array(ZMastodonNotification),
      );
      const notifications = [...page.body].sort((a, b) => compareIds(a.id, b.id));
      const own = await ownIdentity(account);
      const server = settingsOf(account).serverUrl;
      const changes: InboundChange[] = [];
      for (const notification of notifications) {
        const status = notification.status;
        if (!status || status.account.id === own.id) continue;
        const root =
          status.in_reply_to_account_id === own.id && status.in_reply_to_id
            ? await threadRoot(account, status.id, status.in_reply_to_id)
            : null;
        changes.push(
          inboundChangeOf({
            notification,
            status,
            ownAccountId: own.id,
            ownUsername: own.username,
            serverUrl: server,
            threadRoot: root,
          }),
        );
      }
      const newest = notifications.at(-1)?.id ?? cursor;
      return { changes, cursor: newest, more: page.body.length === PAGE, rateLimit: page.rateLimit };
    },
    async moderate(account: ConnectorAccount, request: ModerationRequest): Promise<void> {
      if (request.kind !== "mute" && request.kind !== "block" && request.kind !== "report")
        throw new ConnectorError("permanent", `Mastodon cannot ${request.kind} for a normal account`);
      const status = await call(
        account,
        { path: `/api/v1/statuses/${encodeURIComponent(request.externalId)}` },
        ZMastodonStatus,
      );
      const target = status.body.account.id;
      if (request.kind === "report") {
        const remote = status.body.account.acct.includes("@");
        await call(
          account,
          {
            method: "POST",
            path: "/api/v1/reports",
            json: {
              account_id: target,
              status_ids: [request.externalId],
              comment: request.reason.slice(0, 1000),
              category: "other",
              forward: remote,
            },
            headers: { "idempotency-key": request.idempotencyKey },
          },
          z.unknown(),
        );
      } else {
        await call(
          account,
          { method: "POST", path: `/api/v1/accounts/${encodeURIComponent(target)}/${request.kind}`, json: {} },
          z.unknown(),
        );
      }
    },
  };

  /** The first status of the thread a reply belongs to (our published post), one context call. */
  async function threadRoot(account: ConnectorAccount, statusId: string, parentId: string): Promise<string> {
    const context = await call(
      account,
      { path: `/api/v1/statuses/${encodeURIComponent(statusId)}/context` },
      ZMastodonContext,
    );
    return context.body.ancestors[0]?.id ?? parentId;
  }
}

/** Mastodon ids are numeric strings (snowflakes) and grow with time; compare them as numbers of any length. */
export function compareIds(a: string, b: string): number {
  return a.length !== b.length ? a.length - b.length : a < b ? -1 : a > b ? 1 : 0;
}
