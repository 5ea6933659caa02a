// The media of a website post on the server-rendered pages: responsive images (thumbnail and original,
// their size against layout shift, the alternative text, loaded lazily) and videos with controls and their
// description. Every file comes from draht's own origin (CSP img-src/media-src 'self').
import { THUMBNAIL_WIDTH } from "../../app/media/inspect-media.js";
import type { PublicMedium } from "../../app/website/entryMedia.js";
import { escapeHtml } from "./html.js";

/** The path of a published medium's file (served by publicApi.ts). */
export function publicMediumPath(orgSlug: string, mediaId: string, variant: "content" | "thumbnail"): string {
  return `/api/public/orgs/${encodeURIComponent(orgSlug)}/media/${encodeURIComponent(mediaId)}/${variant}`;
}

// The column of the public pages is 46rem wide with 1rem padding on each side.
const SIZES = "(min-width: 46rem) 44rem, calc(100vw - 2rem)";

function mediumHtml(orgSlug: string, medium: PublicMedium): string {
  const content = publicMediumPath(orgSlug, medium.id, "content");
  const size = medium.width && medium.height ? ` width="${medium.width}" height="${medium.height}"` : "";
  const description = medium.altText?.trim() ?? "";
  if (medium.kind === "video")
    return `<figure class="medium"><video controls preload="metadata" src="${content}"${size}><a href="${content}">Video ansehen</a></video>${description ? `<figcaption>${escapeHtml(description)}</figcaption>` : ""}</figure>`;
  const srcset =
    medium.hasThumbnail && medium.width && medium.width > THUMBNAIL_WIDTH
      ? ` srcset="${publicMediumPath(orgSlug, medium.id, "thumbnail")} ${THUMBNAIL_WIDTH}w, ${content} ${medium.width}w" sizes="${SIZES}"`
      : "";
  return `<figure class="medium"><img src="${content}"${srcset}${size} alt="${escapeHtml(description)}" loading="lazy" decoding="async"></figure>`;
}

export function mediaHtml(orgSlug: string, media: readonly PublicMedium[]): string {
  if (media.length === 0) return "";
  return `<div class="media">${media.map((m) => mediumHtml(orgSlug, m)).join("")}</div>`;
}
