// The one search: the words looked for in every kind the person may see (each kind asks the policy with the
// right its own list asks for), one query per kind, in parallel, each limited. Kinds the person may not see are
// left out quietly — the search is for everyone in the organisation, and nobody learns what they cannot see.
import { ZSearchQuery, SEARCH_KINDS, type TSearchKind } from "../../contract/search.js";
import { authorize, inOrganisation, organisationWide } from "../../domain/policy.js";
import type { Action } from "../../domain/roles.js";
import { type OrgActor, requireAllowed } from "../authorization.js";
import type { AppContext } from "../context.js";
import {
  type KindSearch,
  type SearchHitRow,
  searchArticles,
  searchCases,
  searchChannels,
  searchConversations,
  searchPeople,
  searchPosts,
  searchTemplates,
} from "./searchQueries.js";

interface Kind {
  action: Action;
  orgWide?: true;
  /** Has no time: left out when a period is asked for. */
  timeless?: true;
  run: (s: KindSearch) => Promise<SearchHitRow[]>;
}

const KINDS: Record<TSearchKind, Kind> = {
  conversations: { action: "inbox.view", run: searchConversations },
  posts: { action: "post.draft", run: searchPosts },
  articles: { action: "knowledge.view", run: searchArticles },
  templates: { action: "knowledge.view", run: searchTemplates },
  cases: { action: "moderation.view", run: searchCases },
  // The people of the whole organisation are its record (as the member list): not for department-limited people.
  people: { action: "member.view", orgWide: true, timeless: true, run: searchPeople },
  channels: { action: "channel.view", timeless: true, run: searchChannels },
};

export async function searchEverything(ctx: AppContext, options: { actor: OrgActor; orgId: string; query: unknown }) {
  requireAllowed(ctx, options.actor, "org.view", inOrganisation(options.orgId));
  const query = ZSearchQuery.parse(options.query);
  const now = ctx.clock();
  const asked = query.kinds ? query.kinds.split(",") : SEARCH_KINDS;
  const period = { from: query.from ? new Date(query.from) : undefined, to: query.to ? new Date(query.to) : undefined };
  const kinds = SEARCH_KINDS.filter((kind) => {
    const { action, orgWide, timeless } = KINDS[kind];
    if (timeless && (period.from || period.to)) return false;
    const resource = orgWide ? organisationWide(options.orgId) : inOrganisation(options.orgId);
    return asked.includes(kind) && authorize({ actor: options.actor, action, resource, now }).allowed;
  });
  const search: KindSearch = {
    ctx,
    actor: options.actor,
    orgId: options.orgId,
    q: query.q,
    limit: query.limit,
    ...period,
  };
  const found = await Promise.all(kinds.map((kind) => KINDS[kind].run(search)));
  return { hits: found.flat(), kinds };
}
