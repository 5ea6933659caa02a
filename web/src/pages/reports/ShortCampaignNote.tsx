// Stimmung filtered by a short campaign: a sentence that says so and a button that shows only the campaign's
// days, one bar each (shortCampaign.ts).
import { useTranslation } from "react-i18next";
import type { MoodReport } from "../../api/reports";
import type { ReportAddress } from "./reportFilter";
import { useReportFormat } from "./reportFormat";
import { shortCampaignDays } from "./shortCampaign";

export function ShortCampaignNote({
  report,
  campaignId,
  onChange,
}: {
  report: MoodReport;
  campaignId: string;
  onChange(next: Partial<ReportAddress>): void;
}) {
  const { t } = useTranslation();
  const format = useReportFormat();
  const campaign = report.postChoices.campaigns.find((c) => c.id === campaignId);
  const days = shortCampaignDays(campaign, report.period);
  if (!campaign || !days) return null;
  return (
    <p className="muted">
      {t("reports.shortCampaign.note", { name: campaign.name, from: format.day(days.from), to: format.day(days.to) })}{" "}
      <button type="button" className="link-button" onClick={() => onChange({ period: "custom", ...days })}>
        {t("reports.shortCampaign.show")}
      </button>
    </p>
  );
}
