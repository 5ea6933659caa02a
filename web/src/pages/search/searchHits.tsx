// What the search page and the Ctrl+K dialog share: where a hit leads, its passage with the matched words
// marked (they come between «» as plain text, never HTML), and hits grouped by kind in a fixed order.
import { SEARCH_KIND_ORDER, type SearchHit, type SearchKind } from "../../api/search";

/** The page that shows the thing a hit names. */
export function hrefOf(orgId: string, hit: SearchHit): string {
  const base = `/o/${orgId}`;
  switch (hit.kind) {
    case "conversations":
      return `${base}/inbox?c=${hit.id}`;
    case "posts":
      return `${base}/publish/${hit.id}`;
    case "articles":
      return `${base}/knowledge/articles/${hit.id}`;
    case "templates":
      return `${base}/knowledge/templates`;
    case "cases":
      return `${base}/moderation/cases/${hit.id}`;
    case "people":
      return `${base}/admin/members`;
    case "channels":
      return `${base}/admin/channels`;
  }
}

/** «matched» words as <mark>, the rest as text. */
export function Marked({ text }: { text: string }) {
  const parts = text.split(/[«»]/);
  return <>{parts.map((part, i) => (i % 2 === 1 ? <mark key={i}>{part}</mark> : <span key={i}>{part}</span>))}</>;
}

export function groupedHits(hits: SearchHit[]): { kind: SearchKind; hits: SearchHit[] }[] {
  return SEARCH_KIND_ORDER.map((kind) => ({ kind, hits: hits.filter((hit) => hit.kind === kind) })).filter(
    (group) => group.hits.length > 0,
  );
}
