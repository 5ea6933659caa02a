// The alternative texts of files where a network has no field for them (Telegram, WhatsApp captions; e-mail): each
// description follows the text as "Bildbeschreibung: …" (numbered for several), while the network's limit allows.
import type { OutgoingMedia } from "../domain/connector.js";
import { countCharacters } from "../text/characterCount.js";

const length = (text: string) => countCharacters(text, { unit: "grapheme", linkLength: null });

/** The text with the files' descriptions added where they fit within `max` graphemes; else the text alone. */
export function withDescriptions(text: string, media: readonly OutgoingMedia[], max: number): string {
  const described = media.filter((m) => m.altText && m.altText.trim() !== "");
  const lines = described.map((m) =>
    described.length === 1
      ? `Bildbeschreibung: ${m.altText?.trim()}`
      : `Bildbeschreibung ${media.indexOf(m) + 1}: ${m.altText?.trim()}`,
  );
  if (lines.length === 0) return text;
  const withLines = [text, lines.join("\n")].filter((part) => part !== "").join("\n\n");
  return length(withLines) <= max ? withLines : text;
}
