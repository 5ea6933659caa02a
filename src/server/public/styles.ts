// The stylesheet of the citizen pages (served from our own origin; CSP allows no inline styles).
// Colours meet WCAG 2.1 AA contrast; the accent comes from the organisation's theme.css.
export const PUBLIC_CSS = `
:root { --accent: #0b5394; --text: #1a1a1a; --muted: #555; --bg: #fff; --soft: #f3f5f8; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--text); background: var(--bg); line-height: 1.55; font-size: 1.0625rem; }
.wrap { max-width: 46rem; margin: 0 auto; padding: 0 1rem; }
a { color: var(--accent); }
a:focus-visible, button:focus-visible, input:focus-visible, textarea:focus-visible, main:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
.skip-link { position: absolute; left: -999px; top: 0; background: var(--bg); padding: .5rem 1rem; }
.skip-link:focus { left: 1rem; }
.site-header { background: var(--accent); color: #fff; padding: .75rem 0; }
.site-header a { color: #fff; }
.site-header .wrap { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: center; gap: .5rem; }
.site-name { font-weight: 700; margin: 0; font-size: 1.2rem; }
.site-header ul, .site-footer ul, .pager { list-style: none; display: flex; flex-wrap: wrap; gap: 1rem; margin: 0; padding: 0; }
main { padding-top: 1.5rem; padding-bottom: 2rem; }
.site-footer { border-top: 1px solid #ccc; padding: 1rem 0 2rem; color: var(--muted); font-size: .95rem; }
.feed { list-style: none; padding: 0; }
.feed > li { border-bottom: 1px solid #ddd; padding: 1rem 0; }
.meta { color: var(--muted); font-size: .95rem; margin: .25rem 0; }
.comments, .replies { list-style: none; padding: 0; }
.replies { margin-left: 1.5rem; border-left: 3px solid #ddd; padding-left: 1rem; }
.comment { background: var(--soft); border-radius: .5rem; padding: .75rem 1rem; margin: .75rem 0; }
.comment .text { overflow-wrap: anywhere; }
.comment.staff { background: #eef5ee; border-left: 6px solid #1e6b2f; }
.badge { display: inline-block; margin: 0; font-weight: 700; color: #1e6b2f; }
.poll { border: 1px solid #ccc; border-radius: .5rem; padding: 0 1rem 1rem; margin: 1.5rem 0; }
.media { margin: 1rem 0; }
.medium { margin: 0 0 1rem; }
.medium img, .medium video { display: block; max-width: 100%; height: auto; border-radius: .375rem; }
.medium figcaption { color: var(--muted); font-size: .95rem; margin-top: .25rem; }
.clauses li { margin-bottom: .75rem; }
.notice { background: var(--soft); padding: .75rem 1rem; border-radius: .5rem; }
.visually-hidden { position: absolute; width: 1px; height: 1px; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
.table-wrap { overflow-x: auto; margin: 1rem 0 1.5rem; }
table { border-collapse: collapse; width: 100%; font-size: .95rem; }
caption { text-align: left; font-weight: 700; padding-bottom: .5rem; }
th, td { text-align: left; padding: .4rem .5rem; border-bottom: 1px solid #ccc; vertical-align: top; }
thead th { border-bottom: 2px solid var(--text); }
th.num, td.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num { white-space: nowrap; }
.cell-label { display: none; }
.share { display: inline-flex; align-items: center; gap: .5rem; white-space: nowrap; }
@media (max-width: 40rem) {
  table.stack, table.stack caption, table.stack tbody, table.stack tr, table.stack th, table.stack td { display: block; }
  table.stack thead { position: absolute; width: 1px; height: 1px; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); }
  table.stack tr { border-bottom: 1px solid #ccc; padding: .5rem 0; }
  table.stack th, table.stack td { border: 0; padding: .15rem 0; }
  table.stack td { display: flex; justify-content: space-between; align-items: baseline; gap: 1rem; white-space: normal; }
  table.stack .cell-label { display: block; text-align: left; color: var(--muted); }
  table.stack .cell-value { text-align: right; }
}
.bar-track { fill: #d9dee5; }
.bar-fill { fill: var(--accent); }
@media print { .bar { display: none; } }
button { font: inherit; background: var(--accent); color: #fff; border: 0; border-radius: .375rem; padding: .5rem 1rem; cursor: pointer; }
`;

export function themeCss(accentColor: string): string {
  // The colour was validated as #rrggbb when it was saved; checked again, since this is CSS.
  const accent = /^#[0-9a-fA-F]{6}$/.test(accentColor) ? accentColor : "#0b5394";
  return `:root { --accent: ${accent}; }\n`;
}
