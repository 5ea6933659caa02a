// The order of the start page's sections: what needs the person now before what does not. Three levels —
// urgent (a threat to check, an overdue question, a shitstorm warning, a channel to reconnect), waiting (something
// to approve, answer, read or confirm) and nothing to do — and within a level the page's usual order, so that
// the page keeps its shape from one visit to the next. The same order on every width: on a phone the sections
// stand one below the other, and what needs action must not be far down.

export const SECTION_ORDER = [
  "mine",
  "team",
  "postApprovals",
  "replyApprovals",
  "moderation",
  "alerts",
  "notifications",
  "channels",
  "guideline",
] as const;
export type SectionKey = (typeof SECTION_ORDER)[number];

/** 2: urgent, 1: something waits, 0: nothing to do. */
export type Need = 0 | 1 | 2;

type Counted = { count: number } | null;
/** What the order reads of the start page's answer (the contract's Overview). */
export interface OverviewNeeds {
  mine: { overdue: number; dueSoon: number } | null;
  team: { overdue: number; dueSoon: number } | null;
  postApprovals: Counted;
  replyApprovals: Counted;
  moderation: { count: number; threats: number } | null;
  alerts: Counted;
  notifications: Counted;
  channels: { count: number; items: { problem: string }[] } | null;
  guideline: { acknowledged: boolean; review: { state: string } | null } | null;
}

export function needOf(overview: OverviewNeeds, key: SectionKey): Need {
  const waits = (section: Counted) => (section && section.count > 0 ? 1 : 0);
  switch (key) {
    case "mine":
    case "team": {
      const due = overview[key];
      if (!due) return 0;
      return due.overdue > 0 ? 2 : due.dueSoon > 0 ? 1 : 0;
    }
    case "moderation": {
      const queue = overview.moderation;
      if (!queue) return 0;
      return queue.threats > 0 ? 2 : waits(queue);
    }
    case "alerts":
      return waits(overview.alerts) ? 2 : 0;
    case "channels": {
      const channels = overview.channels;
      if (!channels) return 0;
      return channels.items.some((c) => c.problem === "needs_reconnect") ? 2 : waits(channels);
    }
    case "guideline": {
      const guideline = overview.guideline;
      if (!guideline) return 0;
      return !guideline.acknowledged || (guideline.review !== null && guideline.review.state !== "current") ? 1 : 0;
    }
    default:
      return waits(overview[key]);
  }
}

/** The sections the person has, the most needed first, otherwise in the usual order. */
export function sectionsByNeed(overview: OverviewNeeds, shown: (key: SectionKey) => boolean): SectionKey[] {
  return SECTION_ORDER.filter(shown)
    .map((key, index) => ({ key, index, need: needOf(overview, key) }))
    .sort((a, b) => b.need - a.need || a.index - b.index)
    .map((s) => s.key);
}
