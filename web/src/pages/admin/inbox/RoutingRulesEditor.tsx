// Routing rules in order: the first that matches a new conversation (channel, words in the text,
// kind of message) sends it to a department and/or a person.
import { useTranslation } from "react-i18next";
import type { InboxRules } from "../../../api/inbox";
import { ListInput } from "../../../components/ListInput";
import type { Choices } from "./choices";
import { NamedOptions, asNamed } from "../../../components/NamedOptions";

/** A rule with a key that stays with it while rules move (for React and the keyword field's text). */
/** A rule being edited: a new one has no id yet (the rules are saved as a whole). */
export type Rule = Omit<InboxRules["routing"][number], "id"> & { uid: string };
const INTENTS = ["question", "complaint", "praise", "fact_claim", "other"] as const;

export function RoutingRulesEditor({
  rules,
  onChange,
  choices,
}: {
  rules: Rule[];
  onChange(next: Rule[]): void;
  choices: Choices;
}) {
  const { t } = useTranslation();
  const update = (i: number, patch: Partial<Rule>) => onChange(rules.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const move = (i: number, step: number) => {
    const next = [...rules];
    const [rule] = next.splice(i, 1);
    if (rule) next.splice(i + step, 0, rule);
    onChange(next);
  };
  return (
    <fieldset>
      <legend>{t("inboxRules.routing.legend")}</legend>
      <p className="hint">{t("inboxRules.routing.hint")}</p>
      <ol className="plain-list">
        {rules.map((rule, i) => (
          <li key={rule.uid} className="card wide">
            <div className="inline-form">
              <label className="field compact">
                <span>{t("inboxRules.routing.name")}</span>
                <input value={rule.name} onChange={(e) => update(i, { name: e.target.value })} required />
              </label>
              <label className="field compact">
                <span>{t("inboxRules.routing.keywords")}</span>
                <ListInput value={rule.keywords} onList={(keywords) => update(i, { keywords })} />
              </label>
              <label className="field compact">
                <span>{t("inboxRules.intent")}</span>
                <select
                  value={rule.intent ?? ""}
                  onChange={(e) => update(i, { intent: (e.target.value || null) as Rule["intent"] })}
                >
                  <option value="">{t("inboxRules.any")}</option>
                  {INTENTS.map((intent) => (
                    <option key={intent} value={intent}>
                      {t(`inbox.intent.${intent}`)}
                    </option>
                  ))}
                </select>
              </label>
              <label className="field compact">
                <span>{t("inboxRules.channel")}</span>
                <select
                  value={rule.channelAccountId ?? ""}
                  onChange={(e) => update(i, { channelAccountId: e.target.value || null })}
                >
                  <option value="">{t("inboxRules.any")}</option>
                  <NamedOptions items={choices.channels} />
                </select>
              </label>
              <label className="field compact">
                <span>{t("inbox.department")}</span>
                <select
                  value={rule.departmentId ?? ""}
                  onChange={(e) => update(i, { departmentId: e.target.value || null })}
                >
                  <option value="">{t("inboxRules.none")}</option>
                  <NamedOptions items={choices.departments} />
                </select>
              </label>
              <label className="field compact">
                <span>{t("inbox.assignee")}</span>
                <select
                  value={rule.assigneeUserId ?? ""}
                  onChange={(e) => update(i, { assigneeUserId: e.target.value || null })}
                >
                  <option value="">{t("inboxRules.none")}</option>
                  <NamedOptions items={asNamed(choices.people)} />
                </select>
              </label>
            </div>
            <div className="actions">
              <button
                type="button"
                disabled={i === 0}
                onClick={() => move(i, -1)}
                aria-label={t("inboxRules.up", { name: rule.name })}
              >
                ↑
              </button>
              <button
                type="button"
                disabled={i === rules.length - 1}
                onClick={() => move(i, 1)}
                aria-label={t("inboxRules.down", { name: rule.name })}
              >
                ↓
              </button>
              <button type="button" onClick={() => onChange(rules.filter((_, j) => j !== i))}>
                {t("inboxRules.remove")}
              </button>
            </div>
          </li>
        ))}
      </ol>
      <button
        type="button"
        onClick={() =>
          onChange([
            ...rules,
            {
              uid: crypto.randomUUID(),
              name: "",
              keywords: [],
              intent: null,
              channelAccountId: null,
              departmentId: null,
              assigneeUserId: null,
            },
          ])
        }
      >
        {t("inboxRules.routing.add")}
      </button>
    </fieldset>
  );
}
