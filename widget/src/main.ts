// The embeddable citizen widget: one <script> tag, and containers that say what to show:
//   <div data-draht-thread="POST-ID" data-draht-org="musterstadt"></div>   a post with poll and comments
//   <div data-draht-feed="musterstadt" data-draht-limit="5"></div>          the latest posts
// The same script enhances draht's own public post pages.
import { mountFeed } from "./feed.js";
import { mountThread } from "./thread.js";

const script = document.currentScript as HTMLScriptElement | null;
const defaultOrigin = script?.src ? new URL(script.src).origin : location.origin;

function mountAll(): void {
  for (const el of document.querySelectorAll<HTMLElement>("[data-draht-thread]")) {
    if (el.shadowRoot) continue;
    const origin = el.dataset.drahtOrigin ?? defaultOrigin;
    const org = el.dataset.drahtOrg ?? "";
    const entryId = el.dataset.drahtThread ?? "";
    void mountThread(el, { origin, org, entryId, showPost: el.dataset.drahtShowPost === "true" });
  }
  for (const el of document.querySelectorAll<HTMLElement>("[data-draht-feed]")) {
    if (el.shadowRoot) continue;
    const origin = el.dataset.drahtOrigin ?? defaultOrigin;
    void mountFeed(el, { origin, org: el.dataset.drahtFeed ?? "", limit: Number(el.dataset.drahtLimit ?? "5") || 5 });
  }
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mountAll);
else mountAll();
