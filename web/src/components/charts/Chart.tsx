// A chart people can read: a figure with a heading, a plain-language summary (also the chart's accessible
// description), the chart itself (loaded on demand), and the figures as a table with a CSV download — the
// alternative for screen readers, keyboard users and print (BITV 2.0).
import { Suspense, lazy, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { EChartProps } from "./EChart";
import { endingOnce } from "./sentences";

const EChart = lazy(() => import("./EChart"));

export function Chart({
  title,
  summary,
  option,
  table,
}: {
  title: string;
  summary: string;
  option: EChartProps["option"];
  table: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const text = endingOnce(summary);
  return (
    <figure className="chart">
      <figcaption>
        <h2>{title}</h2>
        <p>{text}</p>
      </figcaption>
      <Suspense fallback={<p role="status">{t("reports.chartLoading")}</p>}>
        <EChart option={option} description={text} language={i18n.language} />
      </Suspense>
      {table}
    </figure>
  );
}
