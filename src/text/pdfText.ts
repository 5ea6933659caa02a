// Text for a PDF written with pdf-lib's standard fonts (the evidence package, the weekly report): those fonts
// know Windows-1252 only, so anything else must be replaced before it is drawn, or pdf-lib throws.
const WIN_ANSI_EXTRA = new Set("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ");

/** The standard fonts know Windows-1252 only; anything else (emoji) is written as its code point. */
export function pdfSafe(text: string): string {
  let out = "";
  for (const ch of text.replace(/\r\n?/g, "\n")) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === "\n" || (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(ch))
      out += ch;
    else if (code < 0x20 || (code >= 0x7f && code < 0xa0)) out += " ";
    else out += `[U+${code.toString(16).toUpperCase()}]`;
  }
  return out;
}
