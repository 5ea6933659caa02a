// The Veröffentlichung report's tables: per channel account and per campaign (with the reactions), approval
// against the period before, and the posts with most reactions — each with its CSV — and when the networks last
// reported their counters.
import { useTranslation } from "react-i18next";
import type { PublishingReport } from "../../api/reports";
import { type Column, DataTable } from "../../components/DataTable";
import { useDates } from "../../components/formatDates";
import { useReportFormat } from "./reportFormat";

type Counts = PublishingReport["totals"];
type Row = { key: string; name: string; current: Counts; previous: Counts };
type Approval = PublishingReport["approvals"]["current"];

export function PublishingTables({ report }: { report: PublishingReport }) {
  const { t } = useTranslation();
  const format = useReportFormat();
  const dates = useDates();
  const reactionColumns = <R,>(of: (row: R) => { likes: number; reposts: number; replies: number }): Column<R>[] => [
    { label: t("reports.publishing.likes"), value: (r) => of(r).likes },
    { label: t("reports.publishing.reposts"), value: (r) => of(r).reposts },
    { label: t("reports.publishing.replies"), value: (r) => of(r).replies },
  ];
  const columns: Column<Row>[] = [
    { label: t("reports.name"), value: (r) => r.name },
    { label: t("reports.publishing.publications"), value: (r) => r.current.publications },
    { label: t("reports.publishing.previousPublications"), value: (r) => r.previous.publications },
    { label: t("reports.publishing.posts"), value: (r) => r.current.posts },
    { label: t("reports.publishing.failed"), value: (r) => r.current.failed },
    ...reactionColumns<Row>((r) => r.current),
  ];
  // Calendar time runs over nights and weekends: beyond two days, in days and hours.
  const calendarTime = (ms: number | null) => {
    if (ms === null || ms < 48 * 3_600_000) return format.duration(ms);
    const hours = Math.round(ms / 3_600_000);
    return t("reports.publishing.daysHours", { days: Math.floor(hours / 24), hours: hours % 24 });
  };
  const approvalRows: { key: string; label: string; value: (a: Approval) => string | number }[] = [
    { key: "approved", label: t("reports.publishing.approved"), value: (a) => a.approved },
    { key: "changes", label: t("reports.publishing.changesRequested"), value: (a) => a.changesRequested },
    { key: "rejected", label: t("reports.publishing.rejected"), value: (a) => a.rejected },
    { key: "none", label: t("reports.publishing.withoutReview"), value: (a) => a.withoutReview },
    { key: "template", label: t("reports.publishing.fromTemplate"), value: (a) => a.fromTemplate },
    { key: "median", label: t("reports.publishing.medianBusiness"), value: (a) => format.duration(a.medianBusinessMs) },
    { key: "p90", label: t("reports.publishing.p90Business"), value: (a) => format.duration(a.p90BusinessMs) },
    { key: "medianCal", label: t("reports.publishing.medianCalendar"), value: (a) => calendarTime(a.medianMs) },
    { key: "p90Cal", label: t("reports.publishing.p90Calendar"), value: (a) => calendarTime(a.p90Ms) },
  ];
  return (
    <>
      <h2>{t("reports.byChannel")}</h2>
      <DataTable
        caption={t("reports.publishing.byChannelTable")}
        fileName="veroeffentlichung-kanaele"
        rows={report.byChannel.map((c) => ({ key: c.channelAccountId, ...c }))}
        rowKey={(r) => r.key}
        columns={columns}
      />
      <p className="muted">
        {report.countersAsOf
          ? t("reports.publishing.countersAsOf", { time: dates.format(report.countersAsOf) })
          : t("reports.publishing.noCounters")}
      </p>
      <h2>{t("reports.publishing.byCampaign")}</h2>
      <DataTable
        caption={t("reports.publishing.byCampaignTable")}
        fileName="veroeffentlichung-kampagnen"
        rows={report.byCampaign.map((c) => ({
          key: c.campaignId ?? "none",
          current: c.current,
          previous: c.previous,
          name: c.campaignId
            ? c.name
              ? `${c.name} (${c.hashtag ?? ""})`
              : t("reports.publishing.campaignOutOfReach")
            : t("reports.publishing.noCampaign"),
        }))}
        rowKey={(r) => r.key}
        columns={columns}
      />
      <h2>{t("reports.publishing.approvals")}</h2>
      <DataTable
        caption={t("reports.publishing.approvalsTable")}
        fileName="veroeffentlichung-freigaben"
        rows={approvalRows}
        rowKey={(r) => r.key}
        columns={[
          { label: t("reports.publishing.figure"), value: (r) => r.label },
          { label: t("reports.publishing.thisPeriod"), value: (r) => r.value(report.approvals.current) },
          { label: t("reports.publishing.previousPeriod"), value: (r) => r.value(report.approvals.previous) },
        ]}
      />
      <p className="muted">{t("reports.publishing.approvalsNote")}</p>
      <h2>{t("reports.publishing.topPosts")}</h2>
      {report.topPosts.length === 0 ? (
        <p className="empty">{t("reports.publishing.noReactions")}</p>
      ) : (
        <DataTable
          caption={t("reports.publishing.topPostsTable")}
          fileName="veroeffentlichung-reaktionen"
          rows={report.topPosts}
          rowKey={(p) => p.postId}
          columns={[
            { label: t("reports.publishing.post"), value: (p) => p.title },
            { label: t("reports.publishing.publishedAt"), value: (p) => dates.format(p.publishedAt) },
            { label: t("reports.publishing.campaign"), value: (p) => p.campaignName ?? "", text: true },
            {
              label: t("reports.publishing.channels"),
              value: (p) => p.channels.map((c) => c.name).join(", "),
              text: true,
            },
            ...reactionColumns<PublishingReport["topPosts"][number]>((p) => ({
              likes: p.channels.reduce((n, c) => n + c.likes, 0),
              reposts: p.channels.reduce((n, c) => n + c.reposts, 0),
              replies: p.channels.reduce((n, c) => n + c.replies, 0),
            })),
            { label: t("reports.publishing.reactions"), value: (p) => p.reactions },
          ]}
        />
      )}
    </>
  );
}
