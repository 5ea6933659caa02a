// The Veröffentlichung report's charts and summaries in words: publications per step stacked by channel account,
// and a campaign's posts (bars) and citizens' replies (line) per hour in the organisation's time zone.
import type { useTranslation } from "react-i18next";
import type { PublishingReport } from "../../api/reports";
import { LINE_STYLES } from "../../components/charts/palette";
import { CHANNEL_COLOURS, busiestChannels, channelColour } from "./publishingChannels";
import type { useReportFormat } from "./reportFormat";

type Format = ReturnType<typeof useReportFormat>;
type T = ReturnType<typeof useTranslation>["t"];
type Timeline = NonNullable<PublishingReport["campaignTimeline"]>;

export function channelName(report: PublishingReport, id: string): string {
  return report.byChannel.find((c) => c.channelAccountId === id)?.name ?? "";
}

export function publishingChart(report: PublishingReport, t: T, format: Format) {
  const channelIds = report.choices.channels.map((c) => c.id);
  return {
    legend: { top: 0 },
    grid: { left: 48, right: 16, top: 40, bottom: 32 },
    xAxis: { type: "category", data: report.steps.map((s) => format.step(s, report.period.step)) },
    yAxis: { type: "value", name: t("reports.publishing.publications"), minInterval: 1 },
    series: report.seriesByChannel.map((line) => ({
      name: channelName(report, line.channelAccountId),
      type: "bar",
      stack: "channels",
      itemStyle: { color: channelColour(channelIds, line.channelAccountId) },
      data: line.publications,
    })),
  };
}

export function publishingSummary(report: PublishingReport, t: T, format: Format): string {
  const { totals, previous } = report;
  const busiest = busiestChannels(report.byChannel);
  const parts = [
    t("reports.publishing.summary", {
      posts: format.number(totals.posts),
      publications: format.number(totals.publications),
      change: format.change(totals.publications, previous.publications),
    }),
  ];
  const [first] = busiest;
  if (first)
    parts.push(
      t(busiest.length > 1 ? "reports.publishing.summaryBusiestTie" : "reports.publishing.summaryBusiest", {
        channel: format.list(busiest.map((c) => c.name)),
        count: first.current.publications,
        value: format.number(first.current.publications),
      }),
    );
  if (totals.failed > 0)
    parts.push(t("reports.publishing.summaryFailed", { count: totals.failed, value: format.number(totals.failed) }));
  return parts.join(" ");
}

export function timelineChart(timeline: Timeline, t: T, hourLabel: (iso: string) => string) {
  const replies = LINE_STYLES[1];
  return {
    legend: { top: 0 },
    grid: { left: 48, right: 48, top: 40, bottom: 48 },
    xAxis: { type: "category", data: timeline.hours.map((h) => hourLabel(h.start)) },
    yAxis: [
      { type: "value", name: t("reports.publishing.posts"), minInterval: 1 },
      { type: "value", name: t("reports.publishing.citizenReplies"), minInterval: 1 },
    ],
    series: [
      {
        name: t("reports.publishing.posts"),
        type: "bar",
        itemStyle: { color: CHANNEL_COLOURS[0] },
        data: timeline.hours.map((h) => h.posts),
      },
      {
        name: t("reports.publishing.citizenReplies"),
        type: "line",
        yAxisIndex: 1,
        symbol: replies.symbol,
        symbolSize: 6,
        itemStyle: { color: replies.color },
        lineStyle: { color: replies.color, type: replies.type, width: 2 },
        data: timeline.hours.map((h) => h.replies),
      },
    ],
  };
}

export function timelineSummary(timeline: Timeline, t: T, format: Format, hourLabel: (iso: string) => string) {
  const peak = timeline.hours.reduce<Timeline["hours"][number] | null>(
    (best, h) => (best === null || h.posts + h.replies > best.posts + best.replies ? h : best),
    null,
  );
  const parts = [
    t("reports.publishing.timelineSummary", {
      campaign: timeline.name,
      hours: format.number(timeline.hours.length),
      posts: format.number(timeline.posts),
      replies: format.number(timeline.replies),
    }),
  ];
  if (peak && peak.posts + peak.replies > 0)
    parts.push(
      t("reports.publishing.timelinePeak", {
        hour: hourLabel(peak.start),
        posts: format.number(peak.posts),
        replies: format.number(peak.replies),
      }),
    );
  return parts.join(" ");
}
