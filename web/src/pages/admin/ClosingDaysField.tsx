// The organisation's own closing days as a list of date fields with add and remove, part of the office-hours
// form: every field is named "closingDay", so the form sends the listed days and one picked but not yet added.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { DateField } from "../../components/DateTimeFields";
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
              <DateField
                id={`closing-day-${index}`}
                label={label}
                className="field compact"
                hint={null}
                describedBy="new-closing-day-hint"
                name="closingDay"
                value={day}
                required
                onChange={(value) => setDays(days.map((d, i) => (i === index ? value : d)))}
              />
              <button type="button" className="link-button" onClick={() => setDays(days.filter((_, i) => i !== index))}>
                {t("officeHours.removeClosingDay", { date: day ? formatPlainDate(day, i18n.language) : label })}
              </button>
            </li>
          );
        })}
      </ul>
      <div className="inline-field">
        <DateField
          id="new-closing-day"
          label={t("officeHours.newClosingDay")}
          className="field compact"
          describedBy="closing-days-hint"
          name="closingDay"
          value={draft}
          onChange={setDraft}
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
