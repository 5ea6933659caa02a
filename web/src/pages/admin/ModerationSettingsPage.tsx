// Moderation settings: from which scores the machine holds or hides a message, which Netiquette clauses
// it cites, the organisation's own word lists and patterns, flood limits, who hears about threats at
// once, and when a rise of offensive messages counts as a shitstorm.
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { type ModerationSettings, moderationApi } from "../../api/moderation";
import { ErrorMessage, Notice } from "../../components/ErrorMessage";
import { Field } from "../../components/Field";
import { useOrg } from "../../components/OrgLayout";
import { PageHeading } from "../../components/PageHeading";
import { useAction } from "../../components/useAction";
import { useColleagues } from "../moderation/useColleagues";
import { useLoad } from "../../api/useLoad";
import { formatRules, parseRules } from "./wordRules";

export function ModerationSettingsPage() {
  const { t } = useTranslation();
  const org = useOrg();
  const [settings, setSettings] = useState<ModerationSettings | null>(null);
  const [rulesProblem, setRulesProblem] = useState<string | null>(null);
  const reload = useLoad(
    (signal) => moderationApi.settings(org.id, { signal }),
    (r) => setSettings(r.settings),
    [org.id],
    { onError: (error) => action.setError(error) },
  );
  const action = useAction(reload);
  const colleagues = useColleagues(org.id, true);
  const canManage = org.myActions.includes("guideline.manage");

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!settings) return;
    const data = new FormData(event.currentTarget);
    const num = (name: string) => Number(data.get(name));
    const pct = (name: string) => num(name) / 100;
    const rules = parseRules(String(data.get("wordRules") ?? ""), t, settings.wordRules);
    setRulesProblem(rules.problem);
    if (rules.problem) return;
    const next: ModerationSettings = {
      ...settings,
      holdOffense: pct("holdOffense"),
      hideOffense: pct("hideOffense"),
      holdHate: pct("holdHate"),
      holdThreat: pct("holdThreat"),
      hideThreat: pct("hideThreat"),
      insultClause: num("insultClause"),
      threatClause: num("threatClause"),
      spamClause: num("spamClause"),
      floodMaxMessages: num("floodMaxMessages"),
      floodWindowMinutes: num("floodWindowMinutes"),
      maxLinks: num("maxLinks"),
      onClassifierFailure: data.get("onClassifierFailure") === "pass" ? "pass" : "hold",
      hideOnNetwork: data.get("hideOnNetwork") === "on",
      wordRules: rules.rules,
      threatContacts: data.getAll("threatContacts").map(String),
      shitstorm: {
        ...settings.shitstorm,
        threshold: num("stormThreshold"),
        minOffensive: num("stormMin"),
        windowMinutes: num("stormWindow"),
      },
    };
    await action.run(async () => (await moderationApi.saveSettings(org.id, next), t("moderationSettings.saved")));
  }

  const percent = (name: keyof ModerationSettings, value: number) => (
    <Field
      id={`ms-${name}`}
      name={name}
      label={t(`moderationSettings.${name}`)}
      type="number"
      min={0}
      max={100}
      step={1}
      defaultValue={Math.round(value * 100)}
      disabled={!canManage}
    />
  );

  return (
    <section aria-labelledby="page-heading">
      <PageHeading title={t("moderationSettings.title")} id="page-heading" />
      <p>{t("moderationSettings.intro")}</p>
      <Notice text={action.notice} />
      <ErrorMessage error={action.error} />
      {settings ? (
        <form onSubmit={(e) => void save(e)}>
          <fieldset>
            <legend>{t("moderationSettings.thresholds")}</legend>
            {percent("holdOffense", settings.holdOffense)}
            {percent("hideOffense", settings.hideOffense)}
            {percent("holdHate", settings.holdHate)}
            {percent("holdThreat", settings.holdThreat)}
            {percent("hideThreat", settings.hideThreat)}
            <label htmlFor="ms-failure">{t("moderationSettings.onClassifierFailure")}</label>
            <select
              id="ms-failure"
              name="onClassifierFailure"
              defaultValue={settings.onClassifierFailure}
              disabled={!canManage}
            >
              <option value="hold">{t("moderationSettings.failureHold")}</option>
              <option value="pass">{t("moderationSettings.failurePass")}</option>
            </select>
            <label className="check">
              <input
                type="checkbox"
                name="hideOnNetwork"
                defaultChecked={settings.hideOnNetwork}
                disabled={!canManage}
                aria-describedby="ms-hide-network-hint"
              />
              {t("moderationSettings.hideOnNetwork")}
            </label>
            <p id="ms-hide-network-hint" className="hint">
              {t("moderationSettings.hideOnNetworkHint")}
            </p>
          </fieldset>
          <fieldset>
            <legend>{t("moderationSettings.clauses")}</legend>
            <Field
              id="ms-insult"
              name="insultClause"
              label={t("moderationSettings.insultClause")}
              type="number"
              min={1}
              max={99}
              defaultValue={settings.insultClause}
              disabled={!canManage}
            />
            <Field
              id="ms-threat"
              name="threatClause"
              label={t("moderationSettings.threatClause")}
              type="number"
              min={1}
              max={99}
              defaultValue={settings.threatClause}
              disabled={!canManage}
            />
            <Field
              id="ms-spam"
              name="spamClause"
              label={t("moderationSettings.spamClause")}
              type="number"
              min={1}
              max={99}
              defaultValue={settings.spamClause}
              disabled={!canManage}
            />
          </fieldset>
          <fieldset>
            <legend>{t("moderationSettings.wordRules")}</legend>
            <label htmlFor="ms-rules">{t("moderationSettings.wordRulesLabel")}</label>
            <textarea
              id="ms-rules"
              name="wordRules"
              rows={6}
              defaultValue={formatRules(settings.wordRules, t)}
              aria-describedby={rulesProblem ? "ms-rules-problem ms-rules-hint" : "ms-rules-hint"}
              aria-invalid={rulesProblem !== null}
              disabled={!canManage}
            />
            {rulesProblem && (
              <p id="ms-rules-problem" className="message message-error" role="alert">
                {rulesProblem}
              </p>
            )}
            <p id="ms-rules-hint" className="hint">
              {t("moderationSettings.wordRulesHint")}
            </p>
          </fieldset>
          <fieldset>
            <legend>{t("moderationSettings.spam")}</legend>
            <Field
              id="ms-flood"
              name="floodMaxMessages"
              label={t("moderationSettings.floodMaxMessages")}
              type="number"
              min={2}
              max={1000}
              defaultValue={settings.floodMaxMessages}
              disabled={!canManage}
            />
            <Field
              id="ms-flood-window"
              name="floodWindowMinutes"
              label={t("moderationSettings.floodWindowMinutes")}
              type="number"
              min={1}
              max={1440}
              defaultValue={settings.floodWindowMinutes}
              disabled={!canManage}
            />
            <Field
              id="ms-links"
              name="maxLinks"
              label={t("moderationSettings.maxLinks")}
              type="number"
              min={0}
              max={50}
              defaultValue={settings.maxLinks}
              disabled={!canManage}
            />
          </fieldset>
          <fieldset>
            <legend>{t("moderationSettings.alerts")}</legend>
            <label htmlFor="ms-contacts">{t("moderationSettings.threatContacts")}</label>
            <select
              id="ms-contacts"
              name="threatContacts"
              multiple
              defaultValue={settings.threatContacts}
              aria-describedby="ms-contacts-hint"
              disabled={!canManage}
            >
              {colleagues.map((c) => (
                <option key={c.userId} value={c.userId}>
                  {c.name}
                </option>
              ))}
            </select>
            <p id="ms-contacts-hint" className="hint">
              {t("moderationSettings.threatContactsHint")}
            </p>
            <Field
              id="ms-storm-window"
              name="stormWindow"
              label={t("moderationSettings.stormWindow")}
              type="number"
              min={5}
              max={1440}
              defaultValue={settings.shitstorm.windowMinutes}
              disabled={!canManage}
            />
            <Field
              id="ms-storm-threshold"
              name="stormThreshold"
              label={t("moderationSettings.stormThreshold")}
              type="number"
              min={1}
              max={100}
              step={0.5}
              defaultValue={settings.shitstorm.threshold}
              disabled={!canManage}
            />
            <Field
              id="ms-storm-min"
              name="stormMin"
              label={t("moderationSettings.stormMin")}
              type="number"
              min={1}
              max={10000}
              defaultValue={settings.shitstorm.minOffensive}
              disabled={!canManage}
            />
          </fieldset>
          {canManage ? <button type="submit">{t("moderationSettings.save")}</button> : null}
        </form>
      ) : null}
    </section>
  );
}
