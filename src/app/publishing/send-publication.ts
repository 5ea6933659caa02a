// Hands one claimed publication to its channel's connector — a thread post after post, each answering
// the one before. After an earlier attempt each post is first looked for on the channel, so nothing is
// sent twice and a thread broken off in the middle goes on where it stopped. Records nothing:
// the outcome goes to record-outcomes.ts.
import { and, asc, eq } from "drizzle-orm";
import { channelAccounts, mediaAssets, postChannels, postMedia, posts, publications } from "../../db/schema/index.js";
import {
  ConnectorError,
  type ConnectorErrorKind,
  type ConnectorRegistry,
  type PublishedItem,
} from "../../domain/connector.js";
import { connectorAccountOf } from "../channels/channelCredentials.js";
import { OUTGOING_MEDIA_COLUMNS, outgoingMediaOf } from "../media/outgoingMedia.js";
import { recordCredentialsRefused } from "../channels/channelHealth.js";
import { type EmulatedNetwork, type Network, profileOf } from "../../domain/networks.js";
import type { AppContext } from "../context.js";
import type { ClaimedPublication } from "./claim-due-publications.js";

export type SendResult =
  | { kind: "published"; item: PublishedItem; parts: string[] }
  | { kind: "error"; errorKind: ConnectorErrorKind; message: string; retryAfterMs: number | null };

export async function sendPublication(
  ctx: AppContext,
  deps: { connectors: ConnectorRegistry },
  claimed: ClaimedPublication,
): Promise<SendResult> {
  const log = ctx.log.child({ publicationId: claimed.id, postId: claimed.postId, orgId: claimed.orgId });
  let network: string | null = null;
  try {
    const { account, texts: parts, media, poll, contentWarning, replyPolicy } = await loadWhatToSend(ctx, claimed);
    network = account.network;
    const connector = deps.connectors.get(account.network);
    if (!connector) throw new ConnectorError("permanent", `no connector for network ${account.network}`);
    const target = await connectorAccountOf(ctx.db, ctx, account);
    // A thread goes out as posts answering each other where the network has threads, else as one text.
    const threaded =
      parts.length > 1 &&
      connector.capabilities.publish.threads &&
      profileOf(account.network as Network, account.emulates as EmulatedNetwork | null, account.settings)
        .supportsThreads;
    const texts = threaded ? parts : [parts.join("\n\n")];
    // After an earlier attempt (a retry, or a recovery after a crash), each post is first looked for on the
    // network: a thread that broke off in the middle goes on where it stopped, nothing is sent twice.
    const lookFirst = claimed.recovering || claimed.attempts > 1;
    let item: PublishedItem | null = null;
    /** Each post of a thread answers the one before. */
    let inReplyToExternalId: string | null = null;
    const later: string[] = [];
    for (const [index, text] of texts.entries()) {
      const idempotencyKey = index === 0 ? claimed.idempotencyKey : `${claimed.idempotencyKey}#${index + 1}`;
      let part: PublishedItem | null = lookFirst
        ? await connector.findPublished(target, {
            idempotencyKey,
            text,
            contentWarning,
            inReplyToExternalId,
            since: claimed.handedOverAt,
          })
        : null;
      if (part) log.info({ part: index + 1 }, "an earlier attempt had published this; recorded without sending again");
      part ??= await connector.publish(target, {
        idempotencyKey,
        attempt: claimed.attempts,
        orgId: claimed.orgId,
        postId: claimed.postId,
        text,
        media: index === 0 ? media : [],
        poll: index === 0 ? poll : null,
        contentWarning,
        inReplyToExternalId,
        ...(index === 0 && replyPolicy !== "everyone" ? { replyPolicy } : {}),
      });
      if (item) later.push(part.externalId);
      item ??= part;
      inReplyToExternalId = part.externalId;
    }
    if (!item) throw new ConnectorError("permanent", "nothing to publish");
    return { kind: "published", item, parts: later };
  } catch (error) {
    if (!(error instanceof ConnectorError)) log.error({ err: error }, "unexpected error while publishing");
    else if (
      error.kind === "auth_expired" &&
      network !== null &&
      (deps.connectors.get(network)?.capabilities.connect.length ?? 0) > 0
    )
      await recordCredentialsRefused(ctx, { channelAccountId: claimed.channelAccountId, failure: error });
    return {
      kind: "error",
      errorKind: error instanceof ConnectorError ? error.kind : "transient",
      message: error instanceof Error ? error.message : String(error),
      retryAfterMs: error instanceof ConnectorError ? error.retryAfterMs : null,
    };
  }
}

async function loadWhatToSend(ctx: AppContext, claimed: ClaimedPublication) {
  const [row] = await ctx.db
    .select({
      account: channelAccounts,
      body: posts.body,
      threadParts: posts.threadParts,
      override: postChannels.textOverride,
      poll: posts.poll,
      contentWarning: posts.contentWarning,
      replyPolicy: posts.replyPolicy,
    })
    .from(publications)
    .innerJoin(channelAccounts, eq(channelAccounts.id, publications.channelAccountId))
    .innerJoin(posts, eq(posts.id, publications.postId))
    .leftJoin(
      postChannels,
      and(
        eq(postChannels.postId, publications.postId),
        eq(postChannels.channelAccountId, publications.channelAccountId),
      ),
    )
    .where(eq(publications.id, claimed.id));
  if (!row) throw new ConnectorError("permanent", "publication, post or account no longer exists");
  const rows = await ctx.db
    .select(OUTGOING_MEDIA_COLUMNS)
    .from(postMedia)
    .innerJoin(mediaAssets, eq(mediaAssets.id, postMedia.mediaId))
    .where(eq(postMedia.postId, claimed.postId))
    .orderBy(asc(postMedia.position));
  const media = outgoingMediaOf(ctx, rows);
  // A channel's own text stands in for the first post of a thread; the posts after it are shared.
  return {
    account: row.account,
    texts: [row.override ?? row.body, ...row.threadParts],
    media,
    poll: row.poll,
    contentWarning: row.contentWarning || null,
    replyPolicy: row.replyPolicy,
  };
}
