// A medium's file for the public pages and the widget: only while the organisation's website shows it,
// i.e. a website entry of this organisation that is not taken down was published with it. Library items
// that were never published, other organisations' media and those of removed posts are NOT_FOUND.
import { and, eq, isNull } from "drizzle-orm";
import { mediaAssets, websiteEntries, websiteEntryMedia } from "../../db/schema/index.js";
import { AppError } from "../../domain/errors.js";
import type { AppContext } from "../context.js";
import { findPublicOrg } from "./publicOrg.js";

export async function getPublicMedium(
  ctx: AppContext,
  options: { orgKey: string; mediaId: string; variant: "content" | "thumbnail" },
): Promise<{ bytes: Buffer; mimeType: string; sha256: string }> {
  const org = await findPublicOrg(ctx.db, options.orgKey);
  const [row] = await ctx.db
    .select({
      bytes: options.variant === "content" ? mediaAssets.content : mediaAssets.thumbnail,
      mimeType: mediaAssets.mimeType,
      sha256: mediaAssets.sha256,
    })
    .from(mediaAssets)
    .innerJoin(websiteEntryMedia, eq(websiteEntryMedia.mediaId, mediaAssets.id))
    .innerJoin(websiteEntries, eq(websiteEntries.id, websiteEntryMedia.entryId))
    .where(
      and(
        eq(mediaAssets.id, options.mediaId),
        eq(mediaAssets.orgId, org.id),
        eq(websiteEntries.orgId, org.id),
        isNull(websiteEntries.removedAt),
      ),
    )
    .limit(1);
  if (!row?.bytes) throw new AppError("NOT_FOUND");
  return options.variant === "content"
    ? { bytes: row.bytes, mimeType: row.mimeType, sha256: row.sha256 }
    : { bytes: row.bytes, mimeType: "image/webp", sha256: `${row.sha256}-thumbnail` };
}
