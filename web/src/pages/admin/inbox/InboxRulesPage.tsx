// Posteingang-Regeln: routing rules, response-time targets and the inbox settings (automatic
// acknowledgement outside office hours, idle-channel warning, "asked again" window, Freigabe of replies).
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../../api/client";
import { type InboxRules, inboxApi } from "../../../api/inbox";
import { publishingApi } from "../../../api/publishing";
import { ErrorMessage, Notice } from "../../../components/ErrorMessage";
import { useOrg } from "../../../components/OrgLayout";
import { PageHeading } from "../../../components/PageHeading";
import { ListInput } from "../../../components/ListInput";
import { useAction } from "../../../components/useAction";
import { type Rule, RoutingRulesEditor } from "./RoutingRulesEditor";
import { TargetsEditor } from "./TargetsEditor";
import { useLoad } from "../../../api/useLoad";
import type { Choices } from "./choices";

export function InboxRulesPage() {
  const { t } = useTranslation();
  const org = useOrg();
  const [rules, setRules] = useState<(Omit<InboxRules, "routing"> & { routing: Rule[] }) | null>(null);
  const [choices, setChoices] = useState<Choices>({ channels: [], departments: [], people: [] });
  const reload = useLoad(
    (signal) => inboxApi.rules(org.id, { signal }),
    (r) => setRules({ ...r, routing: r.routing.map((rule) => ({ ...rule, uid: crypto.randomUUID() })) }),
    [org.id],
    { onError: (error) => setError(error) },
  );
  const action = useAction(reload);
  const { setError } = action;
  useLoad(
    (signal) =>
      Promise.all([
        publishingApi.channels(org.id, { signal }),
        api.departments(org.id, { signal }),
        inboxApi.colleagues(org.id, { signal }),
      ]),
    ([c, d, p]) =>
      setChoices({ channels: c.channels, departments: d.departments, people: p.colleagues.filter((x) => x.canReply) }),
    [org.id],
    { onError: (error) => setError(error) },
  );
  const canEdit = org.myActions.includes("org.update");

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!rules) return;
    const { defaultTarget: _default, ...input } = rules;
    const routing = input.routing.map(({ uid: _uid, ...rule }) => rule);
    await action.run(async () => (await inboxApi.saveRules(org.id, { ...input, routing }), t("inboxRules.saved")));
  }

  if (!rules) return <ErrorMessage error={action.error} />;
  const settings = rules.settings;
  const setSettings = (patch: Partial<InboxRules["settings"]>) =>
    setRules({ ...rules, settings: { ...settings, ...patch } });
  return (
    <section aria-labelledby="page-heading">
      <PageHeading title={t("inboxRules.title")} id="page-heading" />
      <p>{t("inboxRules.intro")}</p>
      <Notice text={action.notice} />
      <ErrorMessage error={action.error} />
      <form onSubmit={save}>
        <fieldset disabled={!canEdit} className="plain-fieldset">
          <legend className="visually-hidden">{t("inboxRules.title")}</legend>
          <RoutingRulesEditor
            rules={rules.routing}
            onChange={(routing) => setRules({ ...rules, routing })}
            choices={choices}
          />
          <TargetsEditor
            targets={rules.targets}
            onChange={(targets) => setRules({ ...rules, targets })}
            choices={choices}
            defaultMinutes={rules.defaultTarget.firstResponseMinutes}
          />
          <fieldset>
            <legend>{t("inboxRules.settings.legend")}</legend>
            <label className="check">
              <input
                type="checkbox"
                checked={settings.autoAcknowledge}
                onChange={(e) => setSettings({ autoAcknowledge: e.target.checked })}
              />
              {t("inboxRules.settings.autoAcknowledge")}
            </label>
            <label className="check">
              <input
                type="checkbox"
                checked={settings.acknowledgeOnNetworks}
                disabled={!settings.autoAcknowledge}
                onChange={(e) => setSettings({ acknowledgeOnNetworks: e.target.checked })}
              />
              {t("inboxRules.settings.acknowledgeOnNetworks")}
            </label>
            <label className="field">
              <span>{t("inboxRules.settings.idleWarningDays")}</span>
              <input
                type="number"
                min={1}
                max={90}
                value={settings.idleWarningDays}
                onChange={(e) => setSettings({ idleWarningDays: Number(e.target.value) })}
              />
            </label>
            <label className="field">
              <span>{t("inboxRules.settings.repeatWindowDays")}</span>
              <input
                type="number"
                min={1}
                max={90}
                value={settings.repeatWindowDays}
                onChange={(e) => setSettings({ repeatWindowDays: Number(e.target.value) })}
              />
            </label>
            <label className="field">
              <span>{t("inboxRules.settings.replyApproval")}</span>
              <select
                value={settings.replyApproval}
                onChange={(e) =>
                  setSettings({ replyApproval: e.target.value as InboxRules["settings"]["replyApproval"] })
                }
              >
                {(["none", "keywords", "all"] as const).map((mode) => (
                  <option key={mode} value={mode}>
                    {t(`inboxRules.settings.approval.${mode}`)}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span>{t("inboxRules.settings.approvalKeywords")}</span>
              <ListInput
                value={settings.replyApprovalKeywords}
                onList={(replyApprovalKeywords) => setSettings({ replyApprovalKeywords })}
              />
            </label>
          </fieldset>
          <button type="submit">{t("inboxRules.save")}</button>
        </fieldset>
      </form>
    </section>
  );
}
