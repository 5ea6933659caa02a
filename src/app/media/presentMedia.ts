// A media asset as the API shows it: everything but the bytes.
import type { mediaAssets } from "../../db/schema/index.js";

type MediaRow = typeof mediaAssets.$inferSelect;

export function presentMedia(
  asset: Omit<MediaRow, "content" | "thumbnail"> & Partial<Pick<MediaRow, "content" | "thumbnail">>,
) {
  const { content: _content, thumbnail: _thumbnail, ...rest } = asset;
  return {
    ...rest,
    needsAltText: rest.kind === "image" && !rest.altText?.trim(),
    needsCaptions: rest.kind === "video" && !rest.hasCaptions,
  };
}
