// What a member limited to one department may get from each organisation route (test/route-access.test.ts):
// the decisions of docs/ARCHITECTURE.md ("Who sees what") as data, one line per route that is not refused.
/**
 * What a member limited to one department gets from each organisation route when everything in reach is of
 * another department, or of no department (the whole organisation's). Not listed: refused, for a lack of
 * scope. "filtered": a list, empty for them though not for an administrator. "shared": things every member
 * works with. Files and reply templates of no department are references shared with everyone.
 */
const LIMITED_SHARED = new Set([
  "GET /api/orgs/:orgId",
  "POST /api/orgs/:orgId/open",
  "GET /api/orgs/:orgId/office-schedule",
  "GET /api/orgs/:orgId/departments",
  "GET /api/orgs/:orgId/guidelines",
  "POST /api/orgs/:orgId/guidelines/:guidelineId/acknowledge",
  "GET /api/orgs/:orgId/holidays",
  "GET /api/orgs/:orgId/channels",
  "GET /api/orgs/:orgId/channel-connections",
  "GET /api/orgs/:orgId/channel-networks",
  "GET /api/orgs/:orgId/website/settings",
  "GET /api/orgs/:orgId/moderation/settings",
  "GET /api/orgs/:orgId/inbox/rules",
  "GET /api/orgs/:orgId/inbox/coverage",
  "GET /api/orgs/:orgId/inbox/colleagues",
  "GET /api/orgs/:orgId/inbox/events",
  "POST /api/orgs/:orgId/inbox/notifications/read",
  // The knowledge base is read (and commented on) across departments: that is its point. Changing is scoped.
  "GET /api/orgs/:orgId/knowledge/articles",
  "GET /api/orgs/:orgId/knowledge/articles/:articleId",
  "GET /api/orgs/:orgId/knowledge/articles/:articleId/diff",
  "GET /api/orgs/:orgId/knowledge/articles/:articleId/media/:mediaId",
  "POST /api/orgs/:orgId/knowledge/articles/:articleId/comments",
  "GET /api/orgs/:orgId/knowledge/cleanup",
  // So is what other organisations share with it; sharing, adopting and leaving updates are scoped.
  "GET /api/orgs/:orgId/knowledge/collections",
  "GET /api/orgs/:orgId/knowledge/collections/:collectionId",
  "GET /api/orgs/:orgId/knowledge/shared-items/:itemId",
  // And what other installations' feeds bring it; subscribing and adopting are scoped.
  "GET /api/orgs/:orgId/knowledge/feeds",
  "GET /api/orgs/:orgId/knowledge/feeds/:feedId",
  "GET /api/orgs/:orgId/knowledge/feed-items/:itemId",
]);
const SHARED_REFERENCES = new Set([
  "GET /api/orgs/:orgId/media",
  "GET /api/orgs/:orgId/media/:mediaId/content",
  "GET /api/orgs/:orgId/media/:mediaId/thumbnail",
  "GET /api/orgs/:orgId/inbox/templates",
]);
/**
 * Files made for the viewer from what they may see: a limited member gets one too, holding only their departments
 * (the weekly report's PDF; test/weekly-report.test.ts reads it and checks that).
 */
const LIMITED_SCOPED_FILES = new Set(["GET /api/orgs/:orgId/reports/weekly.pdf"]);
export type ListBody = Record<string, unknown[]>;
/** The items of a section of the start page (an object with `items`; null where the section is not theirs). */
const itemsOf = (section: unknown): unknown[] =>
  typeof section === "object" && section !== null && "items" in section && Array.isArray(section.items)
    ? section.items
    : [];
const OVERVIEW_SECTIONS = ["mine", "team", "postApprovals", "replyApprovals", "moderation", "alerts", "notifications"];
export const LIMITED_LISTS: Record<string, (body: ListBody) => unknown[]> = {
  "GET /api/orgs/:orgId/posts": (b) => b.posts ?? [],
  "GET /api/orgs/:orgId/calendar": (b) => b.posts ?? [],
  "GET /api/orgs/:orgId/campaigns": (b) => b.campaigns ?? [],
  "GET /api/orgs/:orgId/inbox/conversations": (b) => b.conversations ?? [],
  "GET /api/orgs/:orgId/website/comments": (b) => b.comments ?? [],
  "GET /api/orgs/:orgId/moderation/cases": (b) => [...(b.cases ?? []), ...(b.alerts ?? [])],
  "GET /api/orgs/:orgId/media": (b) => b.media ?? [],
  "GET /api/orgs/:orgId/inbox/templates": (b) => b.templates ?? [],
  "GET /api/orgs/:orgId/inbox/workload": (b) => [...(b.people ?? []), ...(b.departments ?? [])],
  "GET /api/orgs/:orgId/inbox/notifications": (b) => b.notifications ?? [],
  "GET /api/orgs/:orgId/reports/mood": (b) => [
    ...(b.byChannel ?? []),
    ...(b.byDepartment ?? []),
    ...(b.byPost ?? []),
    ...(b.byTopic ?? []),
    ...(b.mostNegativePosts ?? []),
    ...(b.mostPositivePosts ?? []),
    // The posts and campaigns to filter by: only the member's (their department's posts and campaigns).
    ...Object.values((b.postChoices ?? {}) as Record<string, unknown[]>).flat(),
  ],
  "GET /api/orgs/:orgId/reports/topics": (b) => [...(b.topics ?? []), ...(b.repeatedQuestions ?? [])],
  "GET /api/orgs/:orgId/reports/response-times": (b) => [
    ...(b.byChannel ?? []),
    ...(b.byDepartment ?? []),
    ...(b.byPerson ?? []),
  ],
  // Days with held, hidden, deleted or flagged messages, and alerts: none of another department's.
  "GET /api/orgs/:orgId/reports/moderation": (b) => [
    ...(b.series ?? []).filter((s) =>
      Object.values(s as Record<string, unknown>).some((n) => typeof n === "number" && n > 0),
    ),
    ...(b.byClause ?? []),
    ...(b.alertList ?? []),
  ],
  // The seeded campaign of another department is no choice of theirs; nothing of it is counted for them.
  "GET /api/orgs/:orgId/reports/publishing": (b) => [
    ...((b.choices as unknown as { campaigns?: unknown[] })?.campaigns ?? []),
    ...(b.byChannel ?? []),
    ...(b.byCampaign ?? []),
    ...(b.topPosts ?? []),
  ],
  // The one search: no hit of another department's (people and channels are kinds of their own rules).
  "GET /api/orgs/:orgId/search": (b) =>
    (b.hits ?? []).filter((hit) => !["people", "channels"].includes((hit as { kind: string }).kind)),
  "GET /api/orgs/:orgId/overview": (b) => OVERVIEW_SECTIONS.flatMap((section) => itemsOf(b[section])),
  // The navigation's counts: the ones above zero.
  "GET /api/orgs/:orgId/overview/counts": (b) => Object.values(b).filter((n) => typeof n === "number" && n > 0),
};

export function limitedExpectation(key: string, orgWide: boolean): "refused" | "filtered" | "shared" {
  if (LIMITED_SHARED.has(key) || LIMITED_SCOPED_FILES.has(key) || (orgWide && SHARED_REFERENCES.has(key)))
    return "shared";
  return LIMITED_LISTS[key] ? "filtered" : "refused";
}
