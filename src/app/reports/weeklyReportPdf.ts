// The weekly Stimmungsbericht drawn as an A4 PDF with pdf-lib and its standard fonts (Windows-1252: German
// umlauts, "€", "–"): headings, the summary, a stacked bar chart of the days' moods in the colour-blind-safe
// Okabe–Ito colours — negative also striped, each segment named in the legend and the day's figures printed
// under the bar, so nothing depends on telling colours apart — and the tables.
import { PDFDocument, type PDFFont, type PDFPage, StandardFonts, rgb } from "pdf-lib";
import { pdfSafe } from "../../text/pdfText.js";
import type { DayMood, ReportTable, WeeklyReportContent } from "./weeklyReportContent.js";

const PAGE: [number, number] = [595, 842];
const LEFT = 50;
const WIDTH = 495;
const hex = (value: string) =>
  rgb(
    parseInt(value.slice(1, 3), 16) / 255,
    parseInt(value.slice(3, 5), 16) / 255,
    parseInt(value.slice(5, 7), 16) / 255,
  );
export const MOOD_COLOURS = { negative: hex("#D55E00"), neutral: hex("#8C8C8C"), positive: hex("#0072B2") };
const BLACK = rgb(0, 0, 0);
const GREY = rgb(0.35, 0.35, 0.35);
const WHITE = rgb(1, 1, 1);

class Canvas {
  page: PDFPage;
  y = PAGE[1] - 50;
  constructor(
    private readonly doc: PDFDocument,
    readonly font: PDFFont,
    readonly bold: PDFFont,
  ) {
    this.page = doc.addPage(PAGE);
  }

  /** Room for `height` points on this page, else a new page. */
  need(height: number) {
    if (this.y - height >= 50) return;
    this.page = this.doc.addPage(PAGE);
    this.y = PAGE[1] - 50;
  }

  text(text: string, options: { size?: number; bold?: boolean; x?: number; y?: number; colour?: typeof BLACK }) {
    this.page.drawText(pdfSafe(text), {
      x: options.x ?? LEFT,
      y: options.y ?? this.y,
      size: options.size ?? 10,
      font: options.bold ? this.bold : this.font,
      color: options.colour ?? BLACK,
    });
  }

  paragraph(text: string, options: { size?: number; bold?: boolean; gapAfter?: number } = {}) {
    const size = options.size ?? 10;
    const font = options.bold ? this.bold : this.font;
    let line = "";
    const flush = () => {
      this.need(size * 1.4);
      this.text(line, { size, bold: options.bold });
      this.y -= size * 1.4;
    };
    for (const word of pdfSafe(text).split(" ")) {
      const candidate = line ? `${line} ${word}` : word;
      if (line && font.widthOfTextAtSize(candidate, size) > WIDTH) {
        flush();
        line = word;
      } else line = candidate;
    }
    flush();
    this.y -= options.gapAfter ?? 0;
  }

  heading(text: string) {
    this.need(60);
    this.y -= 8;
    this.paragraph(text, { size: 13, bold: true, gapAfter: 2 });
  }

  /** Fits a cell's text into its column, cut with "…" where it is too long. */
  fit(text: string, width: number, font: PDFFont, size: number): string {
    let fitted = pdfSafe(text);
    if (font.widthOfTextAtSize(fitted, size) <= width) return fitted;
    while (fitted.length > 1 && font.widthOfTextAtSize(`${fitted}…`, size) > width) fitted = fitted.slice(0, -1);
    return `${fitted}…`;
  }
}

function drawStripes(page: PDFPage, box: { x: number; y: number; width: number; height: number }) {
  for (let y = box.y + 2; y < box.y + box.height - 0.5; y += 3)
    page.drawLine({ start: { x: box.x, y }, end: { x: box.x + box.width, y }, thickness: 0.8, color: WHITE });
}

const SEGMENTS = [
  { key: "negative", label: "negativ (gestreift)" },
  { key: "neutral", label: "neutral" },
  { key: "positive", label: "positiv" },
] as const;

function drawChart(canvas: Canvas, days: DayMood[]) {
  const chartHeight = 150;
  canvas.need(chartHeight + 70);
  const { page } = canvas;
  const base = canvas.y - chartHeight - 10;
  const highest = Math.max(1, ...days.map((d) => d.negative + d.neutral + d.positive));
  const slot = WIDTH / Math.max(1, days.length);
  const barWidth = Math.min(44, slot * 0.6);
  page.drawLine({ start: { x: LEFT, y: base }, end: { x: LEFT + WIDTH, y: base }, thickness: 0.6, color: GREY });
  days.forEach((day, index) => {
    const x = LEFT + index * slot + (slot - barWidth) / 2;
    let y = base;
    for (const { key } of SEGMENTS) {
      const height = (day[key] / highest) * chartHeight;
      if (height <= 0) continue;
      const box = { x, y, width: barWidth, height };
      page.drawRectangle({ ...box, color: MOOD_COLOURS[key] });
      if (key === "negative") drawStripes(page, box);
      y += height;
    }
    const total = day.negative + day.neutral + day.positive;
    canvas.text(String(total), {
      x: x + barWidth / 2 - canvas.font.widthOfTextAtSize(String(total), 8) / 2,
      y: y + 3,
      size: 8,
    });
    const label = day.label;
    canvas.text(label, { x: x + barWidth / 2 - canvas.font.widthOfTextAtSize(label, 8) / 2, y: base - 11, size: 8 });
    const figures = `${day.negative}/${day.neutral}/${day.positive}`;
    const figuresX = x + barWidth / 2 - canvas.font.widthOfTextAtSize(figures, 7) / 2;
    canvas.text(figures, { x: figuresX, y: base - 21, size: 7, colour: GREY });
  });
  let x = LEFT;
  const legendY = base - 38;
  for (const { key, label } of SEGMENTS) {
    const box = { x, y: legendY - 1, width: 14, height: 9 };
    page.drawRectangle({ ...box, color: MOOD_COLOURS[key] });
    if (key === "negative") drawStripes(page, box);
    canvas.text(label, { x: x + 18, y: legendY, size: 9 });
    x += 28 + canvas.font.widthOfTextAtSize(label, 9);
  }
  canvas.text("Unter jedem Tag: negativ/neutral/positiv.", { x, y: legendY, size: 8, colour: GREY });
  canvas.y = legendY - 18;
}

function drawTable(canvas: Canvas, table: ReportTable) {
  canvas.heading(table.title);
  if (table.rows.length === 0) {
    canvas.paragraph("Keine Nachrichten in dieser Woche.");
    return;
  }
  const size = 8.5;
  const first = 160;
  const other = (WIDTH - first) / Math.max(1, table.columns.length - 1);
  const row = (cells: string[], bold: boolean) => {
    canvas.need(size * 1.8);
    const font = bold ? canvas.bold : canvas.font;
    cells.forEach((cell, index) => {
      const width = index === 0 ? first : other;
      const fitted = canvas.fit(cell, width - 6, font, size);
      // Figures right-aligned in their column, the name left.
      const x = index === 0 ? LEFT : LEFT + first + index * other - 4 - font.widthOfTextAtSize(fitted, size);
      canvas.text(fitted, { x, size, bold });
    });
    canvas.y -= size * 1.7;
  };
  row(table.columns, true);
  canvas.page.drawLine({
    start: { x: LEFT, y: canvas.y + size * 1.1 },
    end: { x: LEFT + WIDTH, y: canvas.y + size * 1.1 },
    thickness: 0.5,
    color: GREY,
  });
  for (const cells of table.rows) row(cells, false);
}

export async function weeklyReportPdf(content: WeeklyReportContent, options: { createdAt: Date }): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(content.title);
  doc.setSubject(content.subtitle);
  doc.setLanguage("de-DE");
  doc.setCreator("draht");
  doc.setCreationDate(options.createdAt);
  doc.setModificationDate(options.createdAt);
  const canvas = new Canvas(
    doc,
    await doc.embedFont(StandardFonts.Helvetica),
    await doc.embedFont(StandardFonts.HelveticaBold),
  );
  canvas.paragraph(content.title, { size: 18, bold: true });
  canvas.paragraph(content.subtitle, { size: 10, gapAfter: 4 });
  canvas.heading("Zusammenfassung");
  for (const sentence of content.summary) canvas.paragraph(sentence, { gapAfter: 3 });
  canvas.heading("Stimmung nach Tagen");
  drawChart(canvas, content.days);
  for (const table of content.tables) drawTable(canvas, table);
  canvas.y -= 8;
  for (const note of content.notes) canvas.paragraph(note, { size: 8, gapAfter: 2 });
  return doc.save();
}
