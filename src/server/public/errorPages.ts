// The citizens' error pages: German, in the layout of every public page (with the organisation's
// header and footer when the address names one), and with the HTTP status that says what happened, so
// that search engines and link checkers see a missing page as missing.
import { type LayoutOrg, escapeHtml, pageHtml } from "./html.js";

export type PublicErrorKind = "not_found" | "bad_address" | "failed";

const PAGES: Record<PublicErrorKind, { status: number; title: string; text: string }> = {
  not_found: { status: 404, title: "Nicht gefunden", text: "Diese Seite gibt es nicht (mehr)." },
  bad_address: {
    status: 400,
    title: "Ungültige Adresse",
    text: "Diese Adresse ist fehlerhaft, vielleicht wurde der Link beim Kopieren abgeschnitten. Bitte prüfen Sie ihn.",
  },
  failed: { status: 500, title: "Ein Fehler ist aufgetreten", text: "Bitte versuchen Sie es später noch einmal." },
};

export function publicErrorPage(kind: PublicErrorKind, org: LayoutOrg | null): { status: number; body: string } {
  const page = PAGES[kind];
  const home = org
    ? `<p><a href="/p/${encodeURIComponent(org.slug)}">Zu den aktuellen Beiträgen von ${escapeHtml(org.name)}</a></p>`
    : "";
  const main = `<h1>${page.title}</h1><p>${page.text}</p>${home}`;
  return { status: page.status, body: pageHtml({ org, title: page.title, main }) };
}
