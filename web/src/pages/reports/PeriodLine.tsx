// The period a report covers and the one it is compared with, in words.
import { useTranslation } from "react-i18next";
import type { MoodReport } from "../../api/reports";
import { useReportFormat } from "./reportFormat";

export function PeriodLine({ period }: { period: MoodReport["period"] }) {
  const { t } = useTranslation();
  const format = useReportFormat();
  return (
    <p className="period">
      {t("reports.periodLine", {
        from: format.day(period.from),
        to: format.day(period.to),
        previousFrom: format.day(period.previousFrom),
        previousTo: format.day(period.previousTo),
      })}
    </p>
  );
}
