// One chart drawn by Apache ECharts (only the parts draht uses, SVG renderer): loaded on demand, so the
// library stays out of the first page load. Decal patterns on, German locale, the tooltip as SVG text
// (no inline HTML, which the Content-Security-Policy would refuse), and the text summary as its
// accessible description; the data table beside it is the alternative (components/charts/Chart.tsx).
import { BarChart, LineChart } from "echarts/charts";
import { AriaComponent, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import langDE from "echarts/i18n/langDE-obj.js";
import { SVGRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";

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

export default function EChart({ option, description, language }: EChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const chart = echarts.init(element, null, { renderer: "svg", locale: language.startsWith("de") ? "DE" : "EN" });
    chart.setOption({
      aria: { enabled: true, label: { description }, decal: { show: true } },
      tooltip: { trigger: "axis", renderMode: "richText" },
      // The page's own font: ECharts measures text with it (a legend's width, a label's place).
      textStyle: { fontFamily: getComputedStyle(element).fontFamily },
      animation: false,
      ...option,
    });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [option, description, language]);
  return <div ref={ref} className="chart-canvas" />;
}
