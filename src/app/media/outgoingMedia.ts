// Files of the media library as a connector receives them (a post's images, an answer's attachments): described at
// once, their bytes read only when a connector uploads them (the website and sandbox never do), and a signed public
// address for networks that fetch the file themselves.
import { asc, eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { conversationReplyMedia, mediaAssets } from "../../db/schema/index.js";
import { ConnectorError, type OutgoingMedia } from "../../domain/connector.js";
import type { AppContext } from "../context.js";
import { signedMediaUrl } from "./get-signed-medium.js";

export interface OutgoingMediaRow {
  id: string;
  kind: "image" | "video";
  altText: string | null;
  mimeType: string;
  fileName: string;
}

/** The library columns a connector is told about (never the bytes). */
export const OUTGOING_MEDIA_COLUMNS = {
  id: mediaAssets.id,
  kind: mediaAssets.kind,
  altText: mediaAssets.altText,
  mimeType: mediaAssets.mimeType,
  fileName: mediaAssets.fileName,
};

export function outgoingMediaOf(ctx: AppContext, rows: readonly OutgoingMediaRow[]): OutgoingMedia[] {
  return rows.map((m) => ({
    id: m.id,
    kind: m.kind,
    altText: m.altText,
    mimeType: m.mimeType,
    fileName: m.fileName,
    content: async () => {
      const [file] = await ctx.db
        .select({ content: mediaAssets.content })
        .from(mediaAssets)
        .where(eq(mediaAssets.id, m.id));
      if (!file) throw new ConnectorError("permanent", `medium ${m.id} no longer exists`);
      return new Uint8Array(file.content);
    },
    publicUrl: (ttlMs) => signedMediaUrl(ctx, { mediaId: m.id, ttlMs }),
  }));
}

/** The files an answer from the inbox carries, in order. */
export async function replyMediaRows(db: Db, replyId: string): Promise<OutgoingMediaRow[]> {
  return db
    .select(OUTGOING_MEDIA_COLUMNS)
    .from(conversationReplyMedia)
    .innerJoin(mediaAssets, eq(mediaAssets.id, conversationReplyMedia.mediaId))
    .where(eq(conversationReplyMedia.replyId, replyId))
    .orderBy(asc(conversationReplyMedia.position));
}
