// The period and filters above every report: a preset or from–to, a channel account and a department —
// only those in the viewer's reach (the report's answer names them); Stimmung adds campaign, post and term,
// Antwortzeiten campaign and post, Veröffentlichung its campaign (as children).
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { ReportChoices } from "../../api/reports";
import { MoodPostFilters, type MoodChoices } from "./MoodPostFilters";
import { PRESETS, type ReportAddress } from "./reportFilter";

export function ReportFilters({
  address,
  choices,
  moodChoices,
  postFilters,
  onChange,
  children,
}: {
  address: ReportAddress;
  choices: ReportChoices | null;
  /** On Stimmung and Antwortzeiten: the campaigns, posts (and on Stimmung terms) to filter by. */
  moodChoices?: MoodChoices | null;
  /** Antwortzeiten: no term, and its own hint on how it counts by campaign and post. */
  postFilters?: { withTopic: boolean; hint: string };
  onChange(next: Partial<ReportAddress>): void;
  /** A report's own filters (the Veröffentlichung report's campaign). */
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <form className="filters report-filters" aria-label={t("reports.filters")} onSubmit={(e) => e.preventDefault()}>
      <label className="field compact">
        <span>{t("reports.period")}</span>
        <select value={address.period} onChange={(e) => onChange({ period: e.target.value })}>
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
          <label className="field compact">
            <span>{t("reports.from")}</span>
            <input type="date" value={address.from} onChange={(e) => onChange({ from: e.target.value })} />
          </label>
          <label className="field compact">
            <span>{t("reports.to")}</span>
            <input type="date" value={address.to} onChange={(e) => onChange({ to: e.target.value })} />
          </label>
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
      {moodChoices !== undefined ? (
        <MoodPostFilters address={address} choices={moodChoices} onChange={onChange} {...postFilters} />
      ) : null}
      {children}
    </form>
  );
}
