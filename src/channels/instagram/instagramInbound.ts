// Citizens' comments on the account's media, polled: the recent media (GET /{ig-user-id}/media), then each medium's
// comments with their replies (GET /{media-id}/comments, following Graph's cursor paging). The cursor is a
// watermark — the time of the newest comment handed over and the ids handed over at that second (Instagram's times
// are whole seconds) — so nothing is handed over twice and nothing that arrives later, even in the same second, is
// skipped. Comments on media older than the recent ones are reached by the webhook only.
import { z } from "zod";
import type { ConnectorAccount, InboundChange, InboundPage } from "../../domain/connector.js";
import type { FetchFunction } from "../../net/guardedFetch.js";
import { graphRequest } from "../meta/graphApi.js";
import { type InstagramComment, commentChange, graphTime, instagramAccountOf } from "./instagramAccount.js";

/** How many of the newest media are read for comments, and how many pages of comments per medium at most. */
const RECENT_MEDIA = 25;
const COMMENT_PAGES = 10;

const ZWatermark = z.object({ t: z.number().int(), ids: z.array(z.string()).max(1000) });
type Watermark = z.infer<typeof ZWatermark>;

const ZFrom = z.object({ id: z.string(), username: z.string().optional() }).optional();
const ZCommentFields = z.object({
  id: z.string().min(1),
  text: z.string().default(""),
  timestamp: z.string(),
  username: z.string().default(""),
  from: ZFrom,
  parent_id: z.string().optional(),
});
const ZComment = ZCommentFields.extend({ replies: z.object({ data: z.array(ZCommentFields) }).optional() });
const ZComments = z.object({
  data: z.array(ZComment),
  paging: z.object({ next: z.string().optional() }).optional(),
});
const ZMediaList = z.object({ data: z.array(z.object({ id: z.string() })) });

const FIELDS = "id,text,timestamp,username,from,parent_id";

export async function fetchInstagramInbound(
  fetchImpl: FetchFunction,
  account: ConnectorAccount,
  cursor: string | null,
  pageSize: number,
): Promise<InboundPage> {
  const ig = instagramAccountOf(account);
  const mark = readWatermark(cursor);
  const media = await graphRequest(
    fetchImpl,
    { url: `${ig.base}/${ig.settings.igUserId}/media?fields=id&limit=${RECENT_MEDIA}`, token: ig.token },
    ZMediaList,
  );
  const comments: InstagramComment[] = [];
  for (const medium of media.data) {
    let url: string | undefined = `${ig.base}/${medium.id}/comments?fields=${FIELDS},replies{${FIELDS}}&limit=50`;
    for (let page = 0; url && page < COMMENT_PAGES; page++) {
      const answer: z.infer<typeof ZComments> = await graphRequest(fetchImpl, { url, token: ig.token }, ZComments);
      for (const c of answer.data) {
        comments.push(commentOf(c, medium.id, null));
        for (const r of c.replies?.data ?? []) comments.push(commentOf(r, medium.id, c.id));
      }
      // Graph's next page is an absolute address on its own host: only followed there (the address rule holds too).
      url =
        answer.paging?.next && new URL(answer.paging.next).origin === new URL(ig.base).origin
          ? answer.paging.next
          : undefined;
    }
  }
  const after = comments
    .filter((c) => isAfter(c, mark))
    .sort((a, b) => a.at.getTime() - b.at.getTime() || a.id.localeCompare(b.id));
  const taken = after.slice(0, pageSize);
  const changes: InboundChange[] = taken.flatMap((c) => commentChange(c, ig.settings));
  return {
    changes,
    cursor: taken.length === 0 ? cursor : JSON.stringify(advance(mark, taken)),
    more: after.length > taken.length,
    rateLimit: null,
  };
}

function commentOf(c: z.infer<typeof ZCommentFields>, mediaId: string, parentId: string | null): InstagramComment {
  return {
    id: c.id,
    text: c.text,
    authorId: c.from?.id ?? null,
    username: c.username || c.from?.username || "",
    mediaId,
    parentId: c.parent_id ?? parentId,
    at: graphTime(c.timestamp),
  };
}

function readWatermark(cursor: string | null): Watermark | null {
  if (cursor === null) return null;
  try {
    const parsed = ZWatermark.safeParse(JSON.parse(cursor));
    if (parsed.success) return parsed.data;
  } catch {
    // An unreadable cursor is read again from the start: the inbox drops what it already has by id.
  }
  return null;
}

const seconds = (c: InstagramComment) => Math.floor(c.at.getTime() / 1000);

function isAfter(c: InstagramComment, mark: Watermark | null): boolean {
  if (!mark) return true;
  return seconds(c) > mark.t || (seconds(c) === mark.t && !mark.ids.includes(c.id));
}

function advance(mark: Watermark | null, taken: InstagramComment[]): Watermark {
  const last = taken[taken.length - 1] as InstagramComment;
  const t = seconds(last);
  const atT = taken.filter((c) => seconds(c) === t).map((c) => c.id);
  return { t, ids: mark && mark.t === t ? [...mark.ids, ...atT] : atT };
}
