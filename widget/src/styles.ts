// The widget's own styles, isolated in its Shadow DOM. Host pages theme it with --draht-accent.
export const WIDGET_CSS = `
:host { all: initial; display: block; --accent: var(--draht-accent, var(--draht-org-accent, #0b5394)); color: #1a1a1a; font-family: var(--draht-font, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif); font-size: 1rem; line-height: 1.55; }
* { box-sizing: border-box; }
a { color: var(--accent); }
:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
h2 { font-size: 1.35rem; margin: 1.25rem 0 .5rem; }
h3 { font-size: 1.15rem; margin: 1rem 0 .5rem; }
ol { list-style: none; padding: 0; margin: 0; }
.post { margin-bottom: 1rem; }
.meta { color: #555; font-size: .9rem; margin: .25rem 0; }
.comment { background: #f3f5f8; border-radius: .5rem; padding: .75rem 1rem; margin: .75rem 0; overflow-wrap: anywhere; }
.comment p { margin: .25rem 0; }
.comment.staff { background: #eef5ee; border-left: 6px solid #1e6b2f; }
.comment.pending { border: 2px dashed #8a6d00; }
.badge { font-weight: 700; color: #1e6b2f; }
.pending-note { font-weight: 700; color: #6b5500; }
.replies { margin-left: 1.5rem; border-left: 3px solid #ddd; padding-left: 1rem; }
.poll { border: 1px solid #ccc; border-radius: .5rem; padding: .5rem 1rem 1rem; margin: 1rem 0; }
fieldset { border: 0; padding: 0; margin: 0; }
legend { font-weight: 700; padding: 0; margin-bottom: .5rem; }
.option { display: flex; gap: .5rem; align-items: center; margin: .25rem 0; }
.bar { height: .5rem; background: var(--accent); border-radius: .25rem; }
.bar-track { background: #e3e7ee; border-radius: .25rem; margin-bottom: .5rem; }
label { display: block; font-weight: 600; margin-top: .75rem; }
.hint { font-weight: 400; color: #555; font-size: .9rem; }
input[type=text], input[type=email], textarea { width: 100%; font: inherit; padding: .5rem; border: 1px solid #6b6b6b; border-radius: .375rem; }
textarea { min-height: 7rem; }
.check { display: flex; gap: .5rem; align-items: flex-start; font-weight: 400; }
.check input { margin-top: .35rem; }
.trap { position: absolute; left: -10000px; width: 1px; height: 1px; overflow: hidden; }
button { font: inherit; background: var(--accent); color: #fff; border: 0; border-radius: .375rem; padding: .5rem 1rem; margin-top: .75rem; cursor: pointer; }
button.link { background: none; color: var(--accent); padding: 0; margin: 0; text-decoration: underline; }
button[disabled] { opacity: .7; cursor: progress; }
.status { margin-top: .75rem; }
.error { color: #a4000f; font-weight: 600; }
.feed li { border-bottom: 1px solid #ddd; padding: .75rem 0; }
figure { margin: 0 0 1rem; }
img, video { display: block; max-width: 100%; height: auto; border-radius: .375rem; }
figcaption { color: #555; font-size: .9rem; }
`;

export function adoptStyles(root: ShadowRoot): void {
  if ("adoptedStyleSheets" in root && typeof CSSStyleSheet === "function" && "replaceSync" in CSSStyleSheet.prototype) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(WIDGET_CSS);
    root.adoptedStyleSheets = [sheet];
    return;
  }
  const style = document.createElement("style");
  style.textContent = WIDGET_CSS;
  root.append(style);
}
