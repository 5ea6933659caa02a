// The headline of a website post and the body under it. Posts carry no public title (the composer's title
// is internal), so the text provides one: its first line, its first sentence, or the topic before a
// colon ("Der Wochenmarkt zieht um: …"). The body is the rest, so no page prints that sentence twice.
// Only when the first sentence is too long for a heading does the heading shorten it and the body keep
// the whole text.

export interface PostHeadline {
  headline: string;
  body: string;
}

/** Longest first sentence or line still taken whole as a heading. */
const MAX_HEADLINE = 160;
/** Where a too-long first sentence is cut (at a word) for the heading. */
const SHORTENED = 100;
/** A topic before a colon: at least two words and short. */
const MAX_TOPIC = 80;

// A full stop after these is not a sentence end ("z. B.", "Nr. 5", "ca. 20").
const ABBREVIATIONS = new Set(
  "z b d h u a o ä s vgl bzw ca nr str tel dr prof inkl ggf evtl usw etc mo di mi do fr sa so jan feb mär apr jun jul aug sep sept okt nov dez"
    .split(" ")
    .map((a) => a.normalize("NFC")),
);

function isSentenceEnd(text: string, at: number): boolean {
  const mark = text[at];
  if (mark === "!" || mark === "?" || mark === "…") return true;
  if (mark !== ".") return false;
  const word = /([\p{L}\d]+)$/u.exec(text.slice(0, at))?.[1] ?? "";
  if (word === "" || /^\d+$/.test(word)) return false; // "1. Dezember", or a dot after punctuation
  return !ABBREVIATIONS.has(word.toLowerCase());
}

function isTopicColon(text: string, at: number): boolean {
  if (text[at] !== ":" || at > MAX_TOPIC) return false;
  const words = text.slice(0, at).trim().split(/\s+/);
  const next = text.slice(at + 1).trimStart()[0] ?? "";
  return words.length >= 2 && next !== "" && next === next.toUpperCase() && next !== next.toLowerCase();
}

/** Index of the end of the first sentence, line or topic (exclusive of what follows), or -1. */
function firstBoundary(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? "";
    if (c === "\n") return i;
    const followedBySpace = i + 1 >= text.length || /\s/.test(text[i + 1] ?? "");
    if (followedBySpace && (isSentenceEnd(text, i) || isTopicColon(text, i))) return i + 1;
  }
  return -1;
}

export function splitHeadline(text: string): PostHeadline {
  const trimmed = text.trim();
  const end = firstBoundary(trimmed);
  const cut = end === -1 ? trimmed.length : end;
  if (cut <= MAX_HEADLINE) {
    const headline = trimmed.slice(0, cut).trim().replace(/[.:]$/, "");
    return { headline, body: trimmed.slice(cut).trim() };
  }
  const words = trimmed.slice(0, SHORTENED + 1).replace(/\s+\S*$/, "");
  return { headline: `${words.replace(/[\s,;:.–-]+$/, "")}…`, body: trimmed };
}
