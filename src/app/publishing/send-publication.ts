// Hands one claimed publication to its channel's connector. A recovering publication first asks the
// channel whether the interrupted attempt got through, so nothing is sent twice. Records nothing:
// the outcome goes to record-outcomes.ts.
import { and, asc, eq } from "drizzle-orm";
import { channelAccounts, mediaAssets, postChannels, postMedia, posts, publications } from "../../db/schema/index.js";
import { ConnectorError, type ConnectorErrorKind, type ConnectorRegistry, type OutgoingMedia, type PublishedItem } from "../../domain/connector.js";
import { connectorAccountOf } from "../channels/channelCredentials.js";
import { recordCredentialsRefused } from "../channels/sync-channel-inbound.js";
import type { AppContext } from "../context.js";
import type { ClaimedPublication } from "./claim-due-publications.js";

export type SendResult =
  | { kind: "published"; item: PublishedItem }
  | { kind: "error"; errorKind: ConnectorErrorKind; message: string; retryAfterMs: number | null };

export async function sendPublication(ctx: AppContext, deps: { connectors: ConnectorRegistry }, claimed: ClaimedPublication): Promise<SendResult> {
  const log = ctx.log.child({ publicationId: claimed.id, postId: claimed.postId, orgId: claimed.orgId });
  let network: string | null = null;
  try {
    const { account, text, media, poll, contentWarning } = await loadWhatToSend(ctx, claimed);
    network = account.network;
    const connector = deps.connectors.get(account.network);
    if (!connector) throw new ConnectorError("permanent", `no connector for network ${account.network}`);
    const target = await connectorAccountOf(ctx.db, ctx, account);
    let item: PublishedItem | null = claimed.recovering ? await connector.findPublished(target, claimed.idempotencyKey) : null;
    if (item) log.info("interrupted attempt had published; recorded without sending again");
    item ??= await connector.publish(target, { idempotencyKey: claimed.idempotencyKey, attempt: claimed.attempts, orgId: claimed.orgId, postId: claimed.postId, text, media, poll, contentWarning });
    return { kind: "published", item };
  } catch (error) {
    if (!(error instanceof ConnectorError)) log.error({ err: error }, "unexpected error while publishing");
    else if (error.kind === "auth_expired" && network !== null && deps.connectors.get(network)?.capabilities.connect !== "none") await recordCredentialsRefused(ctx, { channelAccountId: claimed.channelAccountId, failure: error });
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
    .select({ account: channelAccounts, body: posts.body, override: postChannels.textOverride, poll: posts.poll, contentWarning: posts.contentWarning })
    .from(publications)
    .innerJoin(channelAccounts, eq(channelAccounts.id, publications.channelAccountId))
    .innerJoin(posts, eq(posts.id, publications.postId))
    .leftJoin(postChannels, and(eq(postChannels.postId, publications.postId), eq(postChannels.channelAccountId, publications.channelAccountId)))
    .where(eq(publications.id, claimed.id));
  if (!row) throw new ConnectorError("permanent", "publication, post or account no longer exists");
  const rows = await ctx.db
    .select({ id: mediaAssets.id, kind: mediaAssets.kind, altText: mediaAssets.altText, mimeType: mediaAssets.mimeType, fileName: mediaAssets.fileName })
    .from(postMedia)
    .innerJoin(mediaAssets, eq(mediaAssets.id, postMedia.mediaId))
    .where(eq(postMedia.postId, claimed.postId))
    .orderBy(asc(postMedia.position));
  // The bytes are read only when a connector uploads them (the website and sandbox never do).
  const media: OutgoingMedia[] = rows.map((m) => ({
    kind: m.kind,
    altText: m.altText,
    mimeType: m.mimeType,
    fileName: m.fileName,
    content: async () => {
      const [file] = await ctx.db.select({ content: mediaAssets.content }).from(mediaAssets).where(eq(mediaAssets.id, m.id));
      if (!file) throw new ConnectorError("permanent", `medium ${m.id} no longer exists`);
      return new Uint8Array(file.content);
    },
  }));
  return { account: row.account, text: row.override ?? row.body, media, poll: row.poll, contentWarning: row.contentWarning || null };
}
