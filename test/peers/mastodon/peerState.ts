// The fake Mastodon server's memory: accounts, tokens, apps, statuses, media, notifications, mutes,
// blocks, reports, and the entity JSON as the API documentation shows it.
import { randomBytes } from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";

/** Finds the account a request's bearer token belongs to (with the scope it needs), or answers 401/403 itself. */
export type Authed = (req: FastifyRequest, reply: FastifyReply, scope?: string) => PeerAccount | null;

export interface PeerAccount {
  id: string;
  username: string;
  displayName: string;
  local: boolean;
  /** For remote accounts: their instance. */
  domain: string | null;
}

export interface PeerMedia {
  id: string;
  type: "image" | "video";
  description: string | null;
  bytes: number;
  /** The uploaded file, as received. */
  content: Buffer;
  mimeType: string;
  pollsUntilReady: number;
  ownerId: string;
}

export interface PeerStatus {
  id: string;
  accountId: string;
  text: string;
  spoilerText: string;
  visibility: "public" | "unlisted" | "private" | "direct";
  inReplyToId: string | null;
  mediaIds: string[];
  poll: { options: string[]; expiresIn: number } | null;
  language: string | null;
  createdAt: string;
  editedAt: string | null;
  deleted: boolean;
  mentions: string[];
  /** Who favourited and who boosted it (test/peers/mastodon/reactionRoutes.ts). */
  favouritedBy?: Set<string>;
  rebloggedBy?: Set<string>;
}

export interface PeerNotification {
  id: string;
  type: "mention" | "update" | "favourite" | "follow";
  accountId: string;
  forAccountId: string;
  statusId: string | null;
  createdAt: string;
}

/** How long Mastodon remembers an Idempotency-Key (its Redis entry expires after an hour). */
export const IDEMPOTENCY_TTL_MS = 3_600_000;

export function createPeerState(options: { rateLimit: number; mediaProcessingPolls: number }) {
  let nextId = 110_000_000_000_000_000n;
  const id = () => String((nextId += 1_000n + BigInt(Math.floor(Math.random() * 100))));
  const state = {
    host: "",
    baseUrl: "",
    rateLimit: options.rateLimit,
    mediaProcessingPolls: options.mediaProcessingPolls,
    outage: false,
    /** What /api/v2/instance says: the instance's own limits and where its streaming API lives (null: on the instance). */
    instance: {
      maxCharacters: 500,
      maxMediaAttachments: 4,
      charactersReservedPerUrl: 23,
      maxPollOptions: 4,
      streamingUrl: null as string | null,
    },
    accounts: new Map<string, PeerAccount>(),
    tokens: new Map<string, { accountId: string; scopes: string[]; revoked: boolean }>(),
    apps: new Map<string, { clientId: string; clientSecret: string; redirectUris: string[]; scopes: string[] }>(),
    codes: new Map<
      string,
      {
        clientId: string;
        accountId: string;
        redirectUri: string;
        scopes: string[];
        challenge: string | null;
        method: string | null;
      }
    >(),
    statuses: new Map<string, PeerStatus>(),
    media: new Map<string, PeerMedia>(),
    notifications: [] as PeerNotification[],
    mutes: [] as { by: string; target: string }[],
    blocks: [] as { by: string; target: string }[],
    reports: [] as { by: string; target: string; statusIds: string[]; comment: string; forward: boolean }[],
    /** Idempotency-Key → the status it made and when; forgotten after IDEMPOTENCY_TTL_MS of the peer's clock. */
    idempotency: new Map<string, { statusId: string; at: number }>(),
    /** How far the peer's clock runs ahead of the real one (tests advance it). */
    clockOffsetMs: 0,
    now: () => Date.now() + state.clockOffsetMs,
    /** The status an Idempotency-Key made, while the server still remembers it. */
    rememberedStatus(key: string): string | undefined {
      const entry = state.idempotency.get(key);
      if (entry && state.now() - entry.at < IDEMPOTENCY_TTL_MS) return entry.statusId;
      state.idempotency.delete(key);
      return undefined;
    },
    /** Open streaming connections per account: each gets every new notification of that account. */
    streams: new Map<string, Set<(notification: PeerNotification) => void>>(),
    /** The Host header of every streaming connection (which address a client streams from). */
    streamHosts: [] as string[],
    /** Told the account id whenever a streaming connection has opened (tests wait for it). */
    streamOpened: new Set<(accountId: string) => void>(),
    windows: new Map<string, { used: number; resetAt: number }>(),
    newId: id,
    addAccount(username: string, displayName: string, local: boolean, domain: string | null = null): PeerAccount {
      const account = { id: id(), username, displayName, local, domain };
      state.accounts.set(account.id, account);
      return account;
    },
    issueToken(accountId: string, scopes: string[]): string {
      const token = randomBytes(24).toString("base64url");
      state.tokens.set(token, { accountId, scopes, revoked: false });
      return token;
    },
    rateWindow(key: string) {
      const now = state.now();
      let window = state.windows.get(key);
      if (!window || window.resetAt <= now) state.windows.set(key, (window = { used: 0, resetAt: now + 5 * 60_000 }));
      return window;
    },
    acct(account: PeerAccount): string {
      return account.local ? account.username : `${account.username}@${account.domain}`;
    },
    findByAcct(acct: string): PeerAccount | undefined {
      const [username, domain] = acct.replace(/^@/, "").split("@");
      return [...state.accounts.values()].find(
        (a) => a.username === username && (a.local ? !domain || domain === state.host : a.domain === domain),
      );
    },
  };
  return state;
}
export type PeerState = ReturnType<typeof createPeerState>;

export function accountJson(account: PeerAccount, state: PeerState) {
  const acct = state.acct(account);
  return {
    id: account.id,
    username: account.username,
    acct,
    display_name: account.displayName,
    url: account.local ? `${state.baseUrl}/@${account.username}` : `https://${account.domain}/@${account.username}`,
    bot: false,
    created_at: "2026-01-01T00:00:00.000Z",
  };
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch] ?? ch);

/** Plain text as Mastodon renders it: paragraphs, line breaks, mentions as h-card links. */
function renderContent(text: string, state: PeerState): string {
  return text
    .split(/\n{2,}/)
    .map((paragraph) => {
      const html = escapeHtml(paragraph)
        .replace(/\n/g, "<br>")
        .replace(
          /@([a-z0-9_]+)(?:@([a-z0-9.:-]+))?/gi,
          (whole, user: string) =>
            `<span class="h-card"><a href="${state.baseUrl}/@${user}" class="u-url mention">@<span>${user}</span></a></span>`,
        );
      return `<p>${html}</p>`;
    })
    .join("");
}

export function statusJson(status: PeerStatus, state: PeerState) {
  const account = state.accounts.get(status.accountId);
  if (!account) throw new Error(`status ${status.id} has no account`);
  const parent = status.inReplyToId ? state.statuses.get(status.inReplyToId) : undefined;
  return {
    id: status.id,
    uri: `${state.baseUrl}/users/${account.username}/statuses/${status.id}`,
    url: `${state.baseUrl}/@${account.username}/${status.id}`,
    created_at: status.createdAt,
    edited_at: status.editedAt,
    account: accountJson(account, state),
    content: renderContent(status.text, state),
    spoiler_text: status.spoilerText,
    visibility: status.visibility,
    sensitive: status.spoilerText !== "",
    language: status.language,
    in_reply_to_id: status.inReplyToId,
    in_reply_to_account_id: parent?.accountId ?? null,
    media_attachments: status.mediaIds.flatMap((mid) => {
      const media = state.media.get(mid);
      return media
        ? [
            {
              id: media.id,
              type: media.type,
              url: `${state.baseUrl}/media/${media.id}`,
              preview_url: `${state.baseUrl}/media/${media.id}/small`,
              description: media.description,
            },
          ]
        : [];
    }),
    poll: status.poll
      ? {
          id: status.id,
          expires_at: new Date(Date.parse(status.createdAt) + status.poll.expiresIn * 1000).toISOString(),
          options: status.poll.options.map((title) => ({ title, votes_count: 0 })),
        }
      : null,
    mentions: status.mentions.flatMap((aid) => {
      const a = state.accounts.get(aid);
      return a ? [{ id: a.id, username: a.username, acct: state.acct(a), url: accountJson(a, state).url }] : [];
    }),
    // The public counters, as Mastodon counts them: replies still shown, favourites and boosts.
    favourites_count: status.favouritedBy?.size ?? 0,
    reblogs_count: status.rebloggedBy?.size ?? 0,
    replies_count: [...state.statuses.values()].filter((s) => s.inReplyToId === status.id && !s.deleted).length,
  };
}
