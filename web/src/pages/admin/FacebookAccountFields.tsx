// The Facebook page channel's part of the channel form: the page's id at Meta (which of the connecting person's
// pages this account is) and the Graph API's address (Meta's current version by default). The page's access token
// is not here: it comes from Facebook Login when connecting, and only this page's token is kept, sealed.
import { useTranslation } from "react-i18next";
import { Field } from "../../components/Field";

type Settings = Record<string, unknown>;
const GRAPH_API = "https://graph.facebook.com/v26.0";

/** The settings the fields hold, as the server's ZFacebookSettings takes them. */
export function readFacebookSettings(form: FormData, p: string): Settings {
  return {
    pageId: String(form.get(`${p}-page-id`) ?? "").trim(),
    serverUrl: String(form.get(`${p}-server`) ?? "").trim() || GRAPH_API,
  };
}

export function FacebookAccountFields(props: { idPrefix: string; settings?: Settings }) {
  const { t } = useTranslation();
  const { idPrefix: p, settings } = props;
  return (
    <>
      <Field
        id={`${p}-page-id`}
        label={t("channels.facebook.pageId")}
        hint={t("channels.facebook.pageIdHint")}
        name={`${p}-page-id`}
        required
        pattern="[0-9]{1,30}"
        inputMode="numeric"
        defaultValue={String(settings?.pageId ?? "")}
      />
      <Field
        id={`${p}-server`}
        label={t("channels.facebook.serverUrl")}
        hint={t("channels.facebook.serverUrlHint")}
        name={`${p}-server`}
        type="url"
        defaultValue={String(settings?.serverUrl ?? GRAPH_API)}
      />
    </>
  );
}
