// Text written in Markdown (a guideline, a knowledge article) shown formatted. React builds the elements from the
// parsed text — no HTML string is ever inserted: HTML written into the text is dropped, links go only to http(s)
// and mailto addresses, and headings start one level below the page's own. Pictures are shown only where the
// page says where a library file is read (`mediaUrl`: the article's own address for its pictures, or the media
// library's), and only files written `![Beschreibung](media:<id>)`: the description becomes the alternative text;
// any other picture address shows nothing.
import { type ComponentProps, useMemo } from "react";
import Markdown, { type Components } from "react-markdown";

const ELEMENTS = ["p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "strong", "em", "a", "blockquote"];
const MORE_ELEMENTS = ["code", "pre", "hr", "br", "del"];
const MEDIA_SOURCE = /^media:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/**
 * Keeps http(s) and mailto links (and in-page anchors) and media library pictures; anything else (javascript:,
 * data:, a picture from elsewhere) becomes no address.
 */
function safeUrl(url: string, key: string): string {
  if (key === "src") return MEDIA_SOURCE.test(url.trim()) ? url.trim() : "";
  return /^(https?:|mailto:|#)/i.test(url.trim()) ? url : "";
}

type HeadingProps = ComponentProps<"h2"> & { node?: unknown };
const heading =
  (Tag: "h2" | "h3" | "h4" | "h5" | "h6") =>
  ({ node: _node, ...props }: HeadingProps) => <Tag {...props} />;

const COMPONENTS: Components = {
  h1: heading("h2"),
  h2: heading("h3"),
  h3: heading("h4"),
  h4: heading("h5"),
  h5: heading("h6"),
  h6: heading("h6"),
  a: ({ node: _node, href, children, ...props }) =>
    href ? (
      <a {...props} href={href} rel="noopener noreferrer">
        {children}
      </a>
    ) : (
      <span>{children}</span>
    ),
};

/** A media library picture of the organisation, its description as alternative text; nothing for other sources. */
function mediaImage(mediaUrl: (mediaId: string) => string): Components["img"] {
  return function MediaImage({ src, alt }) {
    const id = typeof src === "string" ? MEDIA_SOURCE.exec(src)?.[1] : undefined;
    if (!id) return null;
    return <img className="markdown-image" src={mediaUrl(id)} alt={alt ?? ""} />;
  };
}

export function MarkdownText({ text, mediaUrl }: { text: string; mediaUrl?: (mediaId: string) => string }) {
  const components = useMemo(() => (mediaUrl ? { ...COMPONENTS, img: mediaImage(mediaUrl) } : COMPONENTS), [mediaUrl]);
  return (
    <div className="markdown-text">
      <Markdown
        skipHtml
        allowedElements={[...ELEMENTS, ...MORE_ELEMENTS, ...(mediaUrl ? ["img"] : [])]}
        unwrapDisallowed
        urlTransform={safeUrl}
        components={components}
      >
        {text}
      </Markdown>
    </div>
  );
}
