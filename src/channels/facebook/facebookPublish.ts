// Publishing on a Facebook page through the Graph API: text (POST /{page-id}/feed with `message`), a link (the first
// address in a text without images goes as `link`, so Facebook shows its preview), and photos with their alt
// text — each uploaded unpublished (POST /{page-id}/photos, the file as multipart `source`, `published=false`,
// `alt_text_custom`), then attached to one post (`attached_media`). A scheduled post is published by draht's own
// scheduler when it is due, so "now" at the due time is all that is asked of Facebook (no scheduled_publish_time).
// Graph keeps no idempotency key: recovery reads draht's journal, then the page's published posts (same text, not
// older than the first attempt).
import { z } from "zod";
import { ConnectorError, type OutgoingPost, type PublishedItem, type PublishedLookup } from "../../domain/connector.js";
import type { FetchFunction } from "../../net/guardedFetch.js";
import { graphRequest } from "../meta/graphApi.js";

const ZCreated = z.object({ id: z.string().min(1).max(200) });
const ZPublishedPosts = z.object({
  data: z.array(z.object({ id: z.string(), message: z.string().optional(), created_time: z.string() })),
  paging: z
    .object({ cursors: z.object({ after: z.string().optional() }).optional(), next: z.string().optional() })
    .optional(),
});

export interface PageCall {
  fetchImpl: FetchFunction;
  base: string;
  token: string;
  pageId: string;
}

/** Where a page's post is seen on Facebook ("{page-id}_{post-id}" is its Graph id). */
export const postUrl = (id: string) => `https://www.facebook.com/${id}`;

const firstLink = (text: string) => /https?:\/\/[^\s<>"]+/u.exec(text)?.[0]?.replace(/[.,;:!?)]+$/u, "") ?? null;

async function uploadPhoto(call: PageCall, medium: OutgoingPost["media"][number]): Promise<string> {
  if (medium.kind !== "image" || !medium.content)
    throw new ConnectorError("permanent", "draht publishes only images on Facebook pages");
  const form = new FormData();
  const bytes = await medium.content();
  form.set(
    "source",
    new Blob([new Uint8Array(bytes)], { type: medium.mimeType ?? "image/jpeg" }),
    medium.fileName ?? "bild",
  );
  form.set("published", "false");
  if (medium.altText) form.set("alt_text_custom", medium.altText);
  const photo = await graphRequest(
    call.fetchImpl,
    { method: "POST", url: `${call.base}/${call.pageId}/photos`, token: call.token, form, timeoutMs: 120_000 },
    ZCreated,
  );
  return photo.id;
}

export async function publishToPage(call: PageCall, post: OutgoingPost): Promise<PublishedItem> {
  if (post.poll) throw new ConnectorError("permanent", "Facebook pages have no polls draht could publish");
  const photos: string[] = [];
  for (const medium of post.media) photos.push(await uploadPhoto(call, medium));
  const link = photos.length === 0 ? firstLink(post.text) : null;
  const created = await graphRequest(
    call.fetchImpl,
    {
      method: "POST",
      url: `${call.base}/${call.pageId}/feed`,
      token: call.token,
      json: {
        message: post.text,
        ...(link ? { link } : {}),
        ...(photos.length > 0 ? { attached_media: photos.map((id) => ({ media_fbid: id })) } : {}),
      },
    },
    ZCreated,
  );
  return { externalId: created.id, url: postUrl(created.id) };
}

/** The page's published post with this text, not older than the attempt (the journal had nothing). */
export async function findPagePost(call: PageCall, lookup: PublishedLookup): Promise<PublishedItem | null> {
  if (!lookup.since) return null;
  const since = Math.floor(lookup.since.getTime() / 1000);
  const url = new URL(`${call.base}/${call.pageId}/published_posts`);
  url.searchParams.set("fields", "id,message,created_time");
  url.searchParams.set("since", String(since));
  url.searchParams.set("limit", "25");
  for (let n = 0; n < 4; n++) {
    const page = await graphRequest(call.fetchImpl, { url: url.toString(), token: call.token }, ZPublishedPosts);
    const match = page.data.find(
      (p) => p.message === lookup.text && new Date(p.created_time).getTime() / 1000 >= since,
    );
    if (match) return { externalId: match.id, url: postUrl(match.id) };
    const after = page.paging?.cursors?.after;
    if (!page.paging?.next || !after) return null;
    url.searchParams.set("after", after);
  }
  return null;
}
