// The organisation's own closing days as a list of date fields with add and remove, part of the office-hours
// form: every field is named "closingDay", so the form sends the listed days and one picked but not yet added.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { formatPlainDate } from "../../components/formatDates";

export function ClosingDaysField({ initial }: { initial: string[] }) {
  const { t, i18n } = useTranslation();
  const [days, setDays] = useState<string[]>(initial);
  const [draft, setDraft] = useState("");
  const add = () => {
    if (draft && !days.includes(draft)) setDays([...days, draft].sort());
    setDraft("");
  };

  return (
    <fieldset className="closing-days">
      <legend>{t("officeHours.closingDays")}</legend>
      {days.length === 0 ? <p className="hint">{t("officeHours.noClosingDays")}</p> : null}
      <ul className="plain-list">
        {days.map((day, index) => {
          const label = t("officeHours.closingDayNumber", { number: index + 1 });
          return (
            <li key={`${index}-${day}`} className="inline-field">
              <label>
                <span>{label}</span>
                <input
                  type="date"
                  name="closingDay"
                  value={day}
                  required
                  onChange={(e) => setDays(days.map((d, i) => (i === index ? e.target.value : d)))}
                />
              </label>
              <button type="button" className="link-button" onClick={() => setDays(days.filter((_, i) => i !== index))}>
                {t("officeHours.removeClosingDay", { date: formatPlainDate(day, i18n.language) })}
              </button>
            </li>
          );
        })}
      </ul>
      <div className="inline-field">
        <label htmlFor="new-closing-day">{t("officeHours.newClosingDay")}</label>
        <input
          id="new-closing-day"
          type="date"
          name="closingDay"
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          aria-describedby="closing-days-hint"
        />
        <button type="button" onClick={add} disabled={!draft}>
          {t("officeHours.addClosingDay")}
        </button>
      </div>
      <p id="closing-days-hint" className="hint">
        {t("officeHours.closingDaysHint")}
      </p>
    </fieldset>
  );
}
