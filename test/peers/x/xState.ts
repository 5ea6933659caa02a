// What the fake X API (xPeer.ts) keeps: users, posts, uploaded media, OAuth codes and tokens (access tokens that
// expire, refresh tokens that rotate on use), each account's rate windows, and the ways a test acts as citizens
// (a mention, an answer, a deletion). Ids are increasing decimal strings, like X's snowflake ids.
import { createHash, randomBytes } from "node:crypto";

export interface XUser {
  id: string;
  username: string;
  name: string;
}

export interface Tweet {
  id: string;
  text: string;
  author_id: string;
  conversation_id: string;
  created_at: string;
  in_reply_to_user_id?: string;
  referenced_tweets?: { type: "replied_to"; id: string }[];
  lang: string;
  mediaIds: string[];
  replySettings: "everyone" | "mentionedUsers" | "following";
  hidden: boolean;
  deleted: boolean;
}

export interface Medium {
  id: string;
  bytes: Buffer;
  mediaType: string;
  category: string;
  altText: string | null;
  /** Chunked uploads: the declared size and the segments received. */
  totalBytes?: number;
  segments?: Map<number, Buffer>;
  finalized: boolean;
  ownerId: string;
}

interface Grant {
  userId: string;
  scope: string;
  clientId: string;
}

export function createXState(options: { clientId: string; clientSecret: string }) {
  let sequence = 1_800_000_000_000_000_000n;
  const nextId = () => String(++sequence);
  const users = new Map<string, XUser>();
  const account: XUser = { id: "2244994945", username: "musterstadt", name: "Stadt Musterstadt" };
  users.set(account.id, account);
  const tweets = new Map<string, Tweet>();

  const state = {
    client: { id: options.clientId, secret: options.clientSecret },
    account,
    users,
    tweets,
    media: new Map<string, Medium>(),
    codes: new Map<string, Grant & { redirectUri: string; challenge: string; expiresAt: number }>(),
    accessTokens: new Map<string, Grant & { expiresAt: number }>(),
    refreshTokens: new Map<string, Grant>(),
    /** How long an access token lives (X: two hours). */
    accessTtlSeconds: 7200,
    /** Requests per endpoint and user in a window of 15 minutes (X's windows), unless a test changes it. */
    windowLimit: 300,
    windows: new Map<string, { remaining: number; resetAt: number }>(),
    /** Until when every call is refused with 429 (a test's exhausted budget); 0: not. */
    exhaustedUntil: 0,
    /** Endpoints ("GET /2/users/:id/mentions") the app's access tier does not include: 403 client-not-enrolled. */
    notInTier: new Set<string>(),
    /** Calls per endpoint, by "METHOD /path" (tests check what was asked). */
    calls: [] as string[],
    nextId,

    user(username: string, name = username): XUser {
      const known = [...users.values()].find((u) => u.username === username);
      if (known) return known;
      const user = { id: nextId(), username, name };
      users.set(user.id, user);
      return user;
    },

    /** A post as X stores it; answers inherit their parent's conversation. */
    createTweet(args: {
      author: XUser;
      text: string;
      replyTo?: string;
      mediaIds?: string[];
      replySettings?: Tweet["replySettings"];
    }): Tweet {
      const parent = args.replyTo ? tweets.get(args.replyTo) : undefined;
      const id = nextId();
      const tweet: Tweet = {
        id,
        text: args.text,
        author_id: args.author.id,
        conversation_id: parent?.conversation_id ?? id,
        created_at: new Date().toISOString(),
        ...(parent
          ? { in_reply_to_user_id: parent.author_id, referenced_tweets: [{ type: "replied_to", id: parent.id }] }
          : {}),
        lang: "de",
        mediaIds: args.mediaIds ?? [],
        replySettings: args.replySettings ?? "everyone",
        hidden: false,
        deleted: false,
      };
      tweets.set(id, tweet);
      return tweet;
    },

    /** Posts that mention the user or answer them, newest first (X's mentions timeline). */
    mentionsOf(user: XUser): Tweet[] {
      const mention = new RegExp(`(^|[^\\w])@${user.username}\\b`, "i");
      return [...tweets.values()]
        .filter(
          (t) => !t.deleted && t.author_id !== user.id && (mention.test(t.text) || t.in_reply_to_user_id === user.id),
        )
        .sort((a, b) => (BigInt(b.id) > BigInt(a.id) ? 1 : -1));
    },

    /** The texts under a post: every later post of its conversation below it. */
    below(id: string): Tweet[] {
      const parentOf = (t: Tweet) => t.referenced_tweets?.[0]?.id;
      const result: Tweet[] = [];
      const walk = (parent: string) => {
        for (const t of [...tweets.values()].sort((a, b) => (BigInt(a.id) > BigInt(b.id) ? 1 : -1)))
          if (!t.deleted && parentOf(t) === parent) {
            result.push(t);
            walk(t.id);
          }
      };
      walk(id);
      return result;
    },

    /** A code for the consent the person gave on the authorisation page. */
    issueCode(args: { clientId: string; redirectUri: string; challenge: string; scope: string }): string {
      const code = randomBytes(24).toString("base64url");
      state.codes.set(code, { ...args, userId: account.id, expiresAt: Date.now() + 30_000 });
      return code;
    },

    issueTokens(grant: Grant) {
      const access = randomBytes(24).toString("base64url");
      const refresh = grant.scope.split(" ").includes("offline.access") ? randomBytes(24).toString("base64url") : null;
      state.accessTokens.set(access, { ...grant, expiresAt: Date.now() + state.accessTtlSeconds * 1000 });
      if (refresh) state.refreshTokens.set(refresh, grant);
      return {
        token_type: "bearer",
        expires_in: state.accessTtlSeconds,
        access_token: access,
        scope: grant.scope,
        ...(refresh ? { refresh_token: refresh } : {}),
      };
    },

    /** A token pair for the account without the consent page (the contract test's connected account). */
    connectDirectly(scope: string) {
      return state.issueTokens({ userId: account.id, scope, clientId: options.clientId });
    },

    /** Every access token runs out now (the two hours passed). */
    expireAccessTokens() {
      for (const grant of state.accessTokens.values()) grant.expiresAt = Date.now() - 1;
    },

    /** The person revoked draht's access in X's settings: no token works any more. */
    revokeAll() {
      state.accessTokens.clear();
      state.refreshTokens.clear();
    },
  };
  return state;
}

export type XState = ReturnType<typeof createXState>;

/** PKCE S256: the challenge of a verifier. */
export const s256 = (verifier: string) => createHash("sha256").update(verifier).digest("base64url");

/** A test acting as citizens on X. */
export function citizensOf(state: XState) {
  const person = state.user("erika_m", "Erika Mustermann");
  return {
    person,
    /** A citizen answers a post (X puts "@author" of the parent before the text). */
    reply(toId: string, text: string, author = person): Tweet {
      const parent = state.tweets.get(toId);
      if (!parent || parent.deleted) throw new Error(`no post ${toId} to answer`);
      const parentAuthor = state.users.get(parent.author_id);
      const mentioned = new RegExp(`@${author.username}\\b`, "i").test(parent.text);
      if (parent.replySettings !== "everyone" && parent.author_id !== author.id && !mentioned)
        throw new Error("the post's author limited who may answer");
      return state.createTweet({ author, text: `@${parentAuthor?.username ?? "?"} ${text}`, replyTo: toId });
    },
    mention(text: string, author = person): Tweet {
      return state.createTweet({ author, text: `@${state.account.username} ${text}` });
    },
    remove(id: string) {
      const tweet = state.tweets.get(id);
      if (tweet) tweet.deleted = true;
    },
  };
}
