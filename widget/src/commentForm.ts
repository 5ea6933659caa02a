// The comment form: name (pseudonym allowed), optional e-mail for answer notices, the text, the
// Netiquette acceptance before the first comment, and a honeypot field hidden from people.
import { ApiError, type PublicApi } from "./api.js";

const STALE = new Set(["DRAHT_ERR_NETIQUETTE_NOT_ACCEPTED", "DRAHT_ERR_NOT_AUTHENTICATED"]);
import { h, uid } from "./dom.js";
import type { WidgetThread } from "./types.js";

export interface CommentForm {
  element: HTMLElement;
  update(thread: WidgetThread): void;
  replyTo(comment: { id: string; displayName: string }): void;
}

interface Posted {
  id: string;
  status: "visible" | "held" | "hidden";
  deleteUrl: string;
  confirmationSent: boolean;
}

export function createCommentForm(args: {
  api: PublicApi;
  origin: string;
  entryId: string;
  announce(message: string | Node, isError?: boolean): void;
  onPosted(): Promise<void>;
}): CommentForm {
  const ids = {
    name: uid("name"),
    email: uid("email"),
    text: uid("text"),
    trap: uid("trap"),
    accept: uid("accept"),
    heading: uid("form"),
  };
  let thread: WidgetThread | null = null;
  let parent: { id: string; displayName: string } | null = null;
  const name = h("input", {
    id: ids.name,
    type: "text",
    name: "displayName",
    required: true,
    maxlength: "60",
    autocomplete: "nickname",
  }) as HTMLInputElement;
  const email = h("input", {
    id: ids.email,
    type: "email",
    name: "email",
    maxlength: "254",
    autocomplete: "email",
  }) as HTMLInputElement;
  const text = h("textarea", { id: ids.text, name: "text", required: true, maxlength: "5000" }) as HTMLTextAreaElement;
  const trap = h("input", {
    id: ids.trap,
    type: "text",
    name: "website",
    tabindex: "-1",
    autocomplete: "off",
  }) as HTMLInputElement;
  const accept = h("input", { id: ids.accept, type: "checkbox", name: "netiquette" }) as HTMLInputElement;
  const netiquetteLink = h("a", { target: "_blank", rel: "noopener" }, "Netiquette");
  const acceptRow = h(
    "div",
    {},
    h(
      "label",
      { class: "check", for: ids.accept },
      accept,
      h("span", {}, "Ich habe die ", netiquetteLink, " gelesen und halte mich daran."),
    ),
  );
  const replyNote = h("p", { hidden: true });
  const submit = h("button", { type: "submit" }, "Kommentar senden") as HTMLButtonElement;
  const form = h(
    "form",
    { "aria-labelledby": ids.heading },
    replyNote,
    h("label", { for: ids.name }, "Name ", h("span", { class: "hint" }, "(Pseudonym erlaubt; wird angezeigt)")),
    name,
    h(
      "label",
      { for: ids.email },
      "E-Mail ",
      h(
        "span",
        { class: "hint" },
        "(freiwillig, nicht öffentlich: nur für eine Nachricht, wenn die Verwaltung antwortet; Sie bestätigen sie per E-Mail)",
      ),
    ),
    email,
    h("label", { for: ids.text }, "Ihr Kommentar"),
    text,
    h(
      "div",
      { class: "trap", "aria-hidden": "true" },
      h("label", { for: ids.trap }, "Bitte dieses Feld leer lassen"),
      trap,
    ),
    acceptRow,
    submit,
  ) as HTMLFormElement;
  const element = h("section", { class: "write" }, h("h2", { id: ids.heading }, "Kommentar schreiben"), form);

  const showReply = () => {
    replyNote.hidden = parent === null;
    replyNote.replaceChildren();
    if (!parent) return;
    const cancel = h("button", { type: "button", class: "link" }, "Antwort abbrechen");
    cancel.addEventListener("click", () => {
      parent = null;
      showReply();
    });
    replyNote.append(`Ihre Antwort auf den Kommentar von ${parent.displayName}. `, cancel);
  };

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (!thread) return;
    if (!form.reportValidity()) return;
    const mustAccept = thread.netiquette !== null && !thread.viewer.netiquetteAccepted;
    if (mustAccept && !accept.checked) {
      args.announce("Bitte bestätigen Sie, dass Sie die Netiquette gelesen haben.", true);
      accept.focus();
      return;
    }
    submit.disabled = true;
    args.announce("Wird gesendet … (Ihr Browser löst dabei eine kleine Rechenaufgabe gegen Spam)");
    try {
      await args.api.ensureSession();
      if (mustAccept && thread.netiquette)
        await args.api.post("/netiquette/accept", { netiquetteId: thread.netiquette.id });
      const work = await args.api.work();
      const posted = await args.api.post<Posted>(`/posts/${args.entryId}/comments`, {
        displayName: name.value,
        email: email.value.trim() || null,
        text: text.value,
        parentId: parent?.id ?? null,
        website: trap.value,
        work,
      });
      text.value = "";
      parent = null;
      showReply();
      await args.onPosted();
      args.announce(confirmation(posted));
    } catch (error) {
      args.announce(error instanceof Error ? error.message : String(error), true);
      // A lost session or a new Netiquette version: show the thread as it now stands (acceptance again).
      if (error instanceof ApiError && STALE.has(error.code)) await args.onPosted().catch(() => undefined);
    } finally {
      submit.disabled = false;
    }
  });

  return {
    element,
    update(next) {
      thread = next;
      element.hidden = !next.commentsOpen;
      acceptRow.hidden = next.netiquette === null || next.viewer.netiquetteAccepted;
      if (next.netiquette) {
        netiquetteLink.setAttribute("href", `${args.origin}/p/${encodeURIComponent(next.org.slug)}/netiquette`);
        netiquetteLink.textContent = `Netiquette (Version ${next.netiquette.version})`;
      }
    },
    replyTo(comment) {
      parent = comment;
      showReply();
      text.focus();
    },
  };
}

function confirmation(posted: Posted): Node {
  const lines = [
    posted.status === "visible"
      ? "Danke! Ihr Kommentar ist veröffentlicht."
      : "Danke! Ihr Kommentar wartet auf Freigabe durch die Moderation.",
    posted.confirmationSent ? " Bitte bestätigen Sie Ihre E-Mail-Adresse über den Link, den wir Ihnen senden." : "",
  ];
  return h(
    "span",
    {},
    lines.join(""),
    " Mit diesem persönlichen Link können Sie Ihren Kommentar jederzeit löschen (bitte aufbewahren): ",
    h("a", { href: posted.deleteUrl }, "Kommentar löschen"),
  );
}
