// The columns of the Antwortzeiten tables: first answers (how many, median, 90th percentile, within the target,
// after asking again) and resolution (how many closed, median and 90th percentile to the closing).
import type { useTranslation } from "react-i18next";
import type { ResponseFigures } from "../../api/reports";
import type { Column } from "../../components/DataTable";
import { shareOf, type useReportFormat } from "./reportFormat";

type Format = ReturnType<typeof useReportFormat>;
type T = ReturnType<typeof useTranslation>["t"];

export function firstAnswerColumns<R>(t: T, format: Format, figures: (row: R) => ResponseFigures): Column<R>[] {
  return [
    { label: t("reports.answered"), value: (r) => figures(r).answered },
    { label: t("reports.median"), value: (r) => format.duration(figures(r).medianMs, figures(r).medianAtLeast) },
    { label: t("reports.p90"), value: (r) => format.duration(figures(r).p90Ms, figures(r).p90AtLeast) },
    {
      label: t("reports.withinTarget"),
      value: (r) => shareOf(figures(r).withinTarget, figures(r).withTarget),
      share: true,
    },
    { label: t("reports.askedAgain"), value: (r) => figures(r).askedAgain },
  ];
}

export function resolutionColumns<R>(t: T, format: Format, figures: (row: R) => ResponseFigures): Column<R>[] {
  const of = (r: R) => figures(r).resolution;
  return [
    { label: t("reports.resolution.resolved"), value: (r) => of(r).resolved },
    { label: t("reports.resolution.median"), value: (r) => format.duration(of(r).medianMs, of(r).medianAtLeast) },
    { label: t("reports.resolution.p90"), value: (r) => format.duration(of(r).p90Ms, of(r).p90AtLeast) },
  ];
}
