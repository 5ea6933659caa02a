// The Instagram channel's part of the channel form: the professional account's Instagram id (ig-user-id), the id of
// the Facebook page it is linked to (direct messages go through the page), and the Graph API's address (Meta's by
// default). The page's access token is not here: it is given when connecting, checked with Meta and stored sealed.
import { useTranslation } from "react-i18next";
import { Field } from "../../components/Field";

type Settings = Record<string, unknown>;
const GRAPH_API = "https://graph.facebook.com/v26.0";

/** The settings the fields hold, as the server's ZInstagramSettings takes them. */
export function readInstagramSettings(form: FormData, p: string): Settings {
  const pageId = String(form.get(`${p}-page-id`) ?? "").trim();
  return {
    igUserId: String(form.get(`${p}-ig-user-id`) ?? "").trim(),
    ...(pageId ? { pageId } : {}),
    serverUrl: String(form.get(`${p}-server`) ?? "").trim() || GRAPH_API,
  };
}

export function InstagramAccountFields(props: { idPrefix: string; settings?: Settings }) {
  const { t } = useTranslation();
  const { idPrefix: p, settings } = props;
  return (
    <>
      <Field
        id={`${p}-ig-user-id`}
        label={t("channels.instagram.igUserId")}
        hint={t("channels.instagram.igUserIdHint")}
        name={`${p}-ig-user-id`}
        required
        pattern="[0-9]{1,30}"
        inputMode="numeric"
        defaultValue={String(settings?.igUserId ?? "")}
      />
      <Field
        id={`${p}-page-id`}
        label={t("channels.instagram.pageId")}
        hint={t("channels.instagram.pageIdHint")}
        name={`${p}-page-id`}
        pattern="[0-9]{1,30}"
        inputMode="numeric"
        defaultValue={String(settings?.pageId ?? "")}
      />
      <Field
        id={`${p}-server`}
        label={t("channels.instagram.serverUrl")}
        hint={t("channels.instagram.serverUrlHint")}
        name={`${p}-server`}
        type="url"
        defaultValue={String(settings?.serverUrl ?? GRAPH_API)}
      />
    </>
  );
}
