// The X channel's part of the channel form: the app's access tier at X (it decides the monthly post and read caps)
// and, for a test or a proxy, the API's address and the consent page's. The tokens are not here: the account is
// connected by OAuth on X's own page, and draht keeps them sealed.
import { useTranslation } from "react-i18next";
import { Field } from "../../components/Field";

type Settings = Record<string, unknown>;
const API = "https://api.x.com";
const AUTHORISE = "https://x.com/i/oauth2/authorize";
export const X_TIERS = ["free", "basic", "pro", "enterprise"] as const;

/** The settings the fields hold, as the server's ZXSettings takes them. */
export function readXSettings(form: FormData, p: string): Settings {
  const tier = String(form.get(`${p}-tier`) ?? "basic");
  return {
    tier: (X_TIERS as readonly string[]).includes(tier) ? tier : "basic",
    serverUrl: String(form.get(`${p}-server`) ?? "").trim() || API,
    authoriseUrl: String(form.get(`${p}-authorise`) ?? "").trim() || AUTHORISE,
  };
}

export function XAccountFields(props: { idPrefix: string; settings?: Settings }) {
  const { t } = useTranslation();
  const { idPrefix: p, settings } = props;
  return (
    <>
      <div className="field">
        <label htmlFor={`${p}-tier`}>{t("channels.x.tier")}</label>
        <select
          id={`${p}-tier`}
          name={`${p}-tier`}
          aria-describedby={`${p}-tier-hint`}
          defaultValue={String(settings?.tier ?? "basic")}
        >
          {X_TIERS.map((tier) => (
            <option key={tier} value={tier}>
              {t(`channels.x.tierOption.${tier}`)}
            </option>
          ))}
        </select>
        <p id={`${p}-tier-hint`} className="hint">
          {t("channels.x.tierHint")}
        </p>
      </div>
      <Field
        id={`${p}-server`}
        label={t("channels.x.serverUrl")}
        hint={t("channels.x.serverUrlHint")}
        name={`${p}-server`}
        type="url"
        defaultValue={String(settings?.serverUrl ?? API)}
      />
      <Field
        id={`${p}-authorise`}
        label={t("channels.x.authoriseUrl")}
        name={`${p}-authorise`}
        type="url"
        defaultValue={String(settings?.authoriseUrl ?? AUTHORISE)}
      />
    </>
  );
}
