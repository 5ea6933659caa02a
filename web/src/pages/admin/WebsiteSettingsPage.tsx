// Website & Netiquette: the organisation's public pages (legal links, pre-moderation, retention, sites
// that may embed the widget, colours, the label of answers, the transparency page) and a new version of
// the Netiquette.
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { type Netiquette, type WebsiteSettings, websiteApi } from "../../api/website";
import { ErrorMessage, Notice } from "../../components/ErrorMessage";
import { Field } from "../../components/Field";
import { useOrg } from "../../components/OrgLayout";
import { PageHeading } from "../../components/PageHeading";
import { useAction } from "../../components/useAction";
import { useLoad } from "../../api/useLoad";

export function WebsiteSettingsPage() {
  const { t } = useTranslation();
  const org = useOrg();
  const [settings, setSettings] = useState<WebsiteSettings | null>(null);
  const [netiquettes, setNetiquettes] = useState<Netiquette[]>([]);
  const reload = useLoad(
    (signal) => websiteApi.settings(org.id, { signal }),
    (r) => {
      setSettings(r.settings);
      setNetiquettes(r.netiquettes);
    },
    [org.id],
    { onError: (error) => action.setError(error) },
  );
  const action = useAction(reload);
  const canManage = org.myActions.includes("channel.manage");
  const canEditNetiquette = org.myActions.includes("guideline.manage");

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (name: string) => String(data.get(name) ?? "").trim();
    const next: WebsiteSettings = {
      impressumUrl: text("impressumUrl") || null,
      privacyUrl: text("privacyUrl") || null,
      preModeration: text("preModeration") as WebsiteSettings["preModeration"],
      commentsOpen: data.get("commentsOpen") === "on",
      retentionDays: Number(text("retentionDays")),
      embedOrigins: text("embedOrigins").split(/\s+/).filter(Boolean),
      accentColor: text("accentColor"),
      answerLabel: text("answerLabel"),
      transparencyPage: data.get("transparencyPage") === "on",
    };
    await action.run(async () => (await websiteApi.saveSettings(org.id, next), t("websiteSettings.saved")));
  }

  async function publish(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const clauses = String(data.get("clauses") ?? "")
      .split(/\n\s*\n/)
      .map((block, i) => {
        const [title = "", ...rest] = block.trim().split("\n");
        return { number: i + 1, title: title.replace(/^§\s*\d+\s*/, "").trim(), text: rest.join(" ").trim() };
      })
      .filter((c) => c.title);
    const input = { title: String(data.get("title")), intro: String(data.get("intro")), clauses };
    await action.run(async () =>
      t("websiteSettings.netiquettePublished", {
        version: (await websiteApi.publishNetiquette(org.id, input)).version,
      }),
    );
  }

  const current = netiquettes.find((n) => n.publishedAt);
  // A draft newer than the Netiquette in force (adopted from another organisation's collection) fills the form.
  const draft = netiquettes.find((n) => !n.publishedAt && n.version > (current?.version ?? 0));
  const shown = draft ?? current;
  return (
    <section aria-labelledby="page-heading">
      <PageHeading title={t("websiteSettings.title")} id="page-heading" />
      <p>
        {t("websiteSettings.publicPages")} <a href={`/p/${encodeURIComponent(org.slug)}`}>/p/{org.slug}</a>
      </p>
      <Notice text={action.notice} />
      <ErrorMessage error={action.error} />
      {settings ? (
        <form onSubmit={save} className="card wide">
          <fieldset disabled={!canManage}>
            <legend>{t("websiteSettings.pages")}</legend>
            <Field
              id="ws-impressum"
              name="impressumUrl"
              type="url"
              label={t("websiteSettings.impressumUrl")}
              defaultValue={settings.impressumUrl ?? ""}
            />
            <Field
              id="ws-privacy"
              name="privacyUrl"
              type="url"
              label={t("websiteSettings.privacyUrl")}
              defaultValue={settings.privacyUrl ?? ""}
            />
            <div className="field">
              <label htmlFor="ws-premod">{t("websiteSettings.preModeration")}</label>
              <select id="ws-premod" name="preModeration" defaultValue={settings.preModeration}>
                {(["none", "first_comment", "all"] as const).map((m) => (
                  <option key={m} value={m}>
                    {t(`websiteSettings.preModerationMode.${m}`)}
                  </option>
                ))}
              </select>
            </div>
            <label className="check">
              <input type="checkbox" name="commentsOpen" defaultChecked={settings.commentsOpen} />{" "}
              {t("websiteSettings.commentsOpen")}
            </label>
            <label className="check">
              <input
                type="checkbox"
                name="transparencyPage"
                aria-describedby="ws-transparency-hint"
                defaultChecked={settings.transparencyPage}
              />{" "}
              {t("websiteSettings.transparencyPage")}
            </label>
            <p id="ws-transparency-hint" className="hint">
              {t("websiteSettings.transparencyHint")}
            </p>
            <Field
              id="ws-retention"
              name="retentionDays"
              type="number"
              min={30}
              max={3650}
              required
              label={t("websiteSettings.retentionDays")}
              hint={t("websiteSettings.retentionHint")}
              defaultValue={settings.retentionDays}
            />
            <div className="field">
              <label htmlFor="ws-origins">{t("websiteSettings.embedOrigins")}</label>
              <textarea
                id="ws-origins"
                name="embedOrigins"
                rows={3}
                aria-describedby="ws-origins-hint"
                defaultValue={settings.embedOrigins.join("\n")}
              />
              <p id="ws-origins-hint" className="hint">
                {t("websiteSettings.embedOriginsHint")}
              </p>
            </div>
            <Field
              id="ws-accent"
              name="accentColor"
              type="color"
              label={t("websiteSettings.accentColor")}
              hint={t("websiteSettings.accentHint")}
              defaultValue={settings.accentColor}
            />
            <Field
              id="ws-label"
              name="answerLabel"
              required
              maxLength={80}
              label={t("websiteSettings.answerLabel")}
              defaultValue={settings.answerLabel}
            />
            <button type="submit">{t("websiteSettings.save")}</button>
          </fieldset>
        </form>
      ) : null}
      <h2>{t("websiteSettings.netiquette")}</h2>
      <p>
        {current
          ? t("websiteSettings.netiquetteCurrent", { version: current.version, title: current.title })
          : t("websiteSettings.netiquetteNone")}
      </p>
      {draft ? (
        <p className="message message-ok" role="status">
          {t("websiteSettings.netiquetteDraft", { title: draft.title })}
        </p>
      ) : null}
      {canEditNetiquette ? (
        <form onSubmit={publish} className="card wide" key={shown?.id ?? "none"}>
          <Field
            id="nq-title"
            name="title"
            required
            maxLength={200}
            label={t("websiteSettings.netiquetteTitle")}
            defaultValue={shown?.title ?? ""}
          />
          <div className="field">
            <label htmlFor="nq-intro">{t("websiteSettings.netiquetteIntro")}</label>
            <textarea id="nq-intro" name="intro" rows={3} defaultValue={shown?.intro ?? ""} />
          </div>
          <div className="field">
            <label htmlFor="nq-clauses">{t("websiteSettings.netiquetteClauses")}</label>
            <textarea
              id="nq-clauses"
              name="clauses"
              rows={14}
              aria-describedby="nq-clauses-hint"
              defaultValue={(shown?.clauses ?? []).map((c) => `§${c.number} ${c.title}\n${c.text}`).join("\n\n")}
            />
            <p id="nq-clauses-hint" className="hint">
              {t("websiteSettings.netiquetteClausesHint")}
            </p>
          </div>
          <button type="submit">{t("websiteSettings.publishNetiquette")}</button>
        </form>
      ) : null}
    </section>
  );
}
