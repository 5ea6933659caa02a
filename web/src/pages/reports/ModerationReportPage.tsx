// Moderation: held, hidden and deleted messages and the moderators' decisions over time, decisions by
// Netiquette rule and by kind, objections and how they ended, threats and evidence, shitstorm alerts — the
// period against the one before, counts only; every chart with its table and CSV.
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { type ModerationReport, moderationReportApi } from "../../api/moderationReport";
import { useLoad } from "../../api/useLoad";
import { Chart } from "../../components/charts/Chart";
import { DataTable } from "../../components/DataTable";
import { ErrorMessage } from "../../components/ErrorMessage";
import { useOrg } from "../../components/OrgLayout";
import { PageHeading } from "../../components/PageHeading";
import { ActionTable, AlertSection, AppealSection, ThreatSection } from "./ModerationReportSections";
import { PeriodLine } from "./PeriodLine";
import { ReportFilters } from "./ReportFilters";
import { useReportFilter } from "./reportFilter";
import { useReportFormat } from "./reportFormat";

type Format = ReturnType<typeof useReportFormat>;
type T = ReturnType<typeof useTranslation>["t"];
/** Okabe–Ito (told apart with every common colour vision deficiency); bars also carry decal patterns. */
const COLOURS = { held: "#0072B2", hidden: "#009E73", deleted: "#D55E00", decisions: "#1b1f24", previous: "#8C8C8C" };
const MESSAGE_FIELDS = ["held", "hidden", "deleted"] as const;

export function ModerationReportPage() {
  const { t } = useTranslation();
  const org = useOrg();
  const format = useReportFormat();
  const filter = useReportFilter();
  const [report, setReport] = useState<ModerationReport | null>(null);
  const [error, setError] = useState<unknown>(null);
  useLoad((signal) => moderationReportApi.get(org.id, filter.query, { signal }), setReport, [org.id, filter.query], {
    onError: setError,
  });
  const overTime = useMemo(() => (report ? overTimeOption(report, t, format) : null), [report, t, format]);
  const clauses = useMemo(() => (report ? clauseRows(report, t) : []), [report, t]);
  const clauseOption = useMemo(() => clauseChartOption(clauses, t), [clauses, t]);
  const empty = report ? isEmpty(report) : false;
  return (
    <section aria-labelledby="page-heading">
      <PageHeading title={t("reports.tab.moderation")} id="page-heading" />
      <ReportFilters
        address={filter.address}
        choices={report?.choices ?? null}
        shown={report?.period}
        onChange={filter.change}
      />
      <ErrorMessage error={error} />
      {report ? (
        <>
          <PeriodLine period={report.period} />
          <p className="muted">{t("moderationReport.intro")}</p>
          <ModerationFigureTiles report={report} />
          {empty ? (
            <p className="empty">{t("moderationReport.empty")}</p>
          ) : (
            <>
              <Chart
                title={t("moderationReport.overTime")}
                summary={summaryOf(report, t, format)}
                option={overTime ?? {}}
                table={
                  <DataTable
                    caption={t("moderationReport.overTimeTable")}
                    fileName="moderation-verlauf"
                    rows={report.series}
                    rowKey={(s) => s.start}
                    columns={[
                      { label: t("reports.date"), value: (s) => format.step(s.start, report.period.step) },
                      ...MESSAGE_FIELDS.map((field) => ({
                        label: t(`moderationReport.${field}`),
                        value: (s: ModerationReport["series"][number]) => s[field],
                      })),
                      { label: t("moderationReport.flagged"), value: (s) => s.flagged },
                      { label: t("moderationReport.decisions"), value: (s) => s.decisions },
                    ]}
                  />
                }
              />
              <p className="muted">{t("moderationReport.messagesNote")}</p>
              {clauses.length > 0 ? (
                <Chart
                  title={t("moderationReport.byClause")}
                  summary={clauseSummary(clauses, t)}
                  option={clauseOption}
                  table={
                    <DataTable
                      caption={t("moderationReport.byClauseTable")}
                      fileName="moderation-netiquette-regeln"
                      rows={clauses}
                      rowKey={(c) => c.key}
                      columns={[
                        { label: t("moderationReport.clause"), value: (c) => c.name },
                        { label: t("moderationReport.currentPeriod"), value: (c) => c.current },
                        { label: t("moderationReport.previousPeriod"), value: (c) => c.previous },
                        { label: t("moderationReport.change"), value: (c) => format.change(c.current, c.previous) },
                      ]}
                    />
                  }
                />
              ) : null}
              <ActionTable report={report} />
              <AppealSection report={report} />
              <ThreatSection report={report} />
              <AlertSection report={report} />
            </>
          )}
        </>
      ) : null}
    </section>
  );
}

function isEmpty(report: ModerationReport): boolean {
  const { totals: f } = report;
  return [
    f.held,
    f.hidden,
    f.deleted,
    f.flagged,
    f.decisions,
    f.appeals,
    f.threats,
    f.evidencePackages,
    f.alerts,
  ].every((n) => n === 0);
}

function ModerationFigureTiles({ report }: { report: ModerationReport }) {
  const { t } = useTranslation();
  const format = useReportFormat();
  const { totals: now, previous: before } = report;
  const counted = (["held", "hidden", "deleted", "decisions", "appeals", "threats", "alerts"] as const).map((key) => ({
    label: t(`moderationReport.${key}`),
    value: format.number(now[key]),
    was: t("reports.againstPrevious", { change: format.change(now[key], before[key]) }),
  }));
  const tiles = [
    ...counted,
    {
      label: t("moderationReport.medianDecision"),
      value: format.duration(now.medianDecisionMs),
      was: t("reports.previousValue", { value: format.duration(before.medianDecisionMs) }),
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

function summaryOf(report: ModerationReport, t: T, format: Format): string {
  const { totals, previous } = report;
  const parts = [
    t("moderationReport.summary", {
      held: format.number(totals.held),
      hidden: format.number(totals.hidden),
      deleted: format.number(totals.deleted),
      flagged: format.number(totals.flagged),
      decisions: format.number(totals.decisions),
      change: format.change(totals.decisions, previous.decisions),
    }),
  ];
  if (totals.medianDecisionMs !== null)
    parts.push(t("moderationReport.summaryMedian", { median: format.duration(totals.medianDecisionMs) }));
  const peak = [...report.series].sort((a, b) => b.decisions - a.decisions)[0];
  if (peak && peak.decisions > 0)
    parts.push(
      t("moderationReport.summaryPeak", {
        step: format.step(peak.start, report.period.step),
        count: format.number(peak.decisions),
      }),
    );
  return parts.join(" ");
}

function overTimeOption(report: ModerationReport, t: T, format: Format) {
  return {
    legend: { top: 0 },
    grid: { left: 48, right: 16, top: 48, bottom: 32 },
    xAxis: { type: "category", data: report.series.map((s) => format.step(s.start, report.period.step)) },
    yAxis: { type: "value", name: t("reports.messages"), minInterval: 1 },
    series: [
      ...MESSAGE_FIELDS.map((field) => ({
        name: t(`moderationReport.${field}`),
        type: "bar",
        itemStyle: { color: COLOURS[field] },
        data: report.series.map((s) => s[field]),
      })),
      {
        name: t("moderationReport.decisions"),
        type: "line",
        symbol: "circle",
        symbolSize: 6,
        itemStyle: { color: COLOURS.decisions },
        lineStyle: { color: COLOURS.decisions, type: "dashed", width: 2 },
        data: report.series.map((s) => s.decisions),
      },
    ],
  };
}

type ClauseRow = { key: string; name: string; current: number; previous: number };

function clauseRows(report: ModerationReport, t: T): ClauseRow[] {
  return report.byClause.map((c) => ({
    key: c.clause === null ? "none" : String(c.clause),
    name:
      c.clause === null
        ? t("moderationReport.noClause")
        : c.title === null
          ? t("moderationReport.clauseNumber", { number: c.clause })
          : t("moderationReport.clauseName", { number: c.clause, title: c.title }),
    current: c.current,
    previous: c.previous,
  }));
}

function clauseSummary(rows: ClauseRow[], t: T): string {
  const top = rows[0];
  const total = rows.reduce((sum, r) => sum + r.current, 0);
  return top ? t("moderationReport.byClauseSummary", { clause: top.name, count: top.current, total }) : "";
}

function clauseChartOption(rows: ClauseRow[], t: T) {
  const periods = [
    { name: t("moderationReport.currentPeriod"), colour: COLOURS.held, data: rows.map((r) => r.current) },
    { name: t("moderationReport.previousPeriod"), colour: COLOURS.previous, data: rows.map((r) => r.previous) },
  ];
  return {
    legend: { top: 0 },
    // Room for the rules' names on the left; a bar per rule and period.
    grid: { left: 8, right: 24, top: 40, bottom: 24, containLabel: true },
    xAxis: { type: "value", minInterval: 1 },
    yAxis: {
      type: "category",
      inverse: true,
      data: rows.map((r) => r.name),
      axisLabel: { width: 220, overflow: "truncate" },
    },
    series: periods.map((p) => ({ name: p.name, type: "bar", itemStyle: { color: p.colour }, data: p.data })),
  };
}
