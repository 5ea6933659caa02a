// A post's media in the widget: images (thumbnail and original, their size, the alternative text, lazy)
// and videos with controls and their description, all from the draht server the widget came from.
import { h } from "./dom.js";
import type { WidgetMedium } from "./types.js";

export function renderMedia(origin: string, org: string, media: WidgetMedium[]): HTMLElement {
  return h(
    "div",
    {},
    ...media.map((m) => {
      const src = `${origin}/api/public/orgs/${encodeURIComponent(org)}/media/${encodeURIComponent(m.id)}/`;
      const attrs = {
        src: `${src}content`,
        width: m.width ? `${m.width}` : undefined,
        height: m.height ? `${m.height}` : undefined,
      };
      const video = m.kind === "video";
      return h(
        "figure",
        {},
        video
          ? h("video", { ...attrs, controls: true, preload: "metadata" })
          : h("img", {
              ...attrs,
              // The thumbnail is 320 pixels wide; smaller originals have no smaller version.
              srcset: m.hasThumbnail && (m.width ?? 0) > 320 && `${src}thumbnail 320w, ${src}content ${m.width}w`,
              sizes: "(min-width: 44rem) 44rem, 100vw",
              alt: m.altText ?? "",
              loading: "lazy",
            }),
        video && m.altText && h("figcaption", {}, m.altText),
      );
    }),
  );
}
