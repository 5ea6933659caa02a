// Wochenbericht: the week's Stimmung and Antwortzeiten as a PDF for the mayor — a week picker (any day picks
// its Monday–Sunday week, kept in the address) and the download; for administrators, who receives it
// every Monday.
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { calendarWeek, lastCompletedWeek, weekOf } from "../../../../src/domain/reports/reportWeek";
import { reportsApi } from "../../api/reports";
import { DateField } from "../../components/DateTimeFields";
import { useDates } from "../../components/formatDates";
import { useOrg } from "../../components/OrgLayout";
import { PageHeading } from "../../components/PageHeading";
import { WeeklyRecipientsForm } from "./WeeklyRecipientsForm";

export function WeeklyReportPage() {
  const { t } = useTranslation();
  const org = useOrg();
  const dates = useDates();
  const [params, setParams] = useSearchParams();
  const chosen = params.get("week") ?? "";
  const week = /^\d{4}-\d{2}-\d{2}$/.test(chosen) ? weekOf(chosen) : lastCompletedWeek(dates.dayOf(new Date()));
  const range = t("reports.weekly.range", {
    week: calendarWeek(week.from),
    from: dates.plainDate(week.from, { dateStyle: "medium" }),
    to: dates.plainDate(week.to, { dateStyle: "medium" }),
  });
  return (
    <section aria-labelledby="page-heading">
      <PageHeading title={t("reports.tab.weekly")} id="page-heading" />
      <p>{t("reports.weekly.intro")}</p>
      <form
        className="filters report-filters"
        aria-label={t("reports.weekly.choose")}
        onSubmit={(e) => e.preventDefault()}
      >
        <DateField
          id="weekly-day"
          label={t("reports.weekly.day")}
          className="field compact"
          value={week.from}
          describedBy="weekly-range"
          onChange={(day) => setParams(day ? { week: day } : {}, { replace: true })}
        />
      </form>
      <p id="weekly-range" aria-live="polite">
        {range}
      </p>
      <p>
        <a className="button-link" href={reportsApi.weeklyPdfUrl(org.id, week.from)} download>
          {t("reports.weekly.download")}
        </a>{" "}
        <span className="muted">{t("reports.weekly.scope")}</span>
      </p>
      {org.myActions.includes("org.update") ? <WeeklyRecipientsForm /> : null}
    </section>
  );
}
