// The reports' filters, kept in the address so a view can be bookmarked, shared and printed: a period
// (the last 7, 30 or 90 days, or from–to) and a channel account and department; Stimmung also a campaign,
// a post or a key term, Themen and Antwortzeiten a campaign or a post, Veröffentlichung a campaign (OWN_FILTERS:
// the other reports leave them out).
import { useMemo } from "react";
import { useSearchParams } from "react-router";
import type { ReportQuery } from "../../api/reports";
import { addressNow } from "../../components/addressNow";

export const PRESETS = ["7", "30", "90"] as const;
export type ReportAddress = {
  period: string;
  from: string;
  to: string;
  channel: string;
  department: string;
  campaign: string;
  post: string;
  topic: string;
};
/** The filters beyond period, channel and department, and the reports that know them. */
const OWN_FILTERS = {
  campaign: ["mood", "publishing", "topics", "response-times"],
  post: ["mood", "topics", "response-times"],
  topic: ["mood"],
} as const;

function readAddress(params: URLSearchParams): ReportAddress {
  return {
    period: params.get("period") ?? "30",
    from: params.get("from") ?? "",
    to: params.get("to") ?? "",
    channel: params.get("channel") ?? "",
    department: params.get("department") ?? "",
    campaign: params.get("campaign") ?? "",
    post: params.get("post") ?? "",
    topic: params.get("topic") ?? "",
  };
}

export function useReportFilter() {
  const [params, setParams] = useSearchParams();
  const address = readAddress(params);
  const key = params.toString();
  const query = useMemo<ReportQuery>(() => {
    const custom = address.period === "custom";
    const days = Number(address.period) || 30;
    return {
      // A preset counts back from the server's today in the organisation's time zone.
      from: custom ? address.from || undefined : undefined,
      to: custom ? address.to || undefined : undefined,
      days: custom ? undefined : days,
      channelAccountIds: address.channel || undefined,
      departmentIds: address.department || undefined,
      campaignIds: address.campaign || undefined,
      postIds: address.post || undefined,
      topics: address.topic || undefined,
    };
    // The address is the whole state: its text says when the query changed.
  }, [key]);
  const change = (next: Partial<ReportAddress>) => {
    // From the address as it is now, not as this render saw it (see addressNow).
    const merged = { ...readAddress(addressNow()), ...next };
    const entries = Object.entries(merged).filter(([name, value]) => {
      if (value === "" || (name === "period" && value === "30")) return false;
      return merged.period === "custom" || (name !== "from" && name !== "to");
    });
    setParams(new URLSearchParams(entries));
  };
  /** The address of Stimmung for one key term, with this view's period and other filters. */
  const moodOfTopic = (topic: string) => {
    const next = new URLSearchParams(params);
    next.delete("campaign");
    next.delete("post");
    next.set("topic", topic);
    return `?${next.toString()}`;
  };
  return { address, query, change, moodOfTopic, search: key ? `?${key}` : "" };
}

/** The address for another report's tab: without the filters that report cannot apply. */
export function addressFor(report: string, search: string): string {
  const params = new URLSearchParams(search);
  for (const [name, reports] of Object.entries(OWN_FILTERS))
    if (!(reports as readonly string[]).includes(report)) params.delete(name);
  // "Ohne Kampagne" is Veröffentlichung's: Stimmung, Themen and Antwortzeiten count chosen campaigns' posts only.
  if (report !== "publishing" && params.get("campaign") === "none") params.delete("campaign");
  const rest = params.toString();
  return rest ? `?${rest}` : "";
}
