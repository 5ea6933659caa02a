// Finding a status an interrupted attempt may have posted. Mastodon answers a repeated Idempotency-Key
// with the status it made, but only for about an hour; a publication recovered later (a worker that was
// down, a retry after a long outage) must look for its status itself, or it posts twice. Mastodon keeps no
// field of ours with a status, so the post is recognised among the account's own newest statuses by what
// it is: the same text (as Mastodon renders it back), the same content warning, the same parent, not
// older than the first attempt.
import { z } from "zod";
import type { PublishedItem, PublishedLookup } from "../../domain/connector.js";
import type { NetworkResponse } from "../http/networkHttp.js";
import { ZMastodonStatus, type TMastodonStatus } from "./mastodonSchemas.js";
import { htmlToText } from "./mastodonText.js";

const PAGE = 40;
/** How far back to look when the attempt's time is known (40 statuses a page). */
const MAX_PAGES = 5;
/** The instance's clock may differ from draht's. */
const CLOCK_SKEW_MS = 10 * 60_000;

/**
 * Text as compared: Unicode-normalised, whitespace collapsed, and mentions without their instance
 * (Mastodon renders "@name@instance" as "@name").
 */
export function comparableText(text: string): string {
  return text
    .normalize("NFC")
    .replace(/@([\w.-]+)@[\w.-]+\.[a-z]{2,}/gi, "@$1")
    .replace(/\s+/g, " ")
    .trim();
}

function isThePost(status: TMastodonStatus, lookup: PublishedLookup): boolean {
  return (
    status.in_reply_to_id === (lookup.inReplyToExternalId ?? null) &&
    status.spoiler_text === (lookup.contentWarning ?? "") &&
    comparableText(htmlToText(status.content)) === comparableText(lookup.text)
  );
}

type Get = <S extends z.ZodType>(path: string, schema: S) => Promise<NetworkResponse<z.output<S>>>;

export async function findOwnStatus(
  get: Get,
  ownAccountId: string,
  lookup: PublishedLookup,
): Promise<PublishedItem | null> {
  const notBefore = lookup.since ? lookup.since.getTime() - CLOCK_SKEW_MS : null;
  let maxId: string | null = null;
  // Without the attempt's time, the newest page only.
  for (let page = 0; page < (notBefore === null ? 1 : MAX_PAGES); page++) {
    const query = new URLSearchParams({ limit: String(PAGE) });
    if (maxId) query.set("max_id", maxId);
    const statuses = await get(
      `/api/v1/accounts/${encodeURIComponent(ownAccountId)}/statuses?${query.toString()}`,
      z.array(ZMastodonStatus),
    );
    for (const status of statuses.body) {
      if (notBefore !== null && Date.parse(status.created_at) < notBefore) return null;
      if (isThePost(status, lookup)) return { externalId: status.id, url: status.url ?? status.uri };
    }
    const oldest = statuses.body.at(-1);
    if (!oldest || statuses.body.length < PAGE) return null;
    maxId = oldest.id;
  }
  return null;
}
