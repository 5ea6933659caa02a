// One chart drawn by Apache ECharts (only the parts draht uses, SVG renderer): loaded on demand, so the
// library stays out of the first page load. Decal patterns on, German locale, the tooltip as SVG text
// (no inline HTML, which the Content-Security-Policy would refuse), and the text summary as its
// accessible description; the data table beside it is the alternative (components/charts/Chart.tsx).
// The plot starts below the legend's rows, counted again when the chart's width changes (chartLayout.ts).
import { BarChart, LineChart } from "echarts/charts";
import { AriaComponent, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import langDE from "echarts/i18n/langDE-obj.js";
import { SVGRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";
import { legendRows, plotTop } from "./chartLayout";

echarts.use([
  BarChart,
  LineChart,
  AriaComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  SVGRenderer,
]);
echarts.registerLocale("DE", langDE);

export interface EChartProps {
  option: echarts.EChartsCoreOption;
  description: string;
  language: string;
}

/** The names the legend shows: the series' names (the legend's default). */
function legendNames(option: echarts.EChartsCoreOption): string[] {
  if (!option.legend) return [];
  const series = Array.isArray(option.series) ? (option.series as { name?: unknown }[]) : [];
  return series.map((s) => (typeof s.name === "string" ? s.name : ""));
}

/** The text's width in px at ECharts' 12 px legend size, in the page's font. */
function textWidths(names: string[], fontFamily: string): number[] {
  const context = document.createElement("canvas").getContext("2d");
  if (!context) return names.map((name) => name.length * 7);
  context.font = `12px ${fontFamily}`;
  return names.map((name) => context.measureText(name).width);
}

export default function EChart({ option, description, language }: EChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const chart = echarts.init(element, null, { renderer: "svg", locale: language.startsWith("de") ? "DE" : "EN" });
    const fontFamily = getComputedStyle(element).fontFamily;
    const widths = textWidths(legendNames(option), fontFamily);
    const grid = (option.grid ?? {}) as Record<string, unknown>;
    const layout = () =>
      widths.length ? { grid: { ...grid, top: plotTop(legendRows(widths, chart.getWidth())) } } : {};
    chart.setOption({
      aria: { enabled: true, label: { description }, decal: { show: true } },
      tooltip: { trigger: "axis", renderMode: "richText" },
      // The page's own font: ECharts measures text with it (a legend's width, a label's place).
      textStyle: { fontFamily },
      animation: false,
      ...option,
      ...layout(),
    });
    const observer = new ResizeObserver(() => {
      chart.resize();
      chart.setOption(layout());
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [option, description, language]);
  return <div ref={ref} className="chart-canvas" />;
}
