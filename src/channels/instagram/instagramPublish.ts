// Publishing on Instagram, in Meta's two steps: a container per image (POST /{ig-user-id}/media with image_url — a
// signed draht address Instagram fetches — and alt_text), for several images one carousel container over them
// (media_type=CAROUSEL, children), waiting until the container's status_code is FINISHED, then POST
// /{ig-user-id}/media_publish with creation_id. Instagram keeps no idempotency key, so each step is written to draht's
// send journal the moment Meta answers: a repeated attempt reuses the containers it finds there, and a published
// medium ends it. findPublished reads the journal, then the account's recent media by caption (a process that died
// between Meta's answer and the journal's insert).
import { z } from "zod";
import type { SendJournal } from "../../db/queries/networkSends.js";
import {
  type ConnectorAccount,
  ConnectorError,
  type OutgoingMedia,
  type OutgoingPost,
  type PublishedItem,
  type PublishedLookup,
} from "../../domain/connector.js";
import type { FetchFunction } from "../../net/guardedFetch.js";
import { graphRequest } from "../meta/graphApi.js";
import { type InstagramAccount, graphTime, instagramAccountOf } from "./instagramAccount.js";

/** What draht records when a post has no image (shown to the person who published). */
export const NEEDS_IMAGE_REFUSAL =
  "Nicht veröffentlicht: Instagram veröffentlicht nur Beiträge mit mindestens einem Bild. Bitte fügen Sie ein Bild hinzu.";
const VIDEO_REFUSAL =
  "Nicht veröffentlicht: Videos veröffentlicht draht auf Instagram noch nicht (nur Bilder und Karussells aus Bildern).";
const NO_ADDRESS = "the medium has no public address for Instagram to fetch it from";

/** How long Instagram may take to fetch an image: the address holds an hour, however long the attempt waits. */
const ADDRESS_TTL_MS = 3_600_000;

export interface PublishDeps {
  fetchImpl: FetchFunction;
  journal: SendJournal;
  /** Waits between status checks of a container (tests: no wait). */
  sleep: (ms: number) => Promise<void>;
  /** Status checks before an unfinished container is left for the next attempt (transient). */
  statusChecks: number;
}

const ZId = z.object({ id: z.string().min(1) });
const ZStatus = z.object({ status_code: z.string(), id: z.string().optional() });
const ZPermalink = z.object({ id: z.string(), permalink: z.string().optional() });
const ZOwnMedia = z.object({
  data: z.array(
    z.object({
      id: z.string(),
      caption: z.string().optional(),
      timestamp: z.string(),
      permalink: z.string().optional(),
    }),
  ),
});

export async function publishOnInstagram(
  deps: PublishDeps,
  account: ConnectorAccount,
  post: OutgoingPost,
): Promise<PublishedItem> {
  if (post.media.length === 0) throw new ConnectorError("permanent", NEEDS_IMAGE_REFUSAL);
  if (post.media.some((m) => m.kind !== "image")) throw new ConnectorError("permanent", VIDEO_REFUSAL);
  const known = await deps.journal.find({ accountId: account.id, idempotencyKey: post.idempotencyKey });
  if (known) return known;
  const ig = instagramAccountOf(account);
  const step = (name: string) => `${post.idempotencyKey}#${name}`;
  const container = await journalled(deps, account, step("container"), async () => {
    if (post.media.length === 1) {
      const [only] = post.media as [OutgoingMedia];
      return createContainer(deps, ig, { ...imageFields(only), caption: post.text });
    }
    const children: string[] = [];
    for (const [index, medium] of post.media.entries())
      children.push(
        await journalled(deps, account, step(`item-${index + 1}`), () =>
          createContainer(deps, ig, { ...imageFields(medium), is_carousel_item: true }),
        ),
      );
    for (const child of children) await untilFinished(deps, ig, child);
    return createContainer(deps, ig, { media_type: "CAROUSEL", children: children.join(","), caption: post.text });
  });
  const status = await untilFinished(deps, ig, container);
  if (status === "PUBLISHED") {
    // An earlier attempt published this container and died before the journal heard of it.
    const found = await findOnInstagram(deps, account, { ...post, since: null });
    if (found) return found;
    throw new ConnectorError("permanent", "the container was published, but its medium cannot be found");
  }
  const published = await graphRequest(
    deps.fetchImpl,
    {
      method: "POST",
      url: `${ig.base}/${ig.settings.igUserId}/media_publish`,
      token: ig.token,
      json: { creation_id: container },
    },
    ZId,
  );
  const item = { externalId: published.id, url: await permalinkOf(deps, ig, published.id) };
  await deps.journal.record({ accountId: account.id, idempotencyKey: post.idempotencyKey, ...item });
  return item;
}

function imageFields(medium: OutgoingMedia): Record<string, string> {
  const url = medium.publicUrl?.(ADDRESS_TTL_MS);
  if (!url) throw new ConnectorError("permanent", NO_ADDRESS);
  return { image_url: url, ...(medium.altText ? { alt_text: medium.altText } : {}) };
}

/** A step's result from the journal, else the step done and recorded at once. */
async function journalled(
  deps: PublishDeps,
  account: ConnectorAccount,
  idempotencyKey: string,
  make: () => Promise<string>,
): Promise<string> {
  const known = await deps.journal.find({ accountId: account.id, idempotencyKey });
  if (known) return known.externalId;
  const id = await make();
  await deps.journal.record({ accountId: account.id, idempotencyKey, externalId: id, url: null });
  return id;
}

async function createContainer(deps: PublishDeps, ig: InstagramAccount, fields: Record<string, unknown>) {
  const made = await graphRequest(
    deps.fetchImpl,
    { method: "POST", url: `${ig.base}/${ig.settings.igUserId}/media`, token: ig.token, json: fields },
    ZId,
  );
  return made.id;
}

/** Waits for a container: FINISHED or PUBLISHED is answered, ERROR or EXPIRED refused, IN_PROGRESS left for later. */
async function untilFinished(deps: PublishDeps, ig: InstagramAccount, container: string): Promise<string> {
  for (let check = 1; ; check++) {
    const { status_code: status } = await graphRequest(
      deps.fetchImpl,
      { url: `${ig.base}/${container}?fields=status_code`, token: ig.token },
      ZStatus,
    );
    if (status === "FINISHED" || status === "PUBLISHED") return status;
    if (status === "ERROR" || status === "EXPIRED")
      throw new ConnectorError("permanent", `Instagram could not prepare the image (container ${status})`);
    if (check >= deps.statusChecks)
      throw new ConnectorError("transient", "Instagram is still preparing the image", { retryAfterMs: 30_000 });
    await deps.sleep(1000 * check);
  }
}

async function permalinkOf(deps: PublishDeps, ig: InstagramAccount, mediaId: string): Promise<string | null> {
  try {
    const answer = await graphRequest(
      deps.fetchImpl,
      { url: `${ig.base}/${mediaId}?fields=id,permalink`, token: ig.token },
      ZPermalink,
    );
    return answer.permalink ?? null;
  } catch {
    // Published is published: the link is a convenience, its failure no reason to publish again.
    return null;
  }
}

export async function findOnInstagram(
  deps: PublishDeps,
  account: ConnectorAccount,
  lookup: PublishedLookup,
): Promise<PublishedItem | null> {
  const known = await deps.journal.find({ accountId: account.id, idempotencyKey: lookup.idempotencyKey });
  if (known) return known;
  const ig = instagramAccountOf(account);
  const own = await graphRequest(
    deps.fetchImpl,
    {
      url: `${ig.base}/${ig.settings.igUserId}/media?fields=id,caption,timestamp,permalink&limit=25`,
      token: ig.token,
    },
    ZOwnMedia,
  );
  // Instagram's times are whole seconds: the attempt's own second counts as "not older".
  const since = lookup.since ? Math.floor(lookup.since.getTime() / 1000) * 1000 : null;
  const match = own.data.find(
    (m) => (m.caption ?? "") === lookup.text && (since === null || graphTime(m.timestamp).getTime() >= since),
  );
  return match ? { externalId: match.id, url: match.permalink ?? null } : null;
}
