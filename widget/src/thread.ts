// A post's dialogue: poll, comment thread (replies one level deep, answers of the administration
// marked) and the comment form, mounted in a Shadow DOM on the host element.
import { type PublicApi, createApi } from "./api.js";
import { createCommentForm } from "./commentForm.js";
import { citizenText, h, time } from "./dom.js";
import { renderMedia } from "./media.js";
import { renderPoll } from "./poll.js";
import { adoptStyles } from "./styles.js";
import type { WidgetComment, WidgetThread } from "./types.js";

export async function mountThread(
  host: HTMLElement,
  options: { origin: string; org: string; entryId: string; showPost: boolean },
): Promise<void> {
  const api = createApi(options.origin, options.org);
  const root = host.attachShadow({ mode: "open" });
  adoptStyles(root);
  const content = h("div");
  const live = h("div", { class: "status", role: "status", "aria-live": "polite" });
  const announce = (message: string | Node, isError = false) => {
    live.className = isError ? "status error" : "status";
    live.replaceChildren(message);
  };
  let page = Number(host.dataset.drahtPage ?? "1") || 1;
  const load = async () => {
    const thread = await api.get<WidgetThread>(`/posts/${options.entryId}?page=${page}`);
    // A token the server no longer knows (expired session) is dropped; a new one comes with the next action.
    if (!thread.viewer.hasSession) api.forgetSession();
    host.style.setProperty("--draht-org-accent", thread.org.settings.accentColor);
    form.update(thread);
    content.replaceChildren(...render(thread));
  };
  const form = createCommentForm({
    api,
    origin: options.origin,
    entryId: options.entryId,
    announce,
    onPosted: () => load(),
  });
  const render = (thread: WidgetThread): Node[] => {
    const parts: Node[] = [];
    if (options.showPost) {
      const { entry } = thread;
      parts.push(
        h(
          "article",
          { class: "post" },
          h("h2", {}, entry.headline),
          h("p", { class: "meta" }, thread.org.name, " · ", time(entry.publishedAt)),
          entry.body && h("p", {}, citizenText(entry.body)),
          renderMedia(options.origin, thread.org.slug, entry.media),
        ),
      );
    }
    if (thread.poll) {
      const entryId = options.entryId;
      const slot = h("div");
      const draw = (poll: NonNullable<WidgetThread["poll"]>) =>
        slot.replaceChildren(renderPoll({ api, entryId, poll, announce, onVoted: draw }));
      draw(thread.poll);
      parts.push(slot);
    }
    parts.push(h("h2", {}, "Kommentare"));
    parts.push(
      thread.comments.length
        ? commentList(thread, api, (c) => form.replyTo(c))
        : h("p", {}, "Noch keine Kommentare. Schreiben Sie den ersten!"),
    );
    if (thread.pages > 1) parts.push(pager(thread, (next) => ((page = next), load())));
    return parts;
  };
  // Until the thread has loaded, the server-rendered fallback (if any) shows through a slot; then it goes.
  const fallback = document.createElement("slot");
  content.append(fallback);
  root.append(h("section", { "aria-label": "Bürgerdialog" }, content, form.element, live));
  try {
    await load();
    host.replaceChildren();
  } catch (error) {
    announce(error instanceof Error ? error.message : "Der Dialog konnte nicht geladen werden.", true);
  }
}

function commentList(
  thread: WidgetThread,
  _api: PublicApi,
  onReply: (c: { id: string; displayName: string }) => void,
): HTMLElement {
  const label = thread.org.settings.answerLabel;
  const item = (comment: WidgetComment, topLevel: boolean): HTMLElement => {
    if (comment.state === "deleted")
      return h("article", { class: "comment" }, h("p", {}, h("em", {}, "Kommentar gelöscht.")));
    const staff = comment.authorKind === "staff";
    // An answer carries its label once; an acknowledgement says what it is and that only the reader gets it.
    const name = comment.acknowledgement ? "Automatische Eingangsbestätigung" : label;
    const article = h(
      "article",
      {
        class: `comment${staff ? " staff" : ""}${comment.state === "pending" ? " pending" : ""}`,
        "aria-label": staff ? name : `Kommentar von ${comment.displayName}`,
      },
      staff && h("p", { class: "badge" }, name),
      (comment.state === "pending" || comment.acknowledgement) &&
        h(
          "p",
          { class: "pending-note" },
          comment.acknowledgement ? "Nur für Sie sichtbar." : "Wartet auf Freigabe – nur für Sie sichtbar.",
        ),
      staff
        ? h("p", { class: "meta" }, time(comment.createdAt))
        : h(
            "p",
            { class: "meta" },
            h("span", { class: "author" }, comment.displayName),
            " · ",
            time(comment.createdAt),
          ),
      h("p", {}, citizenText(comment.text)),
    );
    if (topLevel && comment.state === "visible" && thread.commentsOpen) {
      const reply = h("button", { type: "button", class: "link" }, "Antworten");
      reply.setAttribute("aria-label", `Auf den Kommentar von ${comment.displayName} antworten`);
      reply.addEventListener("click", () => onReply(comment));
      article.append(reply);
    }
    return article;
  };
  return h(
    "ol",
    { class: "comments" },
    ...thread.comments.map((c) =>
      h(
        "li",
        {},
        item(c, true),
        c.replies.length ? h("ol", { class: "replies" }, ...c.replies.map((r) => h("li", {}, item(r, false)))) : null,
      ),
    ),
  );
}

function pager(thread: WidgetThread, go: (page: number) => void): HTMLElement {
  const nav = h("nav", { "aria-label": "Seiten der Kommentare" });
  if (thread.page > 1) {
    const prev = h("button", { type: "button", class: "link" }, "Vorherige Kommentare");
    prev.addEventListener("click", () => go(thread.page - 1));
    nav.append(prev, " ");
  }
  nav.append(`Seite ${thread.page} von ${thread.pages} `);
  if (thread.page < thread.pages) {
    const next = h("button", { type: "button", class: "link" }, "Weitere Kommentare");
    next.addEventListener("click", () => go(thread.page + 1));
    nav.append(next);
  }
  return nav;
}
