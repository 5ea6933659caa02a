// Finding the parts of a social-media text that networks and guidelines treat specially: links,
// hashtags, @mentions and words, each with its UTF-16 position so the composer can highlight it.

export interface Span {
  start: number;
  end: number;
  text: string;
}

// A link starts with a scheme or "www."; trailing sentence punctuation is not part of it.
const URL_PATTERN = /\b(?:https?:\/\/|www\.)[^\s<>"'«»„“”]+/giu;
const TRAILING_PUNCTUATION = /[.,;:!?)\]}]+$/u;
const HASHTAG_PATTERN = /(?<![\p{L}\p{N}_#])#([\p{L}\p{N}_]*\p{L}[\p{L}\p{N}_]*)/gu;
const MENTION_PATTERN = /(?<![\p{L}\p{N}_@])@[\p{L}\p{N}_.]+(?:@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+)?/gu;
const WORD_PATTERN = /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu;

export function findLinks(text: string): Span[] {
  const spans: Span[] = [];
  for (const match of text.matchAll(URL_PATTERN)) {
    const raw = match[0].replace(TRAILING_PUNCTUATION, "");
    spans.push({ start: match.index, end: match.index + raw.length, text: raw });
  }
  return spans;
}

/** The host of a link, lower-cased, without "www."; null when it cannot be parsed. */
export function hostOfLink(link: string): string | null {
  try {
    const url = new URL(/^https?:\/\//i.test(link) ? link : `https://${link}`);
    return url.hostname.toLowerCase().replace(/^www\./, "");
  } catch {
    return null;
  }
}

export function findHashtags(text: string): Span[] {
  const linkSpans = findLinks(text);
  return [...text.matchAll(HASHTAG_PATTERN)]
    .map((m) => ({ start: m.index, end: m.index + m[0].length, text: m[0] }))
    .filter((span) => !linkSpans.some((link) => span.start >= link.start && span.start < link.end));
}

export function findMentions(text: string): Span[] {
  return [...text.matchAll(MENTION_PATTERN)].map((m) => ({ start: m.index, end: m.index + m[0].length, text: m[0] }));
}

/** Words of running text: links, hashtags and mentions are not words. */
export function findWords(text: string): Span[] {
  const excluded = [...findLinks(text), ...findHashtags(text), ...findMentions(text)];
  return [...text.matchAll(WORD_PATTERN)]
    .map((m) => ({ start: m.index, end: m.index + m[0].length, text: m[0] }))
    .filter((word) => !excluded.some((span) => word.start >= span.start && word.start < span.end));
}
