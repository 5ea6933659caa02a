// Veröffentlichung: what the organisation published in the period against the one before — over time per channel
// account, per channel and campaign —, what failed, how approval (Freigabe) went, the reactions the networks
// reported and the posts with most of them; with one campaign chosen, its posts and citizens' replies per hour.
// Every chart with its table and CSV and a summary in words.
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { type PublishingQuery, type PublishingReport, reportsApi } from "../../api/reports";
import { useLoad } from "../../api/useLoad";
import { Chart } from "../../components/charts/Chart";
import { DataTable } from "../../components/DataTable";
import { ErrorMessage } from "../../components/ErrorMessage";
import { useDates } from "../../components/formatDates";
import { useOrg } from "../../components/OrgLayout";
import { PageHeading } from "../../components/PageHeading";
import { PeriodLine } from "./PeriodLine";
import { PublishingTables } from "./PublishingTables";
import { ReportFilters } from "./ReportFilters";
import { publishingChart, publishingSummary, timelineChart, timelineSummary } from "./publishingCharts";
import { useReportFilter } from "./reportFilter";
import { useReportFormat } from "./reportFormat";
import "./publishingReport.css";

export function PublishingReportPage() {
  const { t } = useTranslation();
  const org = useOrg();
  const format = useReportFormat();
  const dates = useDates();
  const filter = useReportFilter();
  const campaign = filter.address.campaign;
  const query = useMemo<PublishingQuery>(
    () => ({ ...filter.query, campaignIds: campaign || undefined }),
    [filter.query, campaign],
  );
  const [report, setReport] = useState<PublishingReport | null>(null);
  const [error, setError] = useState<unknown>(null);
  useLoad((signal) => reportsApi.publishing(org.id, query, { signal }), setReport, [org.id, query], {
    onError: setError,
  });
  const hourLabel = (iso: string) => dates.format(iso, "compact");
  const option = useMemo(() => (report ? publishingChart(report, t, format) : null), [report, t, format]);
  const timeline = report?.campaignTimeline ?? null;
  return (
    <section aria-labelledby="page-heading">
      <PageHeading title={t("reports.tab.publishing")} id="page-heading" />
      <ReportFilters
        address={filter.address}
        choices={report?.choices ?? null}
        shown={report?.period}
        onChange={filter.change}
      >
        <label className="field compact">
          <span>{t("reports.publishing.campaign")}</span>
          <select value={campaign} onChange={(e) => filter.change({ campaign: e.target.value })}>
            <option value="">{t("reports.publishing.allCampaigns")}</option>
            <option value="none">{t("reports.publishing.noCampaign")}</option>
            {report?.choices.campaigns.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name} ({c.hashtag})
              </option>
            ))}
          </select>
        </label>
      </ReportFilters>
      <ErrorMessage error={error} />
      {report ? (
        <>
          <PeriodLine period={report.period} />
          <PublishingFigures report={report} />
          {timeline ? (
            <Chart
              title={t("reports.publishing.timeline", { campaign: timeline.name, hashtag: timeline.hashtag })}
              summary={timelineSummary(timeline, t, format, hourLabel)}
              option={timelineChart(timeline, t, hourLabel)}
              table={
                <DataTable
                  caption={t("reports.publishing.timelineTable", { campaign: timeline.name })}
                  fileName="kampagne-verlauf"
                  rows={timeline.hours}
                  rowKey={(h) => h.start}
                  columns={[
                    { label: t("reports.publishing.hour"), value: (h) => hourLabel(h.start) },
                    { label: t("reports.publishing.posts"), value: (h) => h.posts },
                    { label: t("reports.publishing.citizenReplies"), value: (h) => h.replies },
                  ]}
                />
              }
            />
          ) : null}
          {report.totals.publications === 0 && report.totals.failed === 0 ? (
            <p className="empty">{t("reports.publishing.nothing")}</p>
          ) : (
            <>
              <Chart
                title={t("reports.publishing.overTime")}
                summary={publishingSummary(report, t, format)}
                option={option ?? {}}
                table={
                  <DataTable
                    caption={t("reports.publishing.overTimeTable")}
                    fileName="veroeffentlichungen-verlauf"
                    rows={report.steps.map((start, i) => ({ start, i }))}
                    rowKey={(s) => s.start}
                    columns={[
                      { label: t("reports.date"), value: (s) => format.step(s.start, report.period.step) },
                      ...report.seriesByChannel.map((line) => ({
                        label: report.byChannel.find((c) => c.channelAccountId === line.channelAccountId)?.name ?? "",
                        value: (s: { i: number }) => line.publications[s.i] ?? 0,
                      })),
                    ]}
                  />
                }
              />
              <PublishingTables report={report} />
            </>
          )}
        </>
      ) : null}
    </section>
  );
}

function PublishingFigures({ report }: { report: PublishingReport }) {
  const { t } = useTranslation();
  const format = useReportFormat();
  const { totals: now, previous: before } = report;
  const reactions = (c: PublishingReport["totals"]) => c.likes + c.reposts + c.replies;
  const approvals = report.approvals;
  const tiles = [
    {
      label: t("reports.publishing.posts"),
      value: format.number(now.posts),
      was: t("reports.againstPrevious", { change: format.change(now.posts, before.posts) }),
    },
    {
      label: t("reports.publishing.publications"),
      value: format.number(now.publications),
      was: t("reports.againstPrevious", { change: format.change(now.publications, before.publications) }),
    },
    {
      label: t("reports.publishing.failed"),
      value: format.number(now.failed),
      was: t("reports.previousValue", { value: format.number(before.failed) }),
    },
    {
      label: t("reports.publishing.reactions"),
      value: format.number(reactions(now)),
      was: t("reports.againstPrevious", { change: format.change(reactions(now), reactions(before)) }),
    },
    {
      label: t("reports.publishing.approvalMedian"),
      value: format.duration(approvals.current.medianBusinessMs),
      was: t("reports.previousValue", { value: format.duration(approvals.previous.medianBusinessMs) }),
    },
  ];
  return (
    <dl className="figures">
      {tiles.map((tile) => (
        <div key={tile.label}>
          <dt>{tile.label}</dt>
          <dd>
            <span className="figure">{tile.value}</span> <span className="muted">{tile.was}</span>
          </dd>
        </div>
      ))}
    </dl>
  );
}
