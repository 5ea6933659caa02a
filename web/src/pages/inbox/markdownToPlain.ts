// A knowledge article's Markdown as plain text for an answer to a citizen (networks show no Markdown): headings,
// emphasis and code marks go, links keep their text and address, pictures are left out (the citizen would get
// only their description, not the picture), list items keep a dash.
export function markdownToPlain(markdown: string): string {
  return markdown
    .replace(/\r\n?/g, "\n")
    .replace(/!\[[^\]]*\]\([^)]*\)/g, "")
    .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (_whole, text: string, url: string) =>
      text === url ? url : `${text} (${url.replace(/^mailto:/i, "")})`,
    )
    .replace(/^\s{0,3}#{1,6}\s+/gm, "")
    .replace(/^\s{0,3}>\s?/gm, "")
    .replace(/^(\s*)[*+]\s+/gm, "$1- ")
    .replace(/(\*\*|__)(.+?)\1/g, "$2")
    .replace(/(^|[^\w*])[*_]([^*_\n]+)[*_](?=[^\w*]|$)/g, "$1$2")
    .replace(/`([^`]+)`/g, "$1")
    .replace(/^\s*([-*_])(\s*\1){2,}\s*$/gm, "")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/**
 * A piece cut out of an article's Markdown (the search's excerpt) as plain text: as above, and the marks the cut
 * left incomplete (a picture or link cut off at either end, a lone "**") go too. The «» around matched words stay.
 */
export function excerptToPlain(excerpt: string): string {
  return markdownToPlain(excerpt)
    .replace(/!\[[^\]]*\]?\(?[^)\s]*$/, "")
    .replace(/\]\((?:https?:|mailto:|media:)[^)\s]*\)?/g, "")
    .replace(/!\[/g, "[")
    .replace(/\*\*|__/g, "")
    .replace(/\s+/g, " ")
    .trim();
}
