// The evidence package as a PDF for a criminal complaint: what was said, by whom, where and when, the
// thread before it, the analysis, and the SHA-256 of the JSON package with the time it was secured (the
// JSON file is the authoritative copy; the PDF shows the hash to compare). In German words, times in the
// organisation's time zone (named). pdf-lib, standard fonts.
import { PDFDocument, type PDFFont, type PDFPage, StandardFonts, rgb } from "pdf-lib";
import type { EvidenceContent } from "../../domain/moderation/evidence.js";
import { describer } from "../../domain/words/describe.js";
import { pdfSafe } from "../../text/pdfText.js";

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

type Line = [text: string, options?: { size?: number; bold?: boolean; indent?: number }];

/**
 * What the PDF says, in German words (no codes: labels, scores as percentages, reasons, the author's website
 * session) and with every time in the organisation's time zone, named once at the top and after each time.
 */
export function evidenceLines(content: EvidenceContent, sha256: string, options: { timeZone: string }): Line[] {
  const words = describer("de");
  const at = (iso: string | null | undefined) =>
    iso
      ? new Intl.DateTimeFormat("de-DE", { dateStyle: "medium", timeStyle: "long", timeZone: options.timeZone }).format(
          new Date(iso),
        )
      : "–";
  const { message, analysis } = content;
  const lines: Line[] = [
    ["Beweissicherung eines Beitrags", { size: 16, bold: true }],
    [`${content.organisation.name} · Moderationsfall ${content.caseId}`],
    [`Alle Zeitangaben in der Zeitzone ${options.timeZone}.`, { size: 9 }],
    ["", { size: 4 }],
    [`Gesichert am ${at(content.securedAt)} durch ${words.actor(content.securedBy)}`],
    ["SHA-256 der JSON-Datei (kanonisches JSON):", { bold: true }],
    [sha256, { size: 9 }],
    ["", { size: 4 }],
    ["Beitrag", { size: 12, bold: true }],
    [`Kanal: ${words.network(content.channel.network)} – ${content.channel.accountName}`],
    [`Art: ${words.messageKind(message.kind)} · Eingegangen: ${at(message.receivedAt)}`],
    [`Kennung im Kanal: ${message.externalId}`],
  ];
  if (message.url) lines.push([`Adresse: ${message.url}`]);
  const author = words.author(content.author.name, content.author.handle, { full: true });
  lines.push([`Verfasser/in: ${author}${content.author.profileUrl ? ` – ${content.author.profileUrl}` : ""}`]);
  lines.push(["Wortlaut:", { bold: true }], [message.text, { indent: 10 }]);
  lines.push(["Normalisierter Text (für die Auswertung):", { bold: true }], [message.normalisedText, { indent: 10 }]);
  if (message.earlierVersions?.length) {
    lines.push([
      `Bearbeitet: ${at(message.editedAt)} – frühere Fassungen (${message.earlierVersions.length}):`,
      { bold: true },
    ]);
    for (const version of message.earlierVersions)
      lines.push([`bis ${at(version.replacedAt)}:`, { size: 9, bold: true }], [version.text, { indent: 10, size: 9 }]);
  }
  lines.push(
    ["", { size: 4 }],
    [
      "Automatische Einschätzung (Sprachmodell und Regeln; entscheidend ist die Prüfung durch Menschen)",
      { size: 12, bold: true },
    ],
    [`Kennzeichen: ${words.labels(analysis.labels) || "–"}`],
    [
      `Einschätzung: ${
        Object.entries(analysis.scores)
          .map(([key, value]) => words.score(key, value))
          .join(", ") || "–"
      }`,
    ],
    [`Gründe: ${analysis.reasons.map((r) => words.reason(r)).join("; ") || "–"}`],
    ["", { size: 4 }],
    [`Verlauf davor (${content.thread.length} Beiträge)`, { size: 12, bold: true }],
  );
  for (const item of content.thread)
    lines.push(
      [
        `${at(item.receivedAt)} – ${words.author(item.authorName, item.authorHandle, { full: true })}:`,
        { bold: true, size: 9 },
      ],
      [item.text, { indent: 10, size: 9 }],
    );
  lines.push(
    ["", { size: 4 }],
    ["Die vollständigen Rohdaten des Kanals enthält die JSON-Datei; ihr SHA-256 steht oben.", { size: 8 }],
  );
  return lines;
}

export async function evidencePdf(
  content: EvidenceContent,
  sha256: string,
  options: { timeZone: string },
): Promise<Uint8Array> {
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
  for (const [text, lineOptions] of evidenceLines(content, sha256, options)) {
    if (text === "") w.gap(lineOptions?.size ?? 8);
    else w.line(text, lineOptions);
  }
  return doc.save({ useObjectStreams: false });
}
