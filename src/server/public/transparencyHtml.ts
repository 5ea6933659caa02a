// The transparency page's content: response times as a table of the weeks, overall and per channel (with a
// small bar of the share within the target, drawn as SVG attributes since the CSP allows no inline style),
// moderation decisions and objections by Netiquette clause, and what the figures mean. Hidden small counts
// read "weniger als 5" or "–" with the reason in words for screen readers and in the legend.
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

function weeksTable(args: {
  id: string;
  caption: string;
  rows: { week: TransparencyWeek; figures: PublicResponseFigures }[];
}) {
  const body = args.rows
    .map(
      ({ week, figures }) =>
        `<tr><th scope="row">${weekLabel(week)}</th><td>${countHtml(figures.answered)}</td><td>${medianHtml(figures.medianMs)}</td><td>${shareHtml(figures.withinTarget)}</td></tr>`,
    )
    .join("\n");
  return `<div class="table-wrap" role="region" aria-labelledby="${args.id}" tabindex="0"><table>
<caption id="${args.id}">${args.caption}</caption>
<thead><tr><th scope="col">Woche</th><th scope="col">Erste Antworten</th><th scope="col">Median bis zur ersten Antwort</th><th scope="col">Innerhalb der Frist</th></tr></thead>
<tbody>
${body}
</tbody></table></div>`;
}

const KIND_HEADINGS = ["Verborgen", "Gelöscht", "Ermahnt oder verwarnt", "Geprüft und sichtbar gelassen"];
const APPEAL_HEADINGS = ["Entscheidung geändert", "Entscheidung bestätigt", "Noch offen"];

function moderationHtml(figures: TransparencyFigures): string {
  const rows = figures.clauses
    .map((c) => {
      const name = `§${c.clause}${c.title ? ` ${escapeHtml(c.title)}` : " (frühere Fassung der Netiquette)"}`;
      return `<tr><th scope="row">${name}</th>${c.cells.map((cell) => `<td>${countHtml(cell)}</td>`).join("")}<td>${countHtml(c.total)}</td></tr>`;
    })
    .join("\n");
  const table = rows
    ? `<div class="table-wrap" role="region" aria-labelledby="moderation-caption" tabindex="0"><table>
<caption id="moderation-caption">Entscheidungen der Moderation nach Regel der Netiquette, ${periodText(figures)}</caption>
<thead><tr><th scope="col">Regel</th>${KIND_HEADINGS.map((h) => `<th scope="col">${h}</th>`).join("")}<th scope="col">Zusammen</th></tr></thead>
<tbody>
${rows}
</tbody></table></div>`
    : `<p>In diesem Zeitraum hat die Moderation keine Entscheidung getroffen.</p>`;
  const appeals = figures.appeals;
  const appealTable = `<div class="table-wrap" role="region" aria-labelledby="appeals-caption" tabindex="0"><table>
<caption id="appeals-caption">Einsprüche gegen Entscheidungen der Moderation und ihr Ausgang, ${periodText(figures)}</caption>
<thead><tr>${APPEAL_HEADINGS.map((h) => `<th scope="col">${h}</th>`).join("")}<th scope="col">Zusammen</th></tr></thead>
<tbody><tr>${appeals.cells.map((cell) => `<td>${countHtml(cell)}</td>`).join("")}<td>${countHtml(appeals.total)}</td></tr></tbody></table></div>`;
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
<li><strong>weniger als 5</strong> oder <strong>–</strong>: Kleine Zahlen zeigen wir nicht, damit niemand auf einzelne Personen schließen kann. Auch einen Median oder Anteil aus weniger als 5 Antworten zeigen wir nicht; ein Strich steht auch dort, wo sich eine verborgene Zahl sonst aus der Summe errechnen ließe.</li>
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
