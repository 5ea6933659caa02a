// Building blocks of the server-rendered citizen pages. Everything that comes from a citizen or from
// staff input passes escapeHtml; citizen text goes through pieceCitizenText (text, breaks, safe links).
import { CITIZEN_LINK_REL, pieceCitizenText } from "../../text/citizenText.js";

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Citizen or staff text as HTML: escaped, line breaks kept, http(s) links with rel="nofollow ugc …". */
export function citizenTextHtml(text: string): string {
  return pieceCitizenText(text)
    .map((piece) => {
      if (piece.kind === "break") return "<br>";
      if (piece.kind === "text") return escapeHtml(piece.text);
      return `<a href="${escapeHtml(piece.href)}" rel="${CITIZEN_LINK_REL}">${escapeHtml(piece.text)}</a>`;
    })
    .join("");
}

/** Paragraphs of a post: blank lines separate them. */
export function paragraphsHtml(text: string): string {
  return text
    .split(/\n\s*\n/)
    .filter((p) => p.trim() !== "")
    .map((p) => `<p>${citizenTextHtml(p.trim())}</p>`)
    .join("\n");
}

const dateTime = new Intl.DateTimeFormat("de-DE", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Berlin" });
const dateOnly = new Intl.DateTimeFormat("de-DE", { dateStyle: "long", timeZone: "Europe/Berlin" });

export function timeHtml(iso: string, withTime = true): string {
  const at = new Date(iso);
  return `<time datetime="${at.toISOString()}">${withTime ? `${dateTime.format(at)} Uhr` : dateOnly.format(at)}</time>`;
}

export function dateLabel(iso: string): string {
  return dateOnly.format(new Date(iso));
}

export interface LayoutOrg {
  slug: string;
  name: string;
  settings: { impressumUrl: string | null; privacyUrl: string | null; transparencyPage?: boolean };
}

/**
 * The layout of every citizen page. Without an organisation (an error page at an address that names
 * none) the header and footer carry no organisation's name, links or theme.
 */
export function pageHtml(args: { org: LayoutOrg | null; title: string; main: string; script?: boolean }): string {
  const { org } = args;
  const base = org ? `/p/${encodeURIComponent(org.slug)}` : null;
  const transparency = org?.settings.transparencyPage ? `<li><a href="${base}/transparenz">Transparenz</a></li>` : "";
  const legal = org
    ? [
        org.settings.impressumUrl ? `<li><a href="${escapeHtml(org.settings.impressumUrl)}">Impressum</a></li>` : "",
        org.settings.privacyUrl ? `<li><a href="${escapeHtml(org.settings.privacyUrl)}">Datenschutz</a></li>` : "",
        `<li><a href="${base}/netiquette">Netiquette</a></li>`,
        transparency,
      ].join("")
    : "";
  const header = org
    ? `<header class="site-header"><div class="wrap">
<p class="site-name"><a href="${base}">${escapeHtml(org.name)}</a></p>
<nav aria-label="Bürgerdialog"><ul><li><a href="${base}">Aktuelles</a></li><li><a href="${base}/netiquette">Netiquette</a></li>${transparency}</ul></nav>
</div></header>`
    : "";
  return `<!doctype html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(args.title)}${org ? ` – ${escapeHtml(org.name)}` : ""}</title>
<link rel="stylesheet" href="/p/assets/public.css">
${base ? `<link rel="stylesheet" href="${base}/theme.css">` : ""}
</head>
<body>
<a class="skip-link" href="#inhalt">Zum Inhalt springen</a>
${header}
<main id="inhalt" class="wrap" tabindex="-1">
${args.main}
</main>
<footer class="site-footer"><div class="wrap">
${legal ? `<ul>${legal}</ul>` : ""}
<p>Diese Seiten setzen keine Cookies und laden nichts von fremden Servern.</p>
</div></footer>
${args.script ? '<script src="/widget/draht-widget.js" defer></script>' : ""}
</body>
</html>`;
}
