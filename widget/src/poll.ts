// The poll part of the widget: options to vote on, or the results once they may be shown.
import type { PublicApi } from "./api.js";
import { h, time, uid } from "./dom.js";
import type { WidgetPoll } from "./types.js";

export function renderPoll(args: {
  api: PublicApi;
  entryId: string;
  poll: WidgetPoll;
  announce(message: string, isError?: boolean): void;
  onVoted(poll: WidgetPoll): void;
}): HTMLElement {
  const { poll } = args;
  const headingId = uid("poll");
  const section = h(
    "section",
    { class: "poll", "aria-labelledby": headingId },
    h("h2", { id: headingId }, `Umfrage: ${poll.question}`),
  );
  section.append(
    h("p", { class: "meta" }, poll.open ? "Abstimmung bis " : "Die Abstimmung ist beendet: ", time(poll.endsAt)),
  );
  if (poll.results) {
    const list = h("ul", { class: "results" });
    poll.results.options.forEach((o, i) => {
      const bar = h("div", { class: "bar-track", "aria-hidden": "true" }, h("div", { class: "bar" }));
      (bar.firstChild as HTMLElement).style.width = `${o.percent}%`;
      list.append(
        h(
          "li",
          {},
          `${o.label}: ${o.votes} ${o.votes === 1 ? "Stimme" : "Stimmen"} (${o.percent} %)${poll.votedFor === i ? " – Ihre Stimme" : ""}`,
          bar,
        ),
      );
    });
    section.append(list, h("p", {}, `${poll.results.total} Stimmen insgesamt.`));
    return section;
  }
  if (!poll.open || poll.votedFor !== null) {
    section.append(
      h(
        "p",
        {},
        poll.votedFor !== null
          ? "Danke für Ihre Stimme. Die Ergebnisse erscheinen nach dem Ende der Abstimmung."
          : "Die Ergebnisse erscheinen in Kürze.",
      ),
    );
    return section;
  }
  const fieldset = h("fieldset", {}, h("legend", {}, "Ihre Stimme"));
  const name = uid("option");
  poll.options.forEach((label, i) => {
    const id = uid("opt");
    fieldset.append(
      h(
        "div",
        { class: "option" },
        h("input", { type: "radio", name, id, value: String(i), required: i === 0 }),
        h("label", { for: id }, label),
      ),
    );
  });
  const button = h("button", { type: "submit" }, "Abstimmen") as HTMLButtonElement;
  const form = h("form", {}, fieldset, button);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const chosen = form.querySelector<HTMLInputElement>("input:checked");
    if (!chosen) return;
    button.disabled = true;
    args.announce("Ihre Stimme wird gesendet …");
    try {
      await args.api.ensureSession();
      const work = await args.api.work();
      const result = await args.api.post<{ poll: WidgetPoll }>(`/posts/${args.entryId}/vote`, {
        optionIndex: Number(chosen.value),
        work,
      });
      args.announce("Danke für Ihre Stimme.");
      args.onVoted(result.poll);
    } catch (error) {
      button.disabled = false;
      args.announce(error instanceof Error ? error.message : String(error), true);
    }
  });
  section.append(form);
  return section;
}
