// Citizens' posts to the account on X as draht's inbound messages: the mentions timeline (GET /2/users/:id/mentions),
// where answers to the account's posts arrive too (X addresses an answer to the author, so it mentions them).
// X lists newest first and pages backwards; draht's cursor is the newest id taken (since_id). When more arrived
// than one page holds, the cursor walks down a window instead — "since:until:top": everything between `since` and
// `until` is still to fetch, `top` becomes the cursor when the window is empty — so that no item is left out or
// taken twice, also when the process stops between pages (each page's cursor is stored with its items).
import { z } from "zod";
import type { InboundChange, InboundPage, RateLimitState } from "../../domain/connector.js";

export const ZXUser = z.object({ id: z.string(), username: z.string(), name: z.string().default("") });

export const ZXTweet = z.object({
  id: z.string().regex(/^\d{1,25}$/),
  text: z.string(),
  author_id: z.string().optional(),
  conversation_id: z.string().optional(),
  created_at: z.string().optional(),
  in_reply_to_user_id: z.string().optional(),
  lang: z.string().optional(),
  referenced_tweets: z.array(z.object({ type: z.string(), id: z.string() })).optional(),
});
export type TXTweet = z.infer<typeof ZXTweet>;

export const ZXTimeline = z.object({
  data: z.array(ZXTweet).optional(),
  includes: z.object({ users: z.array(ZXUser).optional() }).optional(),
  meta: z.object({ result_count: z.number().optional(), next_token: z.string().optional() }).optional(),
});

/** What draht asks X to include with each post of a timeline. */
export const TIMELINE_FIELDS = {
  "tweet.fields": "created_at,author_id,conversation_id,in_reply_to_user_id,referenced_tweets,lang",
  expansions: "author_id,referenced_tweets.id",
  "user.fields": "username,name",
};

interface Cursor {
  since: string | null;
  until: string | null;
  top: string | null;
}

const ID = /^\d{1,25}$/;

export function parseXCursor(cursor: string | null): Cursor {
  const [since = "", until, top] = (cursor ?? "").split(":");
  const sinceId = ID.test(since) ? since : null;
  // A window may have no lower end: the first fetch walks down the whole timeline X keeps.
  if (until && top && ID.test(until) && ID.test(top)) return { since: sinceId, until, top };
  return { since: sinceId, until: null, top: null };
}

const newer = (a: string, b: string | null) => (b === null || BigInt(a) > BigInt(b) ? a : b);

/** The query of the next page after the cursor (since_id, and until_id inside a window). */
export function mentionsQuery(cursor: string | null, pageSize: number): URLSearchParams {
  const at = parseXCursor(cursor);
  return new URLSearchParams({
    max_results: String(Math.min(100, Math.max(5, pageSize))),
    ...TIMELINE_FIELDS,
    ...(at.since ? { since_id: at.since } : {}),
    ...(at.until ? { until_id: at.until } : {}),
  });
}

/** "@username " at the start, which X puts before every answer, left out of what the inbox shows. */
function withoutLeadingMentions(text: string, ownUsername: string | null): string {
  if (!ownUsername) return text;
  const own = ownUsername.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return text.replace(new RegExp(`^(?:@${own}\\s+)+`, "i"), "");
}

function changeOf(tweet: TXTweet, users: Map<string, z.infer<typeof ZXUser>>, own: Own): InboundChange {
  const author = tweet.author_id ? users.get(tweet.author_id) : undefined;
  const parent = tweet.referenced_tweets?.find((r) => r.type === "replied_to")?.id ?? null;
  return {
    change: "new",
    message: {
      externalId: tweet.id,
      kind: parent !== null && tweet.in_reply_to_user_id === own.id ? "reply" : "mention",
      authorHandle: author ? `@${author.username}` : `x:user:${tweet.author_id ?? "unknown"}`,
      authorName: author?.name || author?.username || "",
      text: withoutLeadingMentions(tweet.text, own.username),
      language: tweet.lang && tweet.lang !== "und" && tweet.lang.length >= 2 ? tweet.lang : null,
      // X's conversation is the thread: the id of the post that began it (ours, for answers to our posts).
      threadExternalId: tweet.conversation_id ?? parent ?? tweet.id,
      inReplyToExternalId: parent,
      visibility: "visible",
      receivedAt: tweet.created_at ? new Date(tweet.created_at) : new Date(),
      raw: {
        network: "x",
        authorId: tweet.author_id ?? null,
        conversationId: tweet.conversation_id ?? null,
        url: author ? `https://x.com/${author.username}/status/${tweet.id}` : null,
      },
    },
  };
}

interface Own {
  id: string;
  username: string | null;
}

/** One answer of the mentions timeline as a page of changes (oldest first) with the cursor after it. */
export function pageOfMentions(args: {
  body: z.infer<typeof ZXTimeline>;
  cursor: string | null;
  own: Own;
  rateLimit: RateLimitState | null;
}): InboundPage {
  const at = parseXCursor(args.cursor);
  const tweets = args.body.data ?? [];
  const users = new Map((args.body.includes?.users ?? []).map((u) => [u.id, u]));
  const changes = [...tweets]
    .sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1))
    .filter((t) => t.author_id !== args.own.id)
    .map((t) => changeOf(t, users, args.own));
  const newest = tweets.reduce<string | null>((top, t) => newer(t.id, top), null);
  const oldest = tweets.reduce<string | null>(
    (low, t) => (low === null || BigInt(t.id) < BigInt(low) ? t.id : low),
    null,
  );
  const top = newest === null ? at.top : newer(newest, at.top);
  // Older posts wait in the window below this page: fetch them next, before moving the cursor to the top.
  if (args.body.meta?.next_token && oldest !== null && top !== null)
    return { changes, cursor: `${at.since ?? ""}:${oldest}:${top}`, more: true, rateLimit: args.rateLimit };
  // The window is empty: the newest id taken is the cursor.
  return { changes, cursor: top ?? at.since, more: false, rateLimit: args.rateLimit };
}
