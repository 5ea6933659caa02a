// The one search (Ctrl+K and the search page): one query over what the person may see — conversations (by
// their messages), posts, knowledge articles, Textbausteine, moderation cases, colleagues and channel accounts.
import { z } from "zod";
import { ZId, ZOrgParams, ZTimestamp } from "./common.js";
import type { ContractGroup } from "./route.js";

export const SEARCH_KINDS = ["conversations", "posts", "articles", "templates", "cases", "people", "channels"] as const;
export type TSearchKind = (typeof SEARCH_KINDS)[number];

export const ZSearchQuery = z.object({
  /** Words to look for: German stems, umlauts folded; typing errors forgiven in titles and names. */
  q: z.string().trim().min(2).max(200),
  /** Kinds to look in, comma-separated ("posts,articles"); all the person may see when left out. */
  kinds: z
    .string()
    .regex(new RegExp(`^(${SEARCH_KINDS.join("|")})(,(${SEARCH_KINDS.join("|")}))*$`), {
      message: `a comma-separated list of: ${SEARCH_KINDS.join(", ")}`,
    })
    .optional(),
  /**
   * Only what happened in this period (a message's arrival, a post's, article's or Textbaustein's last change, a
   * case's opening); colleagues and channels have no time and are left out when a period is given.
   */
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  /** Hits per kind. */
  limit: z.coerce.number().int().min(1).max(50).default(8),
});

export const ZSearchHit = z
  .object({
    kind: z.enum(SEARCH_KINDS),
    id: ZId,
    title: z.string(),
    /** A passage with the matched words between «» (never HTML); "" when only the title matched. */
    snippet: z.string(),
    /** When it happened: the message's arrival, the post's or article's last change; null for people and channels. */
    at: ZTimestamp.nullable(),
    /** The channel account's network (conversations, cases, channels). */
    network: z.string().nullable(),
  })
  .meta({ id: "SearchHit" });

export const ZSearchResult = z
  .object({
    hits: z.array(ZSearchHit),
    /** The kinds searched: those asked for that the person may see. */
    kinds: z.array(z.enum(SEARCH_KINDS)),
  })
  .meta({ id: "SearchResult" });

export const searchContract = {
  "GET /api/orgs/:orgId/search": {
    tag: "Search",
    summary: "Search everything the person may see",
    description:
      "Best hits first within each kind. Messages are indexed by a background job within seconds; the newest " +
      "not yet indexed are searched directly.",
    params: ZOrgParams,
    query: ZSearchQuery,
    responses: { 200: ZSearchResult },
  },
} as const satisfies ContractGroup;
