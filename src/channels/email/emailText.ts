// What a citizen newly wrote in an e-mail: mail programs append the whole history below the answer ("Am …
// schrieb …:", "On … wrote:", lines quoted with ">", Outlook's "-----Ursprüngliche Nachricht-----" or a
// "From:/Von:" header block) and a signature after the "-- " delimiter (RFC 3676). The inbox shows the new part;
// the full text is kept in the message's raw payload, so nothing is lost when the cut is wrong.

/** A line that opens the quoted history: everything from it on is the earlier conversation. */
const HISTORY_OPENERS: readonly RegExp[] = [
  /^\s*Am\s.+\sschrieb\s.+:\s*$/i,
  /^\s*On\s.+\swrote:\s*$/i,
  /^\s*-{2,}\s*(Ursprüngliche Nachricht|Original Message|Originalnachricht)\s*-{2,}\s*$/i,
  /^\s*_{10,}\s*$/,
];

/** Outlook without a separator line: a block of "Von:"/"From:" followed by "Gesendet:"/"Sent:" or "An:"/"To:". */
const HEADER_BLOCK_START = /^\s*\*?(Von|From)\s*:\*?\s+\S/i;
const HEADER_BLOCK_NEXT = /^\s*\*?(Gesendet|Sent|Datum|Date|An|To|Betreff|Subject)\s*:/i;

/** The signature delimiter: exactly "-- " (many programs drop the space, so "--" alone counts too). */
const SIGNATURE = /^-- ?$/;

/** A header opener Outlook and others sometimes wrap onto two lines ("Am 3. Mai 2026 um 10:00 schrieb\n X <x@y>:"). */
function joinsWrappedOpener(line: string, next: string | undefined): boolean {
  return next !== undefined && /^\s*(Am|On)\s/i.test(line) && HISTORY_OPENERS.some((r) => r.test(`${line} ${next}`));
}

export interface CollapsedText {
  /** The new part, as the inbox shows it. */
  shown: string;
  /** Whether anything (history, signature) was left out of `shown`. */
  collapsed: boolean;
}

/** The new part of a plain-text mail: up to the first quoted history or signature, without trailing quotes. */
export function collapseQuotedText(text: string): CollapsedText {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  let end = lines.length;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    const next = lines[i + 1];
    const opensHistory =
      HISTORY_OPENERS.some((r) => r.test(line)) ||
      joinsWrappedOpener(line, next) ||
      (HEADER_BLOCK_START.test(line) && next !== undefined && HEADER_BLOCK_NEXT.test(next)) ||
      SIGNATURE.test(line);
    // A quoted block (">") ends the new part only where nothing new follows it: inline answers keep theirs.
    const quotedToEnd = /^\s*>/.test(line) && lines.slice(i).every((l) => /^\s*>/.test(l) || l.trim() === "");
    if (opensHistory || quotedToEnd) {
      end = i;
      break;
    }
  }
  const shown = lines.slice(0, end).join("\n").trim();
  // A mail that is nothing but a quote (a forwarded text): showing nothing would hide it, show it whole.
  if (shown === "") return { shown: text.trim(), collapsed: false };
  return { shown, collapsed: shown !== text.trim() };
}
