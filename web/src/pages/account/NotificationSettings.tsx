// "Benachrichtigungen" on the account page: push in this browser on or off, and per group of notifications
// the channels — in the app always, e-mail and push as the person chooses. Held back outside their duty
// times (coverage plan, else office hours), which the intro says.
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  type DeliveryChannel,
  type NotificationGroup,
  type NotificationSettingsView,
  notificationsApi,
} from "../../api/notifications";
import { ApiError } from "../../api/client";
import { useLoad } from "../../api/useLoad";
import { ErrorMessage, Notice } from "../../components/ErrorMessage";
import { useAction } from "../../components/useAction";
import { type PushState, pushState, turnPushOff, turnPushOn } from "./pushSubscription";

const GROUPS: NotificationGroup[] = ["threats", "overdue_questions", "approvals", "mentions", "channel_trouble"];

export function NotificationSettings() {
  const { t } = useTranslation();
  const [view, setView] = useState<NotificationSettingsView | null>(null);
  const [push, setPush] = useState<PushState | null>(null);
  const reload = useLoad(
    async (signal) => ({ settings: await notificationsApi.settings({ signal }), push: await pushState() }),
    (loaded) => {
      setView(loaded.settings);
      setPush(loaded.push);
    },
    [],
    { onError: (error) => action.setError(error) },
  );
  const action = useAction(reload);

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const choice = (group: NotificationGroup, channel: DeliveryChannel) => data.get(`${group}-${channel}`) === "on";
    const preferences = Object.fromEntries(
      GROUPS.map((group) => [group, { email: choice(group, "email"), push: choice(group, "push") }]),
    ) as NotificationSettingsView["preferences"];
    await action.run(async () => (await notificationsApi.save({ preferences }), t("notificationSettings.saved")));
  }

  async function switchPush(on: boolean) {
    await action.run(async () => {
      try {
        setPush(on ? await turnPushOn() : await turnPushOff());
      } catch (error) {
        // The browser's own refusal (no push service reachable, a private window): said in our words.
        if (error instanceof ApiError) throw error;
        throw new ApiError(0, "PUSH_UNAVAILABLE", "notificationSettings.push.failed", undefined);
      }
      return t(on ? "notificationSettings.push.turnedOn" : "notificationSettings.push.turnedOff");
    });
  }

  return (
    <section aria-labelledby="notification-settings-heading">
      <h2 id="notification-settings-heading">{t("notificationSettings.title")}</h2>
      <p>{t("notificationSettings.intro")}</p>
      <Notice text={action.notice} />
      <ErrorMessage error={action.error} />
      <h3>{t("notificationSettings.push.title")}</h3>
      <p id="push-state">{push ? t(`notificationSettings.push.state.${push}`) : null}</p>
      {push === "off" ? (
        <button type="button" aria-describedby="push-state" onClick={() => void switchPush(true)}>
          {t("notificationSettings.push.turnOn")}
        </button>
      ) : null}
      {push === "on" ? (
        <button type="button" aria-describedby="push-state" onClick={() => void switchPush(false)}>
          {t("notificationSettings.push.turnOff")}
        </button>
      ) : null}
      {view ? (
        <form onSubmit={save} className="card wide" key={JSON.stringify(view.preferences)}>
          {view.emailConfigured ? null : <p className="hint">{t("notificationSettings.noEmail")}</p>}
          {GROUPS.map((group) => (
            <fieldset key={group}>
              <legend>{t(`notificationSettings.group.${group}`)}</legend>
              <p className="hint" id={`${group}-hint`}>
                {t(`notificationSettings.groupHint.${group}`)}
              </p>
              <label>
                <input type="checkbox" checked disabled aria-describedby={`${group}-hint`} />{" "}
                {t("notificationSettings.channel.inApp")}
              </label>
              {(["email", "push"] as const).map((channel) => (
                <label key={channel}>
                  <input
                    type="checkbox"
                    name={`${group}-${channel}`}
                    defaultChecked={view.preferences[group][channel]}
                    aria-describedby={`${group}-hint`}
                  />{" "}
                  {t(`notificationSettings.channel.${channel}`)}
                </label>
              ))}
            </fieldset>
          ))}
          <button type="submit">{t("notificationSettings.save")}</button>
        </form>
      ) : null}
    </section>
  );
}
