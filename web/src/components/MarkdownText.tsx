// Text written in Markdown (a guideline) shown formatted. React builds the elements from the parsed text —
// no HTML string is ever inserted: HTML written into the text is dropped, links go only to http(s) and
// mailto addresses, and headings start one level below the page's own.
import type { ComponentProps } from "react";
import Markdown, { type Components } from "react-markdown";

const ELEMENTS = ["p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "strong", "em", "a", "blockquote"];
const MORE_ELEMENTS = ["code", "pre", "hr", "br", "del"];

/** Keeps http(s) and mailto links (and in-page anchors); anything else (javascript:, data:) becomes no link. */
function safeUrl(url: string): string {
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

export function MarkdownText({ text }: { text: string }) {
  return (
    <div className="markdown-text">
      <Markdown
        skipHtml
        allowedElements={[...ELEMENTS, ...MORE_ELEMENTS]}
        unwrapDisallowed
        urlTransform={safeUrl}
        components={COMPONENTS}
      >
        {text}
      </Markdown>
    </div>
  );
}
