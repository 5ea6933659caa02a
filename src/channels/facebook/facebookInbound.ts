// Polling a Facebook page (the fallback beside Meta's webhook, and what fills its gaps): citizens' comments on the
// page's recent posts and the page's Messenger conversations, after a cursor, oldest first. The cursor holds a
// watermark per source (the newest created_time taken, in seconds, and the ids taken at that very second, because
// Graph's `since` is inclusive and counts whole seconds), so a page is taken once: no repeats, and nothing newer
// than the watermark is skipped. The items carry the ids the webhook parse gives them (comment id, message mid), so
// a comment seen by both ways is one message in draht.
import { z } from "zod";
import type { InboundChange, InboundPage } from "../../domain/connector.js";
import type { FetchFunction } from "../../net/guardedFetch.js";
import { graphRequest } from "../meta/graphApi.js";

const ZCursor = z.object({
  c: z.number().int(),
  cids: z.array(z.string()),
  m: z.number().int(),
  mids: z.array(z.string()),
});
type Cursor = z.infer<typeof ZCursor>;

const ZPaging = z.object({
  cursors: z.object({ after: z.string().optional() }).optional(),
  next: z.string().optional(),
});
const pageOf = <T extends z.ZodType>(item: T) => z.object({ data: z.array(item), paging: ZPaging.optional() });
const ZFrom = z.object({ id: z.string().min(1).max(200), name: z.string().max(500).optional() });
const ZPost = z.object({ id: z.string(), created_time: z.string(), updated_time: z.string().optional() });
const ZComment = z.object({
  id: z.string().min(1).max(200),
  from: ZFrom.optional(),
  message: z.string().max(100_000).optional(),
  created_time: z.string(),
  parent: z.object({ id: z.string() }).optional(),
  attachment: z.object({ type: z.string().optional(), media: z.unknown().optional() }).optional(),
});
const ZConversation = z.object({ id: z.string(), updated_time: z.string() });
const ZMessage = z.object({
  id: z.string().min(1).max(500),
  from: ZFrom,
  message: z.string().optional(),
  created_time: z.string(),
});

/** How far back a first poll looks, and how old a post may be for its new comments to be looked for. */
const FIRST_LOOK_BACK_S = 3 * 86_400;
const POSTS_LOOK_BACK_S = 30 * 86_400;
/** Pages of posts, conversations or comments read per poll at most (each page one request). */
const MAX_PAGES = 5;

const seconds = (time: string) => Math.floor(new Date(time).getTime() / 1000);

export interface InboundArgs {
  fetchImpl: FetchFunction;
  base: string;
  token: string;
  pageId: string;
  now: Date;
  /** Changes per returned page at most (the rest: `more`). */
  pageSize: number;
}

async function* pages<T extends z.ZodType>(args: InboundArgs, url: string, item: T) {
  let next: string | null = url;
  for (let n = 0; next !== null && n < MAX_PAGES; n++) {
    const page: z.infer<ReturnType<typeof pageOf<T>>> = await graphRequest(
      args.fetchImpl,
      { url: next, token: args.token },
      pageOf(item),
    );
    yield page.data as z.output<T>[];
    const after = page.paging?.cursors?.after;
    // Graph's `next` is the same request with `after`; built here so the token never travels in an address.
    next = page.paging?.next && after ? withParam(url, "after", after) : null;
  }
}

const withParam = (url: string, name: string, value: string) => {
  const u = new URL(url);
  u.searchParams.set(name, value);
  return u.toString();
};

interface Found {
  at: number;
  id: string;
  source: "c" | "m";
  change: InboundChange;
}

async function newComments(args: InboundArgs, cursor: Cursor): Promise<Found[]> {
  const found: Found[] = [];
  const oldest = cursor.c - POSTS_LOOK_BACK_S;
  const feed = `${args.base}/${args.pageId}/feed?fields=id,created_time,updated_time&limit=25`;
  for await (const posts of pages(args, feed, ZPost)) {
    for (const post of posts) {
      // A post without activity since the watermark has no new comments.
      if (post.updated_time && seconds(post.updated_time) < cursor.c) continue;
      const url =
        `${args.base}/${post.id}/comments?filter=stream&order=chronological&since=${cursor.c}&limit=100` +
        "&fields=id,from{id,name},message,created_time,parent{id},attachment";
      for await (const comments of pages(args, url, ZComment))
        for (const c of comments) {
          const at = seconds(c.created_time);
          if (!c.from || c.from.id === args.pageId) continue; // the page's own answers
          if (at < cursor.c || (at === cursor.c && cursor.cids.includes(c.id))) continue;
          found.push({ at, id: c.id, source: "c", change: commentChange(c, post.id) });
        }
    }
    if (posts.some((p) => seconds(p.created_time) < oldest)) break;
  }
  return found;
}

function commentChange(c: z.infer<typeof ZComment>, postId: string): InboundChange {
  const media = c.attachment?.type === "photo" ? imageOf(c.attachment.media) : [];
  return {
    change: "new",
    message: {
      externalId: c.id,
      // An answer under the page's post (or under a comment there): the webhook parse gives them the same ids.
      kind: "reply",
      authorHandle: c.from?.id ?? "",
      authorName: c.from?.name ?? "",
      text: c.message ?? "",
      language: null,
      threadExternalId: postId,
      inReplyToExternalId: c.parent?.id ?? postId,
      visibility: "visible",
      media,
      receivedAt: new Date(c.created_time),
      raw: c as Record<string, unknown>,
    },
  };
}

function imageOf(media: unknown) {
  const src = z.object({ image: z.object({ src: z.string().max(2000) }) }).safeParse(media);
  return src.success ? [{ kind: "image" as const, url: src.data.image.src, altText: null }] : [];
}

async function newMessages(args: InboundArgs, cursor: Cursor): Promise<Found[]> {
  const found: Found[] = [];
  const list = `${args.base}/${args.pageId}/conversations?platform=messenger&fields=id,updated_time&limit=25`;
  for await (const conversations of pages(args, list, ZConversation)) {
    const active = conversations.filter((c) => seconds(c.updated_time) >= cursor.m);
    for (const conversation of active) {
      const url = `${args.base}/${conversation.id}/messages?fields=id,from,message,created_time&limit=50`;
      // Newest first: reading stops at the watermark.
      for await (const messages of pages(args, url, ZMessage)) {
        for (const m of messages) {
          const at = seconds(m.created_time);
          if (m.from.id === args.pageId || at < cursor.m || (at === cursor.m && cursor.mids.includes(m.id))) continue;
          found.push({ at, id: m.id, source: "m", change: messageChange(m) });
        }
        if (messages.some((m) => seconds(m.created_time) < cursor.m)) break;
      }
    }
    // Conversations come most recently active first.
    if (active.length < conversations.length) break;
  }
  return found;
}

function messageChange(m: z.infer<typeof ZMessage>): InboundChange {
  return {
    change: "new",
    message: {
      externalId: m.id,
      kind: "direct",
      authorHandle: m.from.id,
      authorName: m.from.name ?? "",
      text: m.message ?? "",
      language: null,
      threadExternalId: null,
      inReplyToExternalId: null,
      visibility: "visible",
      media: [],
      receivedAt: new Date(m.created_time),
      raw: m as Record<string, unknown>,
    },
  };
}

function parseCursor(cursor: string | null, now: Date): Cursor {
  const parsed = cursor
    ? ZCursor.safeParse(
        (() => {
          try {
            return JSON.parse(cursor);
          } catch {
            return null;
          }
        })(),
      )
    : null;
  if (parsed?.success) return parsed.data;
  const start = Math.floor(now.getTime() / 1000) - FIRST_LOOK_BACK_S;
  return { c: start, cids: [], m: start, mids: [] };
}

/** Citizens' comments and Messenger messages after the cursor, oldest first. */
export async function fetchFacebookInbound(args: InboundArgs, cursorText: string | null): Promise<InboundPage> {
  const cursor = parseCursor(cursorText, args.now);
  const found = [...(await newComments(args, cursor)), ...(await newMessages(args, cursor))].sort(
    (a, b) => a.at - b.at || a.id.localeCompare(b.id),
  );
  const taken = found.slice(0, args.pageSize);
  const next = { ...cursor };
  for (const item of taken) {
    const [watermark, ids] = item.source === "c" ? (["c", "cids"] as const) : (["m", "mids"] as const);
    if (item.at > next[watermark]) {
      next[watermark] = item.at;
      next[ids] = [];
    }
    next[ids] = [...next[ids], item.id];
  }
  return {
    changes: taken.map((f) => f.change),
    cursor: taken.length > 0 || cursorText === null ? JSON.stringify(next) : cursorText,
    more: found.length > taken.length,
    rateLimit: null,
  };
}
