// The WhatsApp Business channel's part of the channel form: the phone number's id at Meta (Business Manager →
// WhatsApp → API setup), the number citizens write to, the business account's id (for its message templates), and the Graph API's address (Meta's by default). The
// system user's access token is not here: it is given when connecting, checked with Meta and stored sealed.
import { useTranslation } from "react-i18next";
import { Field } from "../../components/Field";

type Settings = Record<string, unknown>;
const GRAPH_API = "https://graph.facebook.com/v21.0";

/** The settings the fields hold, as the server's ZWhatsAppSettings takes them. */
export function readWhatsAppSettings(form: FormData, p: string): Settings {
  return {
    phoneNumberId: String(form.get(`${p}-phone-number-id`) ?? "").trim(),
    displayPhoneNumber: String(form.get(`${p}-display-number`) ?? "").trim(),
    // Optional: without it no message templates are offered (the server takes no empty id).
    ...(String(form.get(`${p}-business-account-id`) ?? "").trim()
      ? { businessAccountId: String(form.get(`${p}-business-account-id`) ?? "").trim() }
      : {}),
    serverUrl: String(form.get(`${p}-server`) ?? "").trim() || GRAPH_API,
  };
}

export function WhatsAppAccountFields(props: { idPrefix: string; settings?: Settings }) {
  const { t } = useTranslation();
  const { idPrefix: p, settings } = props;
  return (
    <>
      <Field
        id={`${p}-phone-number-id`}
        label={t("channels.whatsapp.phoneNumberId")}
        hint={t("channels.whatsapp.phoneNumberIdHint")}
        name={`${p}-phone-number-id`}
        required
        pattern="[0-9]{1,30}"
        inputMode="numeric"
        defaultValue={String(settings?.phoneNumberId ?? "")}
      />
      <Field
        id={`${p}-display-number`}
        label={t("channels.whatsapp.displayPhoneNumber")}
        name={`${p}-display-number`}
        maxLength={40}
        placeholder="+49 30 1234567"
        defaultValue={String(settings?.displayPhoneNumber ?? "")}
      />
      <Field
        id={`${p}-business-account-id`}
        label={t("channels.whatsapp.businessAccountId")}
        hint={t("channels.whatsapp.businessAccountIdHint")}
        name={`${p}-business-account-id`}
        pattern="[0-9]{1,30}"
        inputMode="numeric"
        defaultValue={String(settings?.businessAccountId ?? "")}
      />
      <Field
        id={`${p}-server`}
        label={t("channels.whatsapp.serverUrl")}
        hint={t("channels.whatsapp.serverUrlHint")}
        name={`${p}-server`}
        type="url"
        defaultValue={String(settings?.serverUrl ?? GRAPH_API)}
      />
    </>
  );
}
