// The admin app's call for the one search (Ctrl+K and the search page). Shapes come from the server's contract.
import type { TSearchKind, ZSearchHit, ZSearchResult } from "@contract/search";
import type { Wire } from "@contract/route";
import { call } from "./client";

export type SearchKind = TSearchKind;
export type SearchHit = Wire<typeof ZSearchHit>;
export type SearchResult = Wire<typeof ZSearchResult>;

/** The kinds in the order their groups are shown (the contract's; a type import keeps zod out of the bundle). */
export const SEARCH_KIND_ORDER = [
  "conversations",
  "posts",
  "articles",
  "templates",
  "cases",
  "people",
  "channels",
] as const satisfies readonly SearchKind[];

export const searchApi = {
  search: (
    orgId: string,
    query: { q: string; kinds?: SearchKind[]; limit?: number; from?: string; to?: string },
    options?: { signal?: AbortSignal },
  ) =>
    call(
      "GET /api/orgs/:orgId/search",
      {
        params: { orgId },
        query: {
          q: query.q,
          ...(query.kinds?.length ? { kinds: query.kinds.join(",") } : {}),
          ...(query.limit ? { limit: query.limit } : {}),
          ...(query.from ? { from: query.from } : {}),
          ...(query.to ? { to: query.to } : {}),
        },
      },
      options,
    ),
};
