// What a citizen wrote, cut into pieces a renderer can show safely: plain text, line breaks and web
// links (http/https only). No markup is ever taken from the text; renderers escape or use textContent.
import { findLinks } from "./tokens.js";

export type CitizenTextPiece =
  { kind: "text"; text: string } | { kind: "break" } | { kind: "link"; text: string; href: string };

/** The rel attribute every citizen link carries. */
export const CITIZEN_LINK_REL = "nofollow ugc noopener noreferrer";

export function pieceCitizenText(text: string): CitizenTextPiece[] {
  const pieces: CitizenTextPiece[] = [];
  const pushText = (part: string) => {
    part.split(/\r\n|\r|\n/).forEach((line, i) => {
      if (i > 0) pieces.push({ kind: "break" });
      if (line) pieces.push({ kind: "text", text: line });
    });
  };
  let at = 0;
  for (const link of findLinks(text)) {
    const href = safeHref(link.text);
    if (!href) continue;
    pushText(text.slice(at, link.start));
    pieces.push({ kind: "link", text: link.text, href });
    at = link.end;
  }
  pushText(text.slice(at));
  return pieces;
}

/** An absolute http(s) URL for a link as written, or null for anything else. */
export function safeHref(written: string): string | null {
  try {
    const url = new URL(/^https?:\/\//i.test(written) ? written : `https://${written}`);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

/** The text reduced to what makes it the same comment: letters and digits, case and spacing ignored. */
export function duplicateKey(text: string): string {
  return text
    .normalize("NFKC")
    .toLocaleLowerCase("de-DE")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}
