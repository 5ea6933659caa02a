// A tiny element builder. Text only ever enters the DOM through textContent, attributes through
// setAttribute with fixed names, and links only with http(s) targets, so citizen text cannot inject markup.
import { CITIZEN_LINK_REL, pieceCitizenText } from "../../src/text/citizenText.js";

type Child = Node | string | null | undefined | false;

export function h(
  tag: string,
  attrs: Record<string, string | boolean | undefined> = {},
  ...children: Child[]
): HTMLElement {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    el.setAttribute(name, value === true ? "" : value);
  }
  for (const child of children)
    if (child) el.append(typeof child === "string" ? document.createTextNode(child) : child);
  return el;
}

export function citizenText(text: string): DocumentFragment {
  const fragment = document.createDocumentFragment();
  for (const piece of pieceCitizenText(text)) {
    if (piece.kind === "break") fragment.append(document.createElement("br"));
    else if (piece.kind === "text") fragment.append(document.createTextNode(piece.text));
    else {
      const a = document.createElement("a");
      a.href = piece.href;
      a.rel = CITIZEN_LINK_REL;
      a.textContent = piece.text;
      fragment.append(a);
    }
  }
  return fragment;
}

const dateTime = new Intl.DateTimeFormat("de-DE", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Berlin" });

export function time(iso: string): HTMLElement {
  return h("time", { datetime: iso }, `${dateTime.format(new Date(iso))} Uhr`);
}

let ids = 0;
export const uid = (prefix: string) => `${prefix}-${++ids}`;
