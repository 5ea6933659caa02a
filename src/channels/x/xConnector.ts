// X through its API v2: an organisation's account, connected by OAuth 2.0 (xOAuth.ts), publishes posts — text,
// threads (each post answering the one before), up to four images with alt text or one video (xMedia.ts) —,
// deletes them, reads citizens' mentions and answers (xInbound.ts), answers in the thread and hides or unhides
// answers under its posts (the only moderation X's API leaves to an account: blocking is no longer offered by v2).
// X keeps no idempotency key: each send is written to draht's journal the moment X answers, and recovery looks
// there first, then among the account's own recent posts (same text and parent, not older than the attempt).
// Every call carries the app's access tier, named when X refuses for it; the rate window comes from X's headers.
import { z } from "zod";
import { type TXSettings, ZXSettings } from "../../domain/channelSettings.js";
import {
  type ChannelConnector,
  type ConnectorCapabilities,
  type ConnectorAccount,
  ConnectorError,
  type OutgoingPost,
  type PublishedItem,
  type PublishedLookup,
} from "../../domain/connector.js";
import { NETWORK_PROFILES, limitsOf } from "../../domain/networks.js";
import type { ReplyPolicy } from "../../domain/replyPolicy.js";
import { type NetworkServerAccess, STRICT_POLICY } from "../../domain/serverAddress.js";
import type { SendJournal } from "../../db/queries/networkSends.js";
import { countCharacters } from "../../text/characterCount.js";
import { type FetchFunction, guardedFetch } from "../../net/guardedFetch.js";
import { type XRequest, xRequest } from "./xApi.js";
import { X_ALT_TEXT_MAX, uploadMedia } from "./xMedia.js";
import { mentionsQuery, pageOfMentions, type TXTweet, ZXTimeline, ZXUser } from "./xInbound.js";
import { type XApp, xTokens } from "./xOAuth.js";

export interface XDeps {
  journal: SendJournal;
  /** draht's app at X (installation configuration); without it, X accounts cannot be connected. */
  app?: XApp;
  clock?: () => Date;
  networkServers?: NetworkServerAccess;
  fetch?: FetchFunction;
  lock?: <T>(name: string, run: () => Promise<T>) => Promise<T>;
  /** Mentions per page (X takes 5 to 100; tests make it small). */
  pageSize?: number;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * X's reply settings for draht's reply policies, where X has one: it knows no "nobody" and no "followers", so
 * the connector does not declare reply policies (the contract's promise covers all of them) and refuses those two
 * rather than publishing a post open to more people than the author chose.
 */
const REPLY_SETTINGS: Record<ReplyPolicy, string | null | undefined> = {
  everyone: null,
  mentioned: "mentionedUsers",
  following: "following",
  nobody: undefined,
  followers: undefined,
};

const ZCreated = z.object({ data: z.object({ id: z.string().regex(/^\d{1,25}$/), text: z.string().optional() }) });
const PROFILE = NETWORK_PROFILES.x;

const X_CAPABILITIES: ConnectorCapabilities = {
  publish: {
    text: true,
    media: true,
    altText: true,
    threads: true,
    polls: false,
    contentWarning: false,
    replyPolicy: false,
  },
  editOwn: false,
  deleteOwn: true,
  inbound: {
    mode: "poll",
    replies: true,
    mentions: true,
    quotes: false,
    directMessages: false,
    edits: false,
    deletions: false,
    streaming: false,
  },
  reply: true,
  connect: ["oauth"],
};

/** What X would refuse, refused before anything is uploaded; answers X's reply setting for the post. */
function checkPost(post: OutgoingPost) {
  if (post.poll) throw new ConnectorError("permanent", "draht does not publish polls on X");
  if (countCharacters(post.text, PROFILE.counting) > PROFILE.maxLength)
    throw new ConnectorError("permanent", `the text is longer than X's ${PROFILE.maxLength} weighted characters`);
  const policy = post.replyPolicy ?? "everyone";
  if (REPLY_SETTINGS[policy] === undefined)
    throw new ConnectorError("permanent", `X cannot limit answers to "${policy}"`);
  return REPLY_SETTINGS[policy];
}

/** The account's own posts since an attempt began (a minute earlier: clocks differ), retweets left out. */
function ownTimelineQuery(lookup: PublishedLookup): URLSearchParams {
  return new URLSearchParams({
    max_results: "100",
    exclude: "retweets",
    "tweet.fields": "created_at,referenced_tweets",
    ...(lookup.since ? { start_time: new Date(lookup.since.getTime() - 60_000).toISOString() } : {}),
  });
}

const samePost = (tweet: TXTweet, lookup: PublishedLookup) =>
  tweet.text === lookup.text &&
  (tweet.referenced_tweets?.find((r) => r.type === "replied_to")?.id ?? null) === (lookup.inReplyToExternalId ?? null);

export function createXConnector(deps: XDeps): ChannelConnector {
  const fetchImpl = guardedFetch(deps.networkServers ?? STRICT_POLICY, deps.fetch);
  const clock = deps.clock ?? (() => new Date());
  const tokens = xTokens({ fetch: fetchImpl, app: deps.app, clock, lock: deps.lock });
  const me = new Map<string, { id: string; username: string }>();

  const settingsOf = (account: ConnectorAccount): TXSettings => {
    const parsed = ZXSettings.safeParse(account.settings);
    if (!parsed.success) throw new ConnectorError("permanent", "the account has no valid X settings");
    return { ...parsed.data, serverUrl: parsed.data.serverUrl.replace(/\/$/, "") };
  };

  /** Runs with the account's token; once more with a refreshed token when X says the token expired. */
  async function withToken<T>(account: ConnectorAccount, run: (token: string, settings: TXSettings) => Promise<T>) {
    const settings = settingsOf(account);
    const token = await tokens.accessToken(account, settings);
    try {
      return await run(token, settings);
    } catch (error) {
      if (!(error instanceof ConnectorError) || error.kind !== "auth_expired") throw error;
      return run(await tokens.accessToken(account, settings, token), settings);
    }
  }

  const call = <S extends z.ZodType>(
    account: ConnectorAccount,
    request: Omit<XRequest, "url"> & { path: string },
    schema: S,
  ) =>
    withToken(account, (token, settings) =>
      xRequest(
        fetchImpl,
        { ...request, url: `${settings.serverUrl}${request.path}`, token, tier: settings.tier },
        schema,
      ),
    );

  async function whoAmI(account: ConnectorAccount) {
    const answer = await call(account, { path: "/2/users/me", label: "X GET /2/users/me" }, z.object({ data: ZXUser }));
    me.set(account.id, answer.body.data);
    return answer.body.data;
  }
  const ownOf = async (account: ConnectorAccount) => me.get(account.id) ?? whoAmI(account);

  async function sendTweet(account: ConnectorAccount, body: Record<string, unknown>) {
    const created = await call(
      account,
      { method: "POST", path: "/2/tweets", json: body, label: "X POST /2/tweets", timeoutMs: 60_000 },
      ZCreated,
    );
    const id = created.body.data.id;
    return { externalId: id, url: `https://x.com/i/web/status/${id}` };
  }

  /** The account's own post an interrupted attempt published: same text and parent, not older than the attempt. */
  async function findOwn(account: ConnectorAccount, lookup: PublishedLookup): Promise<PublishedItem | null> {
    const own = await ownOf(account);
    const path = `/2/users/${own.id}/tweets?${ownTimelineQuery(lookup).toString()}`;
    const timeline = await call(account, { path, label: "X GET /2/users/:id/tweets" }, ZXTimeline);
    const found = (timeline.body.data ?? []).find((t) => samePost(t, lookup));
    return found ? { externalId: found.id, url: `https://x.com/i/web/status/${found.id}` } : null;
  }

  return {
    network: "x",
    capabilities: X_CAPABILITIES,
    limits: { ...limitsOf(PROFILE), maxImageBytes: 5 * 1024 * 1024, maxAltTextLength: X_ALT_TEXT_MAX },
    moderationKinds: ["hide", "unhide"],
    oauth: tokens.oauth,
    async whoAmI(account) {
      const user = await whoAmI(account);
      return { handle: `@${user.username}`, url: `https://x.com/${user.username}`, remoteAccountId: user.id };
    },
    async findPublished(account, lookup) {
      const journaled = await deps.journal.find({ accountId: account.id, idempotencyKey: lookup.idempotencyKey });
      return journaled ?? findOwn(account, lookup);
    },
    async publish(account, post) {
      const replySettings = checkPost(post);
      const mediaIds =
        post.media.length === 0
          ? []
          : await withToken(account, (token, settings) =>
              uploadMedia(
                {
                  fetch: fetchImpl,
                  serverUrl: settings.serverUrl,
                  token,
                  sleep: deps.sleep,
                  request: { tier: settings.tier },
                },
                post.media,
              ),
            );
      const item = await sendTweet(account, {
        text: post.text,
        ...(post.inReplyToExternalId ? { reply: { in_reply_to_tweet_id: post.inReplyToExternalId } } : {}),
        ...(mediaIds.length > 0 ? { media: { media_ids: mediaIds } } : {}),
        ...(replySettings && !post.inReplyToExternalId ? { reply_settings: replySettings } : {}),
      });
      await deps.journal.record({ accountId: account.id, idempotencyKey: post.idempotencyKey, ...item });
      return item;
    },
    async reply(account, answer) {
      const known = await deps.journal.find({ accountId: account.id, idempotencyKey: answer.idempotencyKey });
      if (known) return known;
      const item = await sendTweet(account, {
        text: answer.text,
        reply: { in_reply_to_tweet_id: answer.inReplyToExternalId },
      });
      await deps.journal.record({ accountId: account.id, idempotencyKey: answer.idempotencyKey, ...item });
      return item;
    },
    async deleteOwn(account, externalId) {
      try {
        await call(
          account,
          { method: "DELETE", path: `/2/tweets/${encodeURIComponent(externalId)}`, label: "X DELETE /2/tweets/:id" },
          z.unknown(),
        );
      } catch (error) {
        // Deleted already (a repeated request): what was asked for is done.
        if (!(error instanceof ConnectorError && error.status === 404)) throw error;
      }
    },
    async fetchInbound(account, cursor) {
      const own = await ownOf(account);
      const query = mentionsQuery(cursor, deps.pageSize ?? 100);
      const answer = await call(
        account,
        { path: `/2/users/${own.id}/mentions?${query.toString()}`, label: "X GET /2/users/:id/mentions" },
        ZXTimeline,
      );
      return pageOfMentions({ body: answer.body, cursor, own, rateLimit: answer.rateLimit });
    },
    async moderate(account, request) {
      if (request.kind !== "hide" && request.kind !== "unhide")
        throw new ConnectorError("permanent", `X cannot ${request.kind} through its API`);
      await call(
        account,
        {
          method: "PUT",
          path: `/2/tweets/${encodeURIComponent(request.externalId)}/hidden`,
          json: { hidden: request.kind === "hide" },
          label: "X PUT /2/tweets/:id/hidden",
        },
        z.object({ data: z.object({ hidden: z.boolean() }) }),
      );
    },
  };
}
