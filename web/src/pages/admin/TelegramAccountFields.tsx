// The Telegram channel's part of the channel form: the channel the bot posts to, its discussion group (where
// comments are written; empty: the group Telegram links to the channel) and the Bot API server (Telegram's
// own, or a self-hosted one). The bot's token is not here: it is given when connecting, and stored sealed.
import { useTranslation } from "react-i18next";
import { Field } from "../../components/Field";

type Settings = Record<string, unknown>;
const CHAT_PATTERN = "(@[A-Za-z][A-Za-z0-9_]{3,31}|-?[0-9]{1,20})";

/** The settings the fields hold, as the server's ZTelegramSettings takes them. */
export function readTelegramSettings(form: FormData, p: string): Settings {
  const group = String(form.get(`${p}-group`) ?? "").trim();
  return {
    channel: String(form.get(`${p}-channel`) ?? "").trim(),
    ...(group ? { discussionGroup: group } : {}),
    serverUrl: String(form.get(`${p}-server`) ?? "").trim() || "https://api.telegram.org",
  };
}

export function TelegramAccountFields(props: { idPrefix: string; settings?: Settings }) {
  const { t } = useTranslation();
  const { idPrefix: p, settings } = props;
  return (
    <fieldset>
      <legend>{t("channels.telegram.legend")}</legend>
      <Field
        id={`${p}-channel`}
        label={t("channels.telegram.channel")}
        hint={t("channels.telegram.channelHint")}
        name={`${p}-channel`}
        required
        pattern={CHAT_PATTERN}
        placeholder="@stadt_musterstadt"
        defaultValue={String(settings?.channel ?? "")}
      />
      <Field
        id={`${p}-group`}
        label={t("channels.telegram.discussionGroup")}
        hint={t("channels.telegram.discussionGroupHint")}
        name={`${p}-group`}
        pattern={CHAT_PATTERN}
        defaultValue={String(settings?.discussionGroup ?? "")}
      />
      <Field
        id={`${p}-server`}
        label={t("channels.telegram.serverUrl")}
        hint={t("channels.telegram.serverUrlHint")}
        name={`${p}-server`}
        type="url"
        required
        defaultValue={String(settings?.serverUrl ?? "https://api.telegram.org")}
      />
    </fieldset>
  );
}
