// The transparency page's content: response times as a table of the weeks, overall and per channel (with a
// small bar of the share within the target, drawn as SVG attributes since the CSP allows no inline style),
// moderation decisions and objections by Netiquette clause, and what the figures mean. Hidden small counts
// read "weniger als 5" or "–" with the reason in words for screen readers and in the legend.
// On a phone each row of a table stands as a block of lines "column: figure" (styles.ts, table.stack): every
// cell carries its column's name for the eye (aria-hidden, the table's headers say it to screen readers), and
// the table keeps its roles explicitly, since some browsers drop a table's semantics when CSS restacks it.
import type { TransparencyFigures } from "../../app/website/get-transparency-figures.js";
import type { TPublicFigure } from "../../domain/reports/smallCounts.js";
import type { PublicResponseFigures, TransparencyWeek } from "../../domain/reports/transparency.js";
import { escapeHtml } from "./html.js";

const HIDDEN_FEW = '<span class="visually-hidden">aus weniger als 5 Fällen, nicht gezeigt</span>';
const HIDDEN_WITHHELD =
  '<span class="visually-hidden">nicht gezeigt, damit sich keine kleine Zahl errechnen lässt</span>';

function countHtml(figure: TPublicFigure): string {
  if (figure.status === "shown") return figure.value.toLocaleString("de-DE");
  if (figure.status === "few") return "weniger als 5";
  if (figure.status === "withheld") return `<span aria-hidden="true">–</span>${HIDDEN_WITHHELD}`;
  return "keine";
}

function hiddenHtml(figure: TPublicFigure): string | null {
  if (figure.status === "few") return `<span aria-hidden="true">–</span>${HIDDEN_FEW}`;
  if (figure.status === "withheld") return `<span aria-hidden="true">–</span>${HIDDEN_WITHHELD}`;
  if (figure.status === "none") return "keine Antworten";
  return null;
}

/** Business time as "2 Std. 5 Min.": hours and minutes of office time. */
export function businessTimeLabel(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} Min.`;
  return rest === 0 ? `${hours} Std.` : `${hours} Std. ${rest} Min.`;
}

function medianHtml(figure: TPublicFigure): string {
  if (figure.status !== "shown") return hiddenHtml(figure) ?? "";
  return figure.atLeast ? `mehr als ${businessTimeLabel(figure.value)}` : businessTimeLabel(figure.value);
}

const percent = new Intl.NumberFormat("de-DE", { style: "percent", maximumFractionDigits: 0 });

function shareHtml(figure: TPublicFigure): string {
  if (figure.status !== "shown") return hiddenHtml(figure) ?? "";
  const width = Math.round(figure.value * 100);
  // The bar repeats the number for the eye; screen readers read the number.
  return `<span class="share">${percent.format(figure.value)}<svg class="bar" aria-hidden="true" focusable="false" width="100" height="10" viewBox="0 0 100 10"><rect class="bar-track" width="100" height="10"></rect><rect class="bar-fill" width="${width}" height="10"></rect></svg></span>`;
}

const dayMonth = new Intl.DateTimeFormat("de-DE", { day: "numeric", month: "numeric", timeZone: "UTC" });
const fullDate = new Intl.DateTimeFormat("de-DE", { dateStyle: "long", timeZone: "UTC" });
const atDay = (day: string) => new Date(`${day}T00:00:00Z`);

function weekLabel(week: Pick<TransparencyWeek, "start" | "end">): string {
  return `<time datetime="${week.start}">${dayMonth.format(atDay(week.start))}</time> bis <time datetime="${week.end}">${fullDate.format(atDay(week.end))}</time>`;
}

const WEEK_HEADINGS = ["Woche", "Erste Antworten", "Median bis zur ersten Antwort", "Innerhalb der Frist"];

function weeksTable(args: {
  id: string;
  caption: string;
  rows: { week: TransparencyWeek; figures: PublicResponseFigures }[];
}) {
  const [answered, median, within] = WEEK_HEADINGS.slice(1) as [string, string, string];
  const body = args.rows
    .map(
      ({ week, figures }) =>
        `<tr role="row">${rowHeaderCell(weekLabel(week))}${figureCell(answered, countHtml(figures.answered))}${figureCell(median, medianHtml(figures.medianMs))}${figureCell(within, shareHtml(figures.withinTarget))}</tr>`,
    )
    .join("\n");
  return `${stackTableStart(args.id, args.caption)}
${headRow(WEEK_HEADINGS, true)}
<tbody role="rowgroup">
${body}
</tbody></table></div>`;
}

/** The moderation's words as in the staff's reports (Ausgeblendet, not "verborgen"). */
const KIND_HEADINGS = ["Ausgeblendet", "Gelöscht", "Ermahnt oder verwarnt", "Geprüft und sichtbar gelassen"];
const APPEAL_HEADINGS = ["Entscheidung geändert", "Entscheidung bestätigt", "Noch offen"];

/** A table that stacks its rows on a narrow screen: its opening tag and caption. */
function stackTableStart(id: string, caption: string): string {
  return `<div class="table-wrap" role="region" aria-labelledby="${id}" tabindex="0"><table class="stack" role="table" aria-labelledby="${id}">
<caption id="${id}">${caption}</caption>`;
}

/** The header row: the first column names the rows (when `rowHeader`), the others hold figures. */
function headRow(headings: string[], rowHeader: boolean): string {
  const cells = headings.map(
    (h, i) => `<th scope="col" role="columnheader"${rowHeader && i === 0 ? "" : ' class="num"'}>${h}</th>`,
  );
  return `<thead role="rowgroup"><tr role="row">${cells.join("")}</tr></thead>`;
}

const rowHeaderCell = (html: string) => `<th scope="row" role="rowheader">${html}</th>`;
/** A figure, with its column's name shown before it on a narrow screen. */
const figureCell = (heading: string, html: string) =>
  `<td role="cell" class="num"><span class="cell-label" aria-hidden="true">${heading}</span><span class="cell-value">${html}</span></td>`;

const KIND_COLUMNS = [...KIND_HEADINGS, "Zusammen"];
const APPEAL_COLUMNS = [...APPEAL_HEADINGS, "Zusammen"];

function moderationHtml(figures: TransparencyFigures): string {
  const rows = figures.clauses
    .map((c) => {
      const name = `§${c.clause}${c.title ? ` ${escapeHtml(c.title)}` : " (frühere Fassung der Netiquette)"}`;
      const cells = [...c.cells, c.total].map((cell, i) => figureCell(KIND_COLUMNS[i] ?? "", countHtml(cell)));
      return `<tr role="row">${rowHeaderCell(name)}${cells.join("")}</tr>`;
    })
    .join("\n");
  const table = rows
    ? `${stackTableStart("moderation-caption", `Entscheidungen der Moderation nach Regel der Netiquette, ${periodText(figures)}`)}
${headRow(["Regel", ...KIND_COLUMNS], true)}
<tbody role="rowgroup">
${rows}
</tbody></table></div>`
    : `<p>In diesem Zeitraum hat die Moderation keine Entscheidung getroffen.</p>`;
  const appeals = figures.appeals;
  const appealCells = [...appeals.cells, appeals.total].map((cell, i) =>
    figureCell(APPEAL_COLUMNS[i] ?? "", countHtml(cell)),
  );
  const appealTable = `${stackTableStart("appeals-caption", `Einsprüche gegen Entscheidungen der Moderation und ihr Ausgang, ${periodText(figures)}`)}
${headRow(APPEAL_COLUMNS, false)}
<tbody role="rowgroup"><tr role="row">${appealCells.join("")}</tr></tbody></table></div>`;
  return `<section aria-labelledby="moderation"><h2 id="moderation">Moderation nach den Regeln der Netiquette</h2>
<p>Kommentare, die gegen die <a href="/p/${encodeURIComponent(figures.org.slug)}/netiquette">Netiquette</a> verstoßen, werden geprüft. Jede Entscheidung nennt die Regel, auf die sie sich stützt. Gezählt werden Entscheidungen, nicht Personen.</p>
${table}
<h3>Einsprüche</h3>
<p>Wer mit einer Entscheidung nicht einverstanden ist, kann Einspruch einlegen. Dann entscheidet die Moderation erneut.</p>
${appealTable}
</section>`;
}

function periodText(figures: TransparencyFigures): string {
  return `${fullDate.format(atDay(figures.period.from))} bis ${fullDate.format(atDay(figures.period.to))}`;
}

function summaryHtml(overall: Omit<PublicResponseFigures, "answered">): string {
  const { medianMs, withinTarget } = overall;
  if (medianMs.status !== "shown")
    return "<p>In diesen 12 Wochen gab es zu wenige erste Antworten für eine Auswertung.</p>";
  const share =
    withinTarget.status === "shown"
      ? ` ${percent.format(withinTarget.value)} der ersten Antworten kamen innerhalb der Frist.`
      : "";
  return `<p>In den 12 Wochen zusammen lag der Median bis zur ersten Antwort bei <strong>${medianHtml(medianMs)}</strong> Arbeitszeit.${share}</p>`;
}

/** The page's main content. */
export function transparencyHtml(figures: TransparencyFigures): string {
  const { responses } = figures;
  const computed = new Intl.DateTimeFormat("de-DE", {
    dateStyle: "long",
    timeStyle: "short",
    timeZone: figures.timeZone,
  }).format(new Date(figures.computedAt));
  const overall = weeksTable({
    id: "weeks-all",
    caption: "Alle Kanäle zusammen, nach Wochen",
    rows: responses.weeks.map((week) => ({ week, figures: week.overall })),
  });
  const channels = figures.channels
    .map((channel, i) => {
      const id = `weeks-${i + 1}`;
      return `<h3>${escapeHtml(channel.name)}</h3>${weeksTable({
        id,
        caption: `${escapeHtml(channel.name)}, nach Wochen`,
        rows: responses.weeks.map((week) => ({ week, figures: week.byChannel[i] as PublicResponseFigures })),
      })}`;
    })
    .join("\n");
  const summary = summaryHtml(responses.overall);
  return `<h1>Transparenz: Wie wir antworten und moderieren</h1>
<p class="meta">Zeitraum: ${periodText(figures)} (12 volle Wochen, Montag bis Sonntag). Berechnet am ${escapeHtml(computed)} Uhr.</p>
<section aria-labelledby="explained"><h2 id="explained">Was die Zahlen bedeuten</h2>
<ul>
<li><strong>Erste Antworten</strong>: wie oft die Verwaltung in der Woche zum ersten Mal auf eine Frage oder einen Kommentar geantwortet hat.</li>
<li><strong>Median</strong>: die Hälfte der ersten Antworten kam schneller, die andere Hälfte langsamer. Gezählt wird nur Arbeitszeit (Bürozeiten; Wochenenden und Feiertage zählen nicht). „Std.“ steht für Arbeitsstunden, „Min.“ für Minuten.</li>
<li><strong>Innerhalb der Frist</strong>: der Anteil der ersten Antworten, die innerhalb der Antwortfrist kamen, die sich die Verwaltung gesetzt hat.</li>
<li><strong>weniger als 5</strong> oder <strong>–</strong>: Kleine Zahlen zeigen wir nicht, damit niemand auf einzelne Personen schließen kann. Auch einen Median oder Anteil aus weniger als 5 Antworten zeigen wir nicht; ein Strich steht auch dort, wo sich eine nicht gezeigte Zahl sonst aus der Summe errechnen ließe.</li>
</ul>
<p>Die Zahlen sind zusammengefasst und enthalten keine Namen, weder von Bürgerinnen und Bürgern noch von Beschäftigten.</p>
</section>
<section aria-labelledby="responses"><h2 id="responses">Wie schnell wir antworten</h2>
${summary}
${overall}
${channels}
</section>
${moderationHtml(figures)}`;
}
