// The e-mail channel's part of the channel form: the shared mailbox's address and sender name, its IMAP
// server (where citizens' mails are read) and SMTP server (where answers leave), each with host, port and
// encryption, and the folder read. The sign-in is not here: it is given when connecting, and stored sealed.
import { useTranslation } from "react-i18next";
import { Field } from "../../components/Field";
import { oneOf } from "../../components/formValues";

const SECURITY = ["tls", "starttls", "none"] as const;
const DEFAULT_PORTS = { imap: { tls: 993, other: 143 }, smtp: { tls: 465, other: 587 } };

type Settings = Record<string, unknown>;
const serverOf = (settings: Settings | undefined, which: "imap" | "smtp") =>
  (settings?.[which] ?? {}) as { host?: string; port?: number; security?: string };

/** The settings the fields hold, as the server's ZEmailSettings takes them. */
export function readEmailSettings(form: FormData, p: string): Settings {
  const server = (which: "imap" | "smtp") => {
    const security = oneOf(SECURITY, form.get(`${p}-${which}-security`), "tls");
    const port = String(form.get(`${p}-${which}-port`) ?? "").trim();
    return {
      host: String(form.get(`${p}-${which}-host`) ?? "").trim(),
      port: port ? Number(port) : DEFAULT_PORTS[which][security === "tls" ? "tls" : "other"],
      security,
    };
  };
  return {
    address: String(form.get(`${p}-address`) ?? "").trim(),
    displayName: String(form.get(`${p}-display-name`) ?? "").trim(),
    imap: server("imap"),
    smtp: server("smtp"),
    mailbox: String(form.get(`${p}-mailbox`) ?? "").trim() || "INBOX",
  };
}

export function EmailAccountFields(props: { idPrefix: string; settings?: Settings }) {
  const { t } = useTranslation();
  const { idPrefix: p, settings } = props;
  const server = (which: "imap" | "smtp") => {
    const current = serverOf(settings, which);
    return (
      <fieldset>
        <legend>{t(`channels.email.${which}`)}</legend>
        <Field
          id={`${p}-${which}-host`}
          label={t("channels.email.host")}
          name={`${p}-${which}-host`}
          required
          maxLength={253}
          placeholder={which === "imap" ? "imap.stadt.de" : "smtp.stadt.de"}
          defaultValue={current.host ?? ""}
        />
        <Field
          id={`${p}-${which}-port`}
          label={t("channels.email.port")}
          hint={t("channels.email.portHint")}
          name={`${p}-${which}-port`}
          type="number"
          min={1}
          max={65535}
          defaultValue={current.port}
        />
        <div className="field">
          <label htmlFor={`${p}-${which}-security`}>{t("channels.email.security")}</label>
          <select
            id={`${p}-${which}-security`}
            name={`${p}-${which}-security`}
            defaultValue={current.security ?? "tls"}
          >
            {SECURITY.map((s) => (
              <option key={s} value={s}>
                {t(`channels.email.securityOption.${s}`)}
              </option>
            ))}
          </select>
        </div>
      </fieldset>
    );
  };
  return (
    <>
      <Field
        id={`${p}-address`}
        label={t("channels.email.address")}
        hint={t("channels.email.addressHint")}
        name={`${p}-address`}
        type="email"
        required
        placeholder="buergerservice@stadt.de"
        defaultValue={String(settings?.address ?? "")}
      />
      <Field
        id={`${p}-display-name`}
        label={t("channels.email.displayName")}
        name={`${p}-display-name`}
        maxLength={200}
        defaultValue={String(settings?.displayName ?? "")}
      />
      {server("imap")}
      {server("smtp")}
      <Field
        id={`${p}-mailbox`}
        label={t("channels.email.mailbox")}
        name={`${p}-mailbox`}
        maxLength={200}
        defaultValue={String(settings?.mailbox ?? "INBOX")}
      />
    </>
  );
}
