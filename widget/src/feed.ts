// The latest posts of an organisation, each linking to its page with the full dialogue.
import { createApi } from "./api.js";
import { h, time } from "./dom.js";
import { adoptStyles } from "./styles.js";
import type { WidgetFeed } from "./types.js";

export async function mountFeed(
  host: HTMLElement,
  options: { origin: string; org: string; limit: number },
): Promise<void> {
  const api = createApi(options.origin, options.org);
  const root = host.attachShadow({ mode: "open" });
  adoptStyles(root);
  const section = h("section", { "aria-label": "Aktuelles" });
  root.append(section);
  try {
    const feed = await api.get<WidgetFeed>(`/feed?limit=${options.limit}`);
    host.style.setProperty("--draht-org-accent", feed.org.settings.accentColor);
    section.append(
      h(
        "ol",
        { class: "feed" },
        ...feed.entries
          .slice(0, options.limit)
          .map((e) =>
            h(
              "li",
              {},
              h("a", { href: `${options.origin}/p/${encodeURIComponent(feed.org.slug)}/beitrag/${e.id}` }, e.headline),
              h(
                "p",
                { class: "meta" },
                time(e.publishedAt),
                ` · ${e.comments} ${e.comments === 1 ? "Kommentar" : "Kommentare"}${e.hasPoll ? " · mit Umfrage" : ""}`,
              ),
            ),
          ),
      ),
    );
  } catch (error) {
    section.append(
      h("p", { class: "error" }, error instanceof Error ? error.message : "Die Beiträge konnten nicht geladen werden."),
    );
  }
}
