// The organisation's time zone, a setting under Bürozeiten: office hours count in it, and every date and
// time draht shows (in the web app and in the evidence PDF) is written in it, whatever the browser's zone.
import { type FormEvent, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client";
import { useOrg, useReloadOrganisation } from "../../components/OrgLayout";

/** Every zone the browser knows, the organisation's own first if it is missing (an older browser). */
function zoneNames(current: string): string[] {
  const known = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return known.includes(current) ? known : [current, ...known];
}

export function TimeZoneForm({ run }: { run(action: () => Promise<string>): Promise<boolean> }) {
  const { t } = useTranslation();
  const org = useOrg();
  const reload = useReloadOrganisation();
  const zones = useMemo(() => zoneNames(org.timeZone), [org.timeZone]);
  const canEdit = org.myActions.includes("org.update");

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const timeZone = String(new FormData(event.currentTarget).get("timeZone"));
    await run(async () => {
      await api.updateOrganisation(org.id, { timeZone });
      await reload();
      return t("officeHours.timeZoneSaved", { zone: timeZone });
    });
  }

  return (
    <form onSubmit={(e) => void save(e)} className="card wide" aria-labelledby="time-zone-heading">
      <h2 id="time-zone-heading">{t("officeHours.timeZoneTitle")}</h2>
      <fieldset disabled={!canEdit}>
        <div className="field">
          <label htmlFor="org-time-zone">{t("officeHours.timeZone")}</label>
          <select id="org-time-zone" name="timeZone" defaultValue={org.timeZone} aria-describedby="time-zone-hint">
            {zones.map((zone) => (
              <option key={zone} value={zone}>
                {zone}
              </option>
            ))}
          </select>
          <p id="time-zone-hint" className="hint">
            {t("officeHours.timeZoneHint")}
          </p>
        </div>
        <button type="submit">{t("officeHours.saveTimeZone")}</button>
      </fieldset>
    </form>
  );
}
