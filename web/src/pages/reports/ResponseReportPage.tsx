// Antwortzeiten: first answers and resolution in business hours — median, 90th percentile, share within the
// target — in the period against the one before, over time, per department, channel account and person; what
// waited and was overdue at the end of each day, and what waits right now; every chart with its table and CSV,
// and the rules of counting in plain words. By campaign or post too (then without the waiting series).
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { type ResponseFigures, type ResponseReport, reportsApi } from "../../api/reports";
import { useLoad } from "../../api/useLoad";
import { Chart } from "../../components/charts/Chart";
import { LINE_STYLES } from "../../components/charts/palette";
import { type Column, DataTable } from "../../components/DataTable";
import { ErrorMessage } from "../../components/ErrorMessage";
import { useOrg } from "../../components/OrgLayout";
import { PageHeading } from "../../components/PageHeading";
import { PeriodLine } from "./PeriodLine";
import { ReportFilters } from "./ReportFilters";
import { useReportFilter } from "./reportFilter";
import { shareOf, useReportFormat } from "./reportFormat";
import { firstAnswerColumns, resolutionColumns } from "./responseColumns";
import { ResponseRules } from "./ResponseRules";
import { ResponseTiles } from "./ResponseTiles";
import { WaitingChart } from "./WaitingChart";
import "./responseReport.css";

type Row = { key: string; name: string; current: ResponseFigures };
type Format = ReturnType<typeof useReportFormat>;
type T = ReturnType<typeof useTranslation>["t"];
const HOUR = 3_600_000;
const CAPTIONS = {
  byDepartment: "responseByDepartment",
  byChannel: "responseByChannel",
  byPerson: "responseByPerson",
} as const;

export function ResponseReportPage() {
  const { t } = useTranslation();
  const org = useOrg();
  const filter = useReportFilter();
  const [report, setReport] = useState<ResponseReport | null>(null);
  const [error, setError] = useState<unknown>(null);
  useLoad((signal) => reportsApi.responseTimes(org.id, filter.query, { signal }), setReport, [org.id, filter.query], {
    onError: setError,
  });
  return (
    <section aria-labelledby="page-heading">
      <PageHeading title={t("reports.tab.response-times")} id="page-heading" />
      <ReportFilters
        address={filter.address}
        choices={report?.choices ?? null}
        shown={report?.period}
        postChoices={report?.postChoices ?? null}
        postHint={t("reports.responseByPost.filterHint")}
        onChange={filter.change}
      />
      <ErrorMessage error={error} />
      {report ? (
        <>
          <PeriodLine period={report.period} />
          <ResponseRules />
          <ResponseTiles report={report} />
          {report.totals.answered === 0 ? (
            <p className="empty">{t("reports.noAnswers")}</p>
          ) : (
            <ResponseChart report={report} />
          )}
          {report.waitingSeries ? (
            <WaitingChart report={report} series={report.waitingSeries} />
          ) : (
            <p className="muted">{t("reports.responseByPost.noWaitingSeries")}</p>
          )}
          <PartTables report={report} />
        </>
      ) : null}
    </section>
  );
}

function ResponseChart({ report }: { report: ResponseReport }) {
  const { t } = useTranslation();
  const format = useReportFormat();
  const option = useMemo(() => chartOption(report, t, format), [report, t, format]);
  return (
    <Chart
      title={t("reports.responseOverTime")}
      summary={summaryOf(report, t, format)}
      option={option}
      table={
        <DataTable
          caption={t("reports.responseTable")}
          fileName="antwortzeiten-verlauf"
          rows={report.series}
          rowKey={(s) => s.start}
          columns={[
            { label: t("reports.date"), value: (s) => format.step(s.start, report.period.step) },
            ...firstAnswerColumns<ResponseReport["series"][number]>(t, format, (s) => s.figures),
            ...resolutionColumns<ResponseReport["series"][number]>(t, format, (s) => s.figures),
          ]}
        />
      }
    />
  );
}

/** Per department, channel account and person: first answers and resolution side by side. */
function PartTables({ report }: { report: ResponseReport }) {
  const { t } = useTranslation();
  const format = useReportFormat();
  const columns: Column<Row>[] = [
    { label: t("reports.name"), value: (r) => r.name },
    ...firstAnswerColumns<Row>(t, format, (r) => r.current),
    ...resolutionColumns<Row>(t, format, (r) => r.current),
  ];
  const parts = [
    [
      "byDepartment",
      "antwortzeiten-fachbereiche",
      report.byDepartment.map((d) => ({
        key: d.departmentId ?? "none",
        name: d.name ?? t(d.departmentId ? "reports.deletedDepartment" : "inbox.noDepartment"),
        current: d.current,
      })),
    ],
    [
      "byChannel",
      "antwortzeiten-kanaele",
      report.byChannel.map((c) => ({ key: c.channelAccountId, name: c.name, current: c.current })),
    ],
    [
      "byPerson",
      "antwortzeiten-personen",
      report.byPerson.map((p) => ({
        key: p.userId ?? "none",
        name: p.name ?? t("reports.automatic"),
        current: p.current,
      })),
    ],
  ] as const;
  return parts
    .filter(([, , rows]) => rows.length > 0)
    .map(([key, fileName, rows]) => (
      <section key={key} aria-labelledby={`${key}-heading`}>
        <h2 id={`${key}-heading`}>{t(`reports.${key}`)}</h2>
        <DataTable
          caption={t(`reports.${CAPTIONS[key]}`)}
          fileName={fileName}
          rows={[...rows]}
          rowKey={(r) => r.key}
          columns={columns}
        />
      </section>
    ));
}

function summaryOf(report: ResponseReport, t: T, format: Format): string {
  const { totals } = report;
  const { resolution } = totals;
  const answers = t("reports.responseSummary", {
    answered: format.number(totals.answered),
    median: format.duration(totals.medianMs, totals.medianAtLeast),
    p90: format.duration(totals.p90Ms, totals.p90AtLeast),
    within: format.percent(shareOf(totals.withinTarget, totals.withTarget)),
  });
  if (resolution.resolved === 0) return answers;
  return `${answers} ${t("reports.resolution.summary", {
    resolved: format.number(resolution.resolved),
    median: format.duration(resolution.medianMs, resolution.medianAtLeast),
    p90: format.duration(resolution.p90Ms, resolution.p90AtLeast),
  })}`;
}

function chartOption(report: ResponseReport, t: T, format: Format) {
  const hours = (ms: number | null) => (ms === null ? null : Math.round((ms / HOUR) * 100) / 100);
  const lines = [
    { name: t("reports.median"), data: report.series.map((s) => hours(s.figures.medianMs)) },
    { name: t("reports.p90"), data: report.series.map((s) => hours(s.figures.p90Ms)) },
  ];
  return {
    legend: { top: 0 },
    grid: { left: 56, right: 16, top: 40, bottom: 32 },
    xAxis: { type: "category", data: report.series.map((s) => format.step(s.start, report.period.step)) },
    yAxis: { type: "value", name: t("reports.businessHours") },
    series: lines.map((line, i) => {
      const style = LINE_STYLES[i % LINE_STYLES.length] ?? LINE_STYLES[0];
      return {
        ...line,
        type: "line",
        connectNulls: false,
        symbol: style.symbol,
        symbolSize: 7,
        itemStyle: { color: style.color },
        lineStyle: { color: style.color, type: style.type, width: 2 },
      };
    }),
  };
}
