// The server-rendered thread and poll of a post page: readable without JavaScript. With JavaScript the
// widget takes over the same container and adds voting, commenting and replying.
import type { PublicComment } from "../../app/website/get-public-thread.js";
import { citizenTextHtml, escapeHtml, timeHtml } from "./html.js";

interface PollView {
  question: string;
  options: string[];
  endsAt: string;
  open: boolean;
  results: { total: number; options: { label: string; votes: number; percent: number }[] } | null;
}

export function pollHtml(poll: PollView): string {
  const heading = `<h2 id="umfrage">Umfrage: ${escapeHtml(poll.question)}</h2>`;
  const ends = poll.open
    ? `<p>Abstimmung bis ${timeHtml(poll.endsAt)}.</p>`
    : `<p>Die Abstimmung ist beendet (${timeHtml(poll.endsAt)}).</p>`;
  if (poll.results) {
    const rows = poll.results.options
      .map(
        (o) =>
          `<li><span class="poll-label">${escapeHtml(o.label)}</span>: ${o.votes} ${o.votes === 1 ? "Stimme" : "Stimmen"} (${o.percent} %)</li>`,
      )
      .join("");
    return `<section class="poll" aria-labelledby="umfrage">${heading}${ends}<ul class="poll-results">${rows}</ul><p>${poll.results.total} Stimmen insgesamt.</p></section>`;
  }
  const options = poll.options.map((o) => `<li>${escapeHtml(o)}</li>`).join("");
  const note = poll.open
    ? "<p>Zum Abstimmen wird JavaScript benötigt. Die Ergebnisse erscheinen nach Ihrer Stimme oder nach dem Ende.</p>"
    : "";
  return `<section class="poll" aria-labelledby="umfrage">${heading}${ends}<ul>${options}</ul>${note}</section>`;
}

function commentHtml(comment: PublicComment, answerLabel: string): string {
  if (comment.state === "deleted")
    return `<article class="comment deleted" id="kommentar-${comment.id}"><p><em>Kommentar gelöscht.</em></p></article>`;
  // An answer carries the organisation's label once, as its heading line; a citizen's comment their name.
  const byline =
    comment.authorKind === "staff"
      ? `<p class="badge">${escapeHtml(answerLabel)}</p><p class="meta">${timeHtml(comment.createdAt)}</p>`
      : `<p class="meta"><span class="author">${escapeHtml(comment.displayName)}</span> · ${timeHtml(comment.createdAt)}</p>`;
  const name = comment.authorKind === "staff" ? answerLabel : `Kommentar von ${comment.displayName}`;
  return `<article class="comment${comment.authorKind === "staff" ? " staff" : ""}" id="kommentar-${comment.id}" aria-label="${escapeHtml(name)}">
${byline}
<div class="text">${citizenTextHtml(comment.text)}</div></article>`;
}

export function threadHtml(args: {
  comments: PublicComment[];
  answerLabel: string;
  page: number;
  pages: number;
  baseUrl: string;
}): string {
  const items = args.comments
    .map((c) => {
      const replies = c.replies.length
        ? `<ol class="replies">${c.replies.map((r) => `<li>${commentHtml(r, args.answerLabel)}</li>`).join("")}</ol>`
        : "";
      return `<li>${commentHtml(c, args.answerLabel)}${replies}</li>`;
    })
    .join("\n");
  const pager =
    args.pages > 1
      ? `<nav aria-label="Seiten der Kommentare"><ul class="pager">${args.page > 1 ? `<li><a href="${args.baseUrl}?seite=${args.page - 1}">Vorherige Kommentare</a></li>` : ""}<li>Seite ${args.page} von ${args.pages}</li>${args.page < args.pages ? `<li><a href="${args.baseUrl}?seite=${args.page + 1}">Weitere Kommentare</a></li>` : ""}</ul></nav>`
      : "";
  return `<h2 id="kommentare">Kommentare</h2>${items ? `<ol class="comments">${items}</ol>` : "<p>Noch keine Kommentare.</p>"}${pager}`;
}
