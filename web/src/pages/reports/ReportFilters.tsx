// The period and filters above every report: a preset or from–to, a channel account and a department —
// only those in the viewer's reach (the report's answer names them); Stimmung adds campaign, post and term,
// Themen and Antwortzeiten campaign and post (PostFilters.tsx), Veröffentlichung its campaign (as children).
// "Eigener Zeitraum" opens with the period the report shows.
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { ReportChoices } from "../../api/reports";
import { DateField } from "../../components/DateTimeFields";
import { type PostChoices, PostFilters, type TopicChoice } from "./PostFilters";
import { PRESETS, type ReportAddress } from "./reportFilter";

export function ReportFilters({
  address,
  choices,
  shown,
  postChoices,
  topicChoice,
  postHint,
  onChange,
  children,
}: {
  address: ReportAddress;
  choices: ReportChoices | null;
  /** The period the report shows now (from–to): where "Eigener Zeitraum" starts. */
  shown?: { from: string; to: string } | null;
  /** On Stimmung, Themen and Antwortzeiten: the campaigns and posts to filter by (null while loading). */
  postChoices?: PostChoices | null;
  /** Only on Stimmung: the chosen term and where to choose one. */
  topicChoice?: TopicChoice | null;
  /** How the report counts by campaign and post (Antwortzeiten's own words). */
  postHint?: string;
  onChange(next: Partial<ReportAddress>): void;
  /** A report's own filters (the Veröffentlichung report's campaign). */
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <form className="filters report-filters" aria-label={t("reports.filters")} onSubmit={(e) => e.preventDefault()}>
      <label className="field compact">
        <span>{t("reports.period")}</span>
        <select
          value={address.period}
          onChange={(e) =>
            onChange(
              e.target.value === "custom"
                ? { period: "custom", from: address.from || shown?.from || "", to: address.to || shown?.to || "" }
                : { period: e.target.value },
            )
          }
        >
          {PRESETS.map((days) => (
            <option key={days} value={days}>
              {t("reports.lastDays", { count: Number(days) })}
            </option>
          ))}
          <option value="custom">{t("reports.custom")}</option>
        </select>
      </label>
      {address.period === "custom" ? (
        <>
          <DateField
            id="report-from"
            label={t("reports.from")}
            className="field compact"
            value={address.from}
            onChange={(from) => onChange({ from })}
          />
          <DateField
            id="report-to"
            label={t("reports.to")}
            className="field compact"
            value={address.to}
            onChange={(to) => onChange({ to })}
          />
        </>
      ) : null}
      <label className="field compact">
        <span>{t("reports.channel")}</span>
        <select value={address.channel} onChange={(e) => onChange({ channel: e.target.value })}>
          <option value="">{t("reports.allChannels")}</option>
          {choices?.channels.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      <label className="field compact">
        <span>{t("reports.department")}</span>
        <select value={address.department} onChange={(e) => onChange({ department: e.target.value })}>
          <option value="">{t("reports.allDepartments")}</option>
          {choices?.orgWide ? <option value="none">{t("inbox.noDepartment")}</option> : null}
          {choices?.departments.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </select>
      </label>
      {postChoices !== undefined ? (
        <PostFilters address={address} choices={postChoices} topic={topicChoice} onChange={onChange} hint={postHint} />
      ) : null}
      {children}
    </form>
  );
}
