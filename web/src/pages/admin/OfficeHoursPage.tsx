// Bürozeiten: the office hours per weekday and the organisation's closing days, which response-time
// targets count in (with the Bundesland's public holidays), and when the office next opens.
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { type OfficeScheduleView, officeApi } from "../../api/office";
import { ErrorMessage, Notice } from "../../components/ErrorMessage";
import { useOrg } from "../../components/OrgLayout";
import { PageHeading } from "../../components/PageHeading";
import { useAction } from "../../components/useAction";
import { useLoad } from "../../api/useLoad";
import { ClosingDaysField } from "./ClosingDaysField";
import { TimeZoneForm } from "./TimeZoneForm";
import { useDates } from "../../components/formatDates";
import { TimeField } from "../../components/DateTimeFields";

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];

export function OfficeHoursPage() {
  const { t } = useTranslation();
  const dates = useDates();
  const org = useOrg();
  const [view, setView] = useState<OfficeScheduleView | null>(null);
  const reload = useLoad((signal) => officeApi.get(org.id, { signal }), setView, [org.id], {
    onError: (error) => action.setError(error),
  });
  const action = useAction(reload);
  const canEdit = org.myActions.includes("org.update");
  const hoursOf = (day: number) => view?.schedule.officeHours.find((h) => h.days.includes(day)) ?? null;

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const officeHours = WEEKDAYS.filter((d) => data.get(`open-${d}`) === "on").map((d) => ({
      days: [d],
      from: String(data.get(`from-${d}`)),
      to: String(data.get(`to-${d}`)),
    }));
    const closingDays = [...new Set(data.getAll("closingDay").map(String).filter(Boolean))].sort();
    await action.run(async () => (await officeApi.save(org.id, { officeHours, closingDays }), t("officeHours.saved")));
  }

  return (
    <section aria-labelledby="page-heading">
      <PageHeading title={t("officeHours.title")} id="page-heading" />
      <p>{t("officeHours.intro")}</p>
      <Notice text={action.notice} />
      <ErrorMessage error={action.error} />
      {view ? (
        <>
          <p>{t("officeHours.nextOpening", { at: dates.format(view.nextOpening) })}</p>
          <form onSubmit={save} className="card wide" key={JSON.stringify(view.schedule)}>
            <fieldset disabled={!canEdit}>
              <legend>{view.isDefault ? t("officeHours.legendDefault") : t("officeHours.legend")}</legend>
              <p id="office-hours-time-hint" className="hint">
                {t("dateFields.timeHint")}
              </p>
              <table>
                <caption className="visually-hidden">{t("officeHours.legend")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("officeHours.day")}</th>
                    <th scope="col">{t("officeHours.open")}</th>
                    <th scope="col">{t("officeHours.from")}</th>
                    <th scope="col">{t("officeHours.to")}</th>
                  </tr>
                </thead>
                <tbody>
                  {WEEKDAYS.map((d) => {
                    const hours = hoursOf(d);
                    const day = t(`officeHours.weekday.${d}`);
                    return (
                      <tr key={d}>
                        <th scope="row">{day}</th>
                        <td>
                          <input
                            type="checkbox"
                            name={`open-${d}`}
                            defaultChecked={hours !== null}
                            aria-label={t("officeHours.openOn", { day })}
                          />
                        </td>
                        <td>
                          <TimeField
                            id={`office-hours-from-${d}`}
                            label={t("officeHours.fromOn", { day })}
                            hideLabel
                            hint={null}
                            describedBy="office-hours-time-hint"
                            className="field compact"
                            name={`from-${d}`}
                            defaultValue={hours?.from ?? "08:00"}
                            required
                          />
                        </td>
                        <td>
                          <TimeField
                            id={`office-hours-to-${d}`}
                            label={t("officeHours.toOn", { day })}
                            hideLabel
                            hint={null}
                            describedBy="office-hours-time-hint"
                            className="field compact"
                            name={`to-${d}`}
                            defaultValue={hours?.to ?? "16:00"}
                            required
                          />
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
              <ClosingDaysField initial={view.schedule.closingDays} />
              <button type="submit">{t("officeHours.save")}</button>
            </fieldset>
          </form>
          <TimeZoneForm run={action.run} />
          <h2>{t("officeHours.daysOff", { state: view.state })}</h2>
          <ul>
            {view.daysOff.map((d) => (
              <li key={`${d.kind}-${d.date}`}>
                {dates.plainDate(d.date)}: {d.kind === "holiday" ? d.name : t("officeHours.closingDay")}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
