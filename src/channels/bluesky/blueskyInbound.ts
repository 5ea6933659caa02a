// Bluesky notifications (replies, mentions, quotes) as draht's inbound messages, and the sync cursor:
// listNotifications pages backwards (newest first), so the cursor draht keeps is a watermark — the
// newest indexedAt seen and the notification URIs at exactly that time — and a sync walks back from
// the newest until it reaches the watermark.
import type { Agent } from "@atproto/api";
import { z } from "zod";
import type { InboundChange } from "../../domain/connector.js";

export const ZWatermark = z.object({ indexedAt: z.string(), uris: z.array(z.string()) });
export type TWatermark = z.infer<typeof ZWatermark>;

export interface BlueskyNotification {
  uri: string;
  cid: string;
  reason: string;
  indexedAt: string;
  author: { did: string; handle: string; displayName?: string };
  record: unknown;
}

const ZPostRecord = z.object({
  text: z.string().default(""),
  createdAt: z.string(),
  langs: z.array(z.string()).optional(),
  reply: z.object({ root: z.object({ uri: z.string() }), parent: z.object({ uri: z.string() }) }).optional(),
  embed: z.unknown().optional(),
});

export function parseWatermark(cursor: string | null): TWatermark | null {
  if (!cursor) return null;
  const parsed = ZWatermark.safeParse(JSON.parse(cursor));
  return parsed.success ? parsed.data : null;
}

/** Newer than the watermark: a later indexedAt, or the same one with a URI not seen yet. */
export function isNewer(notification: BlueskyNotification, watermark: TWatermark | null): boolean {
  if (!watermark) return true;
  if (notification.indexedAt > watermark.indexedAt) return true;
  return notification.indexedAt === watermark.indexedAt && !watermark.uris.includes(notification.uri);
}

export function advanceWatermark(
  watermark: TWatermark | null,
  seen: readonly BlueskyNotification[],
): TWatermark | null {
  let next = watermark;
  for (const n of seen) {
    if (!next || n.indexedAt > next.indexedAt) next = { indexedAt: n.indexedAt, uris: [n.uri] };
    else if (n.indexedAt === next.indexedAt && !next.uris.includes(n.uri))
      next = { ...next, uris: [...next.uris, n.uri] };
  }
  return next;
}

const KIND = { reply: "reply", mention: "mention", quote: "mention" } as const;

/** A reply, mention or quote as an inbound message; other reasons (likes, follows, reposts) are not messages. */
export function inboundChangeOf(n: BlueskyNotification): InboundChange | null {
  const kind = KIND[n.reason as keyof typeof KIND];
  if (!kind) return null;
  const record = ZPostRecord.safeParse(n.record);
  if (!record.success) return null;
  const reply = record.data.reply;
  return {
    change: "new",
    message: {
      externalId: n.uri,
      kind,
      authorHandle: `@${n.author.handle}`,
      authorName: n.author.displayName || n.author.handle,
      text: record.data.text,
      language: record.data.langs?.[0] ?? null,
      threadExternalId: reply?.root.uri ?? n.uri,
      inReplyToExternalId: reply?.parent.uri ?? null,
      visibility: "visible",
      media: [],
      receivedAt: new Date(record.data.createdAt),
      raw: {
        network: "bluesky",
        reason: n.reason,
        uri: n.uri,
        cid: n.cid,
        authorDid: n.author.did,
        indexedAt: n.indexedAt,
        profileUrl: `https://bsky.app/profile/${n.author.handle}`,
        // Where people open it (the at:// URI is for machines).
        url: `https://bsky.app/profile/${n.author.handle}/post/${n.uri.split("/").pop() ?? ""}`,
      },
    },
  };
}

const PAGE = 50;
/** Notifications page backwards only; a sync reads back to its watermark, at most this many pages (5,000 items). */
const MAX_PAGES = 100;

/** The notifications after the watermark (a first sync: the newest page), newest first as the AppView gives them. */
export async function notificationsSince(agent: Agent, watermark: TWatermark | null): Promise<BlueskyNotification[]> {
  const fresh: BlueskyNotification[] = [];
  let page: string | undefined;
  for (let pages = 0; pages < MAX_PAGES; pages++) {
    const result = await agent.app.bsky.notification.listNotifications({ limit: PAGE, cursor: page });
    const notifications = result.data.notifications as BlueskyNotification[];
    const newer = notifications.filter((n) => isNewer(n, watermark));
    fresh.push(...newer);
    page = result.data.cursor;
    // Reached what we had (a first sync reads only the newest page): stop.
    if (!watermark || newer.length < notifications.length || !page || notifications.length === 0) break;
  }
  return fresh;
}
