// "Offene und überfällige Anfragen": what waited for an answer at the end of each day (or week) of the period and
// how much of it was overdue — the running day showing the present — as a chart, a table with CSV and a summary.
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { ResponseReport } from "../../api/reports";
import { Chart } from "../../components/charts/Chart";
import { LINE_STYLES } from "../../components/charts/palette";
import { DataTable } from "../../components/DataTable";
import { useReportFormat } from "./reportFormat";

type Step = NonNullable<ResponseReport["waitingSeries"]>[number];
type Format = ReturnType<typeof useReportFormat>;
type T = ReturnType<typeof useTranslation>["t"];

export function WaitingChart({ report, series }: { report: ResponseReport; series: Step[] }) {
  const { t } = useTranslation();
  const format = useReportFormat();
  const label = (s: Step) => stepLabel(s, report, t, format);
  const option = useMemo(() => chartOption(report, series, t, format), [report, series, t, format]);
  return (
    <Chart
      title={t("reports.waiting.title")}
      summary={summaryOf(report, series, t, format)}
      option={option}
      table={
        <DataTable
          caption={t("reports.waiting.table")}
          fileName="offene-anfragen-verlauf"
          rows={series}
          rowKey={(s) => s.start}
          columns={[
            {
              label: t(report.period.step === "week" ? "reports.waiting.weekEnd" : "reports.waiting.dayEnd"),
              value: label,
            },
            { label: t("reports.waiting.waiting"), value: (s) => s.waiting },
            { label: t("reports.waiting.overdue"), value: (s) => s.overdue },
          ]}
        />
      }
    />
  );
}

/** "02.12.", "Woche ab 30.11."; the running step "… (jetzt)". */
function stepLabel(s: Step, report: ResponseReport, t: T, format: Format): string {
  const step = format.step(s.start, report.period.step);
  return s.now ? t("reports.waiting.now", { step }) : step;
}

function summaryOf(report: ResponseReport, series: Step[], t: T, format: Format): string {
  const last = series[series.length - 1];
  if (!last) return "";
  const peak = series.reduce((most, s) => (s.waiting > most.waiting ? s : most), last);
  const text = t(last.now ? "reports.waiting.summaryNow" : "reports.waiting.summaryEnd", {
    count: last.waiting,
    waiting: format.number(last.waiting),
    overdue: format.number(last.overdue),
  });
  if (peak.waiting === 0) return `${text} ${t("reports.waiting.summaryNone")}`;
  return `${text} ${t("reports.waiting.summaryPeak", { step: stepLabel(peak, report, t, format), waiting: format.number(peak.waiting), overdue: format.number(peak.overdue) })}`;
}

function chartOption(report: ResponseReport, series: Step[], t: T, format: Format) {
  const lines = [
    { name: t("reports.waiting.waiting"), data: series.map((s) => s.waiting) },
    { name: t("reports.waiting.overdue"), data: series.map((s) => s.overdue) },
  ];
  return {
    legend: { top: 0 },
    grid: { left: 56, right: 16, top: 40, bottom: 32 },
    xAxis: { type: "category", data: series.map((s) => stepLabel(s, report, t, format)) },
    yAxis: { type: "value", name: t("reports.waiting.axis"), minInterval: 1 },
    series: lines.map((line, i) => {
      const style = LINE_STYLES[i % LINE_STYLES.length] ?? LINE_STYLES[0];
      return {
        ...line,
        type: "line",
        symbol: style.symbol,
        symbolSize: 7,
        itemStyle: { color: style.color },
        lineStyle: { color: style.color, type: style.type, width: 2 },
      };
    }),
  };
}
