// The evidence package as a PDF for a criminal complaint: what was said, by whom, where and when, the
// thread before it, the analysis, and the SHA-256 of the JSON package with the time it was secured (the
// JSON file is the authoritative copy; the PDF shows the hash to compare). pdf-lib, standard fonts.
import { PDFDocument, type PDFFont, type PDFPage, StandardFonts, rgb } from "pdf-lib";
import type { EvidenceContent } from "../../domain/moderation/evidence.js";

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

class Writer {
  private page: PDFPage;
  private y: number;
  constructor(
    private readonly doc: PDFDocument,
    private readonly font: PDFFont,
    private readonly bold: PDFFont,
  ) {
    this.page = doc.addPage([595, 842]);
    this.y = 800;
  }

  line(text: string, options: { size?: number; bold?: boolean; indent?: number } = {}) {
    const size = options.size ?? 10;
    const font = options.bold ? this.bold : this.font;
    const width = 495 - (options.indent ?? 0);
    for (const paragraph of pdfSafe(text).split("\n")) {
      let current = "";
      for (const word of paragraph.split(" ").flatMap((w) => this.breakLong(w, font, size, width))) {
        const candidate = current ? `${current} ${word}` : word;
        if (font.widthOfTextAtSize(candidate, size) > width && current) {
          this.draw(current, font, size, options.indent ?? 0);
          current = word;
        } else current = candidate;
      }
      this.draw(current, font, size, options.indent ?? 0);
    }
  }

  /** A word wider than the line (a long address) is cut into pieces that fit. */
  private breakLong(word: string, font: PDFFont, size: number, width: number): string[] {
    if (font.widthOfTextAtSize(word, size) <= width) return [word];
    const pieces: string[] = [];
    let piece = "";
    for (const ch of word) {
      if (font.widthOfTextAtSize(piece + ch, size) > width) {
        pieces.push(piece);
        piece = "";
      }
      piece += ch;
    }
    return piece ? [...pieces, piece] : pieces;
  }

  gap(points = 8) {
    this.y -= points;
  }

  private draw(text: string, font: PDFFont, size: number, indent: number) {
    if (this.y < 50) {
      this.page = this.doc.addPage([595, 842]);
      this.y = 800;
    }
    this.page.drawText(text, { x: 50 + indent, y: this.y, size, font, color: rgb(0, 0, 0) });
    this.y -= size * 1.4;
  }
}

export async function evidencePdf(content: EvidenceContent, sha256: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(`Beweissicherung ${content.caseId}`);
  doc.setProducer("draht");
  // Also in the document's metadata, where tools and people find it without reading the pages.
  doc.setSubject(`SHA-256: ${sha256}`);
  doc.setCreationDate(new Date(content.securedAt));
  const w = new Writer(
    doc,
    await doc.embedFont(StandardFonts.Helvetica),
    await doc.embedFont(StandardFonts.HelveticaBold),
  );
  w.line("Beweissicherung eines Beitrags", { size: 16, bold: true });
  w.line(`${content.organisation.name} · Vorgang ${content.caseId}`);
  w.gap();
  w.line(`Gesichert am ${content.securedAt} (UTC) durch ${content.securedBy}`);
  w.line(`SHA-256 der JSON-Datei (kanonisches JSON):`, { bold: true });
  w.line(sha256, { size: 9 });
  w.gap();
  w.line("Beitrag", { size: 12, bold: true });
  w.line(`Kanal: ${content.channel.network} – ${content.channel.accountName}`);
  w.line(`Art: ${content.message.kind} · Eingegangen: ${content.message.receivedAt} (UTC)`);
  w.line(`Externe Kennung: ${content.message.externalId}`);
  if (content.message.url) w.line(`Adresse: ${content.message.url}`);
  w.line(
    `Verfasser/in: ${content.author.name} (${content.author.handle})${content.author.profileUrl ? ` – ${content.author.profileUrl}` : ""}`,
  );
  w.gap(4);
  w.line("Wortlaut:", { bold: true });
  w.line(content.message.text, { indent: 10 });
  w.gap(4);
  w.line("Normalisierter Text (für die Auswertung):", { bold: true });
  w.line(content.message.normalisedText, { indent: 10 });
  if (content.message.earlierVersions?.length) {
    w.gap(4);
    w.line(
      `Bearbeitet: ${content.message.editedAt ?? "–"} (UTC) – frühere Fassungen (${content.message.earlierVersions.length}):`,
      { bold: true },
    );
    for (const version of content.message.earlierVersions) {
      w.line(`bis ${version.replacedAt}:`, { size: 9, bold: true });
      w.line(version.text, { indent: 10, size: 9 });
    }
  }
  w.gap();
  w.line("Automatische Einschätzung", { size: 12, bold: true });
  w.line(`Kennzeichen: ${content.analysis.labels.join(", ") || "–"}`);
  w.line(
    `Werte: ${Object.entries(content.analysis.scores)
      .map(([k, v]) => `${k} ${v}`)
      .join(", ")}`,
  );
  w.line(`Gründe: ${content.analysis.reasons.join("; ") || "–"}`);
  w.gap();
  w.line(`Verlauf davor (${content.thread.length} Beiträge)`, { size: 12, bold: true });
  for (const item of content.thread) {
    w.line(`${item.receivedAt} – ${item.authorName} (${item.authorHandle}):`, { bold: true, size: 9 });
    w.line(item.text, { indent: 10, size: 9 });
  }
  w.gap();
  w.line("Die vollständigen Rohdaten des Kanals enthält die JSON-Datei; ihr SHA-256 steht oben.", { size: 8 });
  return doc.save({ useObjectStreams: false });
}
