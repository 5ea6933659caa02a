// Who receives the weekly report every Monday (administrators): on or off, and a checkbox per member.
// Each recipient gets the report of what they themselves may see.
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { type WeeklyReportSettingsView, reportsApi } from "../../api/reports";
import { useLoad } from "../../api/useLoad";
import { ErrorMessage, Notice } from "../../components/ErrorMessage";
import { useOrg } from "../../components/OrgLayout";
import { useAction } from "../../components/useAction";

export function WeeklyRecipientsForm() {
  const { t } = useTranslation();
  const org = useOrg();
  const [view, setView] = useState<WeeklyReportSettingsView | null>(null);
  const reload = useLoad((signal) => reportsApi.weeklySettings(org.id, { signal }), setView, [org.id], {
    onError: (error) => action.setError(error),
  });
  const action = useAction(reload);

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const body = { enabled: data.get("enabled") === "on", recipientUserIds: data.getAll("recipient").map(String) };
    await action.run(async () => (await reportsApi.saveWeeklySettings(org.id, body), t("reports.weekly.saved")));
  }

  return (
    <section aria-labelledby="weekly-recipients-heading">
      <h2 id="weekly-recipients-heading">{t("reports.weekly.recipientsTitle")}</h2>
      <p>{view?.emailConfigured ? t("reports.weekly.byEmail") : t("reports.weekly.inAppOnly")}</p>
      <Notice text={action.notice} />
      <ErrorMessage error={action.error} />
      {view ? (
        <form onSubmit={save} className="card wide" key={JSON.stringify([view.enabled, view.recipientUserIds])}>
          <label className="check">
            <input type="checkbox" name="enabled" defaultChecked={view.enabled} /> {t("reports.weekly.enabled")}
          </label>
          <fieldset>
            <legend>{t("reports.weekly.recipients")}</legend>
            {view.members.map((member) => (
              <label key={member.userId} className="check">
                <input
                  type="checkbox"
                  name="recipient"
                  value={member.userId}
                  defaultChecked={view.recipientUserIds.includes(member.userId)}
                />{" "}
                {member.name} ({member.email})
              </label>
            ))}
          </fieldset>
          <button type="submit">{t("reports.weekly.save")}</button>
        </form>
      ) : null}
    </section>
  );
}
