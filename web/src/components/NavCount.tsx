// The count next to a navigation entry: how much in that area needs this person (overdue questions, open
// moderation cases, posts to approve). Shown as a number; the link's accessible name says it in words
// ("Posteingang, 3 überfällig"), set as its label so that no layout puts a stray space into it. Nothing when
// nothing waits.
import type { TFunction } from "i18next";
import type { OverviewCounts } from "../api/overview";
import type { AreaId } from "./areas";

export interface NavCountOf {
  count: number;
  /** The link's whole accessible name: the area's name and the count in words. */
  label: string;
}

export function navCountOf(area: AreaId, counts: OverviewCounts | null, t: TFunction): NavCountOf | null {
  if (!counts) return null;
  const name = t(`nav.${area}`);
  const threats = counts.moderationThreats ?? 0;
  if (area === "inbox" && counts.inboxOverdue)
    return { count: counts.inboxOverdue, label: name + t("nav.count.inbox", { count: counts.inboxOverdue }) };
  if (area === "moderation" && counts.moderationOpen)
    return {
      count: counts.moderationOpen,
      label:
        name +
        t("nav.count.moderation", { count: counts.moderationOpen }) +
        (threats > 0 ? t("nav.count.threats", { count: threats }) : ""),
    };
  if (area === "publish" && counts.postApprovals)
    return { count: counts.postApprovals, label: name + t("nav.count.publish", { count: counts.postApprovals }) };
  return null;
}

export function NavCount({ shown }: { shown: NavCountOf | null }) {
  if (!shown) return null;
  // A space before the number: the visible text ("Posteingang 3") is then part of the accessible name.
  return (
    <>
      {" "}
      <span className="nav-count">{shown.count}</span>
    </>
  );
}
