// The media website entries were published with, as citizens get them: kind, size and the text that
// describes them (an image's alternative text, a video's description), never the library's internal notes.
import { asc, eq, inArray, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.js";
import { mediaAssets, websiteEntryMedia } from "../../db/schema/index.js";

export interface PublicMedium {
  id: string;
  kind: "image" | "video";
  mimeType: string;
  width: number | null;
  height: number | null;
  /** An image's alternative text, a video's description. */
  altText: string | null;
  /** A smaller WebP version exists (images), for responsive loading. */
  hasThumbnail: boolean;
}

/** The media of each entry, in their published order. */
export async function mediaOfEntries(db: Db | Tx, entryIds: readonly string[]): Promise<Map<string, PublicMedium[]>> {
  const byEntry = new Map<string, PublicMedium[]>();
  if (entryIds.length === 0) return byEntry;
  const rows = await db
    .select({
      entryId: websiteEntryMedia.entryId,
      id: mediaAssets.id,
      kind: mediaAssets.kind,
      mimeType: mediaAssets.mimeType,
      width: mediaAssets.width,
      height: mediaAssets.height,
      altText: mediaAssets.altText,
      hasThumbnail: sql<boolean>`${mediaAssets.thumbnail} is not null`,
    })
    .from(websiteEntryMedia)
    .innerJoin(mediaAssets, eq(mediaAssets.id, websiteEntryMedia.mediaId))
    .where(inArray(websiteEntryMedia.entryId, [...entryIds]))
    .orderBy(asc(websiteEntryMedia.entryId), asc(websiteEntryMedia.position));
  for (const { entryId, hasThumbnail, ...medium } of rows)
    byEntry.set(entryId, [
      ...(byEntry.get(entryId) ?? []),
      // The thumbnail is a still: an animated GIF keeps its original.
      { ...medium, hasThumbnail: hasThumbnail && medium.mimeType !== "image/gif" },
    ]);
  return byEntry;
}
