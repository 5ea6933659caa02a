// Adding or changing a channel account: owner department, accountable person, approval per content
// type, posting hours, own limits; for Mastodon its instance and visibility, for Bluesky its PDS, for e-mail
// its mailbox's servers (EmailAccountFields.tsx), for Telegram its channel (TelegramAccountFields.tsx), for
// WhatsApp its number (WhatsAppAccountFields.tsx), for Facebook its page (FacebookAccountFields.tsx), for Instagram
// its account and page (InstagramAccountFields.tsx), for X its access tier (XAccountFields.tsx); for the sandbox the
// network it stands in for and simulated failures.
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Body } from "../../api/client";
import type { ChannelAccountDetails } from "../../api/publishing";
import type { Department, Member } from "../../api/types";
import { Field } from "../../components/Field";
import { oneOf } from "../../components/formValues";
import { TimeWindowFields, readScope } from "./AccessScopeFields";
import { EmailAccountFields, readEmailSettings } from "./EmailAccountFields";
import { FacebookAccountFields, readFacebookSettings } from "./FacebookAccountFields";
import { TelegramAccountFields, readTelegramSettings } from "./TelegramAccountFields";
import { InstagramAccountFields, readInstagramSettings } from "./InstagramAccountFields";
import { WhatsAppAccountFields, readWhatsAppSettings } from "./WhatsAppAccountFields";
import { XAccountFields, readXSettings } from "./XAccountFields";

const MODES = ["none", "single", "four_eyes", "chain"] as const;
const CONTENT_TYPES = ["post", "campaign_template", "campaign_free"] as const;
const EMULATED = ["mastodon", "bluesky", "x", "instagram", "facebook", "telegram", "website"] as const;
const FAILURES = ["none", "transient", "rate_limited", "permanent", "auth_expired"] as const;
const NETWORK_CHOICES = [
  "sandbox",
  "website",
  "mastodon",
  "bluesky",
  "email",
  "telegram",
  "whatsapp",
  "facebook",
  "instagram",
  "x",
] as const;
const VISIBILITIES = ["public", "unlisted", "private"] as const;
/** Networks an administrator turns on for the organisation first (joint controllership, domain/jointControl.ts). */
const JOINT_CONTROL: readonly string[] = ["facebook", "instagram"];

/** What the form sends: the account's fields, and for a new account its network. */
export type ChannelAccountValues = Body<"PATCH /api/orgs/:orgId/channels/:channelAccountId"> & {
  name: string;
  network?: (typeof NETWORK_CHOICES)[number];
};

export function ChannelAccountForm(props: {
  idPrefix: string;
  title: string;
  submitLabel: string;
  account?: ChannelAccountDetails;
  departments: Department[];
  members: Member[];
  /** The joint-control networks the organisation has turned on (only those are offered for a new account). */
  enabledNetworks?: readonly string[];
  onSubmit(values: ChannelAccountValues): Promise<boolean>;
  onCancel?(): void;
}) {
  const { t } = useTranslation();
  const { account, idPrefix: p } = props;
  const [network, setNetwork] = useState(account?.network ?? "sandbox");
  const number = (value: FormDataEntryValue | null) => (value && String(value).trim() ? Number(value) : undefined);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const window = readScope(form, p).activeWindow;
    const mode = (c: (typeof CONTENT_TYPES)[number]) => oneOf(MODES, form.get(`approval-${c}`), "single");
    const values: ChannelAccountValues = {
      name: String(form.get("name")),
      departmentId: String(form.get("departmentId")) || null,
      accountableUserId: String(form.get("accountableUserId")) || null,
      approval: {
        post: mode("post"),
        campaign_template: mode("campaign_template"),
        campaign_free: mode("campaign_free"),
      },
      postingWindows: window ? [window] : [],
      limits: {
        maxLength: number(form.get("maxLength")),
        maxMedia: number(form.get("maxMedia")),
        maxHashtags: number(form.get("maxHashtags")),
      },
    };
    if (!account) values.network = oneOf(NETWORK_CHOICES, network, "sandbox");
    if (network === "sandbox") {
      values.emulates = oneOf(EMULATED, form.get("emulates"), "mastodon");
      values.settings = { failWith: String(form.get("failWith")), delayMs: number(form.get("delayMs")) ?? 0 };
    }
    if (network === "mastodon")
      values.settings = { serverUrl: String(form.get("serverUrl")).trim(), visibility: String(form.get("visibility")) };
    if (network === "bluesky") values.settings = { serviceUrl: String(form.get("serviceUrl")).trim() };
    if (network === "email") values.settings = readEmailSettings(form, `${p}-email`);
    if (network === "telegram") values.settings = readTelegramSettings(form, `${p}-telegram`);
    if (network === "whatsapp") values.settings = readWhatsAppSettings(form, `${p}-whatsapp`);
    if (network === "facebook") values.settings = readFacebookSettings(form, `${p}-facebook`);
    if (network === "instagram") values.settings = readInstagramSettings(form, `${p}-instagram`);
    if (network === "x") values.settings = readXSettings(form, `${p}-x`);
    if ((await props.onSubmit(values)) && !account) formElement.reset();
  }

  const select = (
    id: string,
    label: string,
    name: string,
    value: string,
    options: { value: string; label: string }[],
  ) => (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={value}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <form className="card" onSubmit={(e) => void submit(e)} aria-labelledby={`${p}-title`}>
      <h2 id={`${p}-title`}>{props.title}</h2>
      <Field
        id={`${p}-name`}
        label={t("channels.name")}
        name="name"
        required
        minLength={2}
        maxLength={120}
        defaultValue={account?.name}
      />
      {!account && (
        <div className="field">
          <label htmlFor={`${p}-network`}>{t("channels.network")}</label>
          <select id={`${p}-network`} name="network" value={network} onChange={(e) => setNetwork(e.target.value)}>
            {NETWORK_CHOICES.filter((n) => !JOINT_CONTROL.includes(n) || props.enabledNetworks?.includes(n)).map(
              (n) => (
                <option key={n} value={n}>
                  {t(`networks.${n}`)}
                </option>
              ),
            )}
          </select>
        </div>
      )}
      {network === "mastodon" && (
        <>
          <Field
            id={`${p}-server`}
            label={t("channels.serverUrl")}
            hint={t("channels.serverUrlHint")}
            name="serverUrl"
            type="url"
            required
            placeholder="https://social.bund.de"
            defaultValue={String(account?.settings.serverUrl ?? "")}
          />
          {select(
            `${p}-visibility`,
            t("channels.visibility"),
            "visibility",
            String(account?.settings.visibility ?? "public"),
            VISIBILITIES.map((v) => ({ value: v, label: t(`channels.visibilityOption.${v}`) })),
          )}
        </>
      )}
      {network === "bluesky" && (
        <Field
          id={`${p}-service`}
          label={t("channels.serviceUrl")}
          hint={t("channels.serviceUrlHint")}
          name="serviceUrl"
          type="url"
          required
          defaultValue={String(account?.settings.serviceUrl ?? "https://bsky.social")}
        />
      )}
      {network === "email" && <EmailAccountFields idPrefix={`${p}-email`} settings={account?.settings} />}
      {network === "telegram" && <TelegramAccountFields idPrefix={`${p}-telegram`} settings={account?.settings} />}
      {network === "whatsapp" && <WhatsAppAccountFields idPrefix={`${p}-whatsapp`} settings={account?.settings} />}
      {network === "facebook" && <FacebookAccountFields idPrefix={`${p}-facebook`} settings={account?.settings} />}
      {network === "instagram" && <InstagramAccountFields idPrefix={`${p}-instagram`} settings={account?.settings} />}
      {network === "x" && <XAccountFields idPrefix={`${p}-x`} settings={account?.settings} />}
      {network === "sandbox" &&
        select(
          `${p}-emulates`,
          t("channels.emulates"),
          "emulates",
          account?.emulates ?? "mastodon",
          EMULATED.map((n) => ({ value: n, label: t(`networks.${n}`) })),
        )}
      {select(`${p}-department`, t("channels.department"), "departmentId", account?.departmentId ?? "", [
        { value: "", label: t("channels.noDepartment") },
        ...props.departments.map((d) => ({ value: d.id, label: d.name })),
      ])}
      {select(`${p}-accountable`, t("channels.accountable"), "accountableUserId", account?.accountableUserId ?? "", [
        { value: "", label: t("channels.nobody") },
        ...props.members.map((m) => ({ value: m.userId, label: m.name })),
      ])}
      <fieldset>
        <legend>{t("channels.approval")}</legend>
        {CONTENT_TYPES.map((c) =>
          select(
            `${p}-approval-${c}`,
            t(`channels.contentType.${c}`),
            `approval-${c}`,
            account?.approval[c] ?? (c === "campaign_template" ? "none" : "single"),
            MODES.map((m) => ({ value: m, label: t(`channels.mode.${m}`) })),
          ),
        )}
      </fieldset>
      <TimeWindowFields idPrefix={p} window={account?.postingWindows[0] ?? null} />
      <fieldset>
        <legend>{t("channels.limits")}</legend>
        <p className="hint">{t("channels.limitsHint")}</p>
        <Field
          id={`${p}-max-length`}
          label={t("channels.maxLength")}
          name="maxLength"
          type="number"
          min={1}
          defaultValue={account?.limits.maxLength}
        />
        <Field
          id={`${p}-max-media`}
          label={t("channels.maxMedia")}
          name="maxMedia"
          type="number"
          min={0}
          defaultValue={account?.limits.maxMedia}
        />
        <Field
          id={`${p}-max-hashtags`}
          label={t("channels.maxHashtags")}
          name="maxHashtags"
          type="number"
          min={0}
          defaultValue={account?.limits.maxHashtags ?? undefined}
        />
      </fieldset>
      {network === "sandbox" && (
        <fieldset>
          <legend>{t("channels.simulation")}</legend>
          {select(
            `${p}-fail`,
            t("channels.failWith"),
            "failWith",
            String(account?.settings.failWith ?? "none"),
            FAILURES.map((f) => ({ value: f, label: t(`channels.failure.${f}`) })),
          )}
          <Field
            id={`${p}-delay`}
            label={t("channels.delayMs")}
            name="delayMs"
            type="number"
            min={0}
            max={60000}
            defaultValue={Number(account?.settings.delayMs ?? 0)}
          />
        </fieldset>
      )}
      <button type="submit">{props.submitLabel}</button>
      {props.onCancel && (
        <button type="button" onClick={props.onCancel}>
          {t("channels.cancel")}
        </button>
      )}
    </form>
  );
}
