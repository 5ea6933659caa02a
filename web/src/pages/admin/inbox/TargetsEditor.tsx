// Response-time targets per channel and kind of message, in business minutes; the most specific one
// applies, and without any the default (one business day for a first answer).
import { useTranslation } from "react-i18next";
import type { InboxRules } from "../../../api/inbox";
import type { Choices } from "./choices";
import { NamedOptions } from "../../../components/NamedOptions";

type Target = InboxRules["targets"][number];
const INTENTS = ["question", "complaint", "praise", "fact_claim", "other"] as const;

export function TargetsEditor({
  targets,
  onChange,
  choices,
  defaultMinutes,
}: {
  targets: Target[];
  onChange(next: Target[]): void;
  choices: Choices;
  defaultMinutes: number;
}) {
  const { t } = useTranslation();
  const update = (i: number, patch: Partial<Target>) =>
    onChange(targets.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  return (
    <fieldset>
      <legend>{t("inboxRules.targets.legend")}</legend>
      <p className="hint">{t("inboxRules.targets.hint", { minutes: defaultMinutes })}</p>
      <table>
        <caption className="visually-hidden">{t("inboxRules.targets.legend")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("inboxRules.channel")}</th>
            <th scope="col">{t("inboxRules.intent")}</th>
            <th scope="col">{t("inboxRules.targets.first")}</th>
            <th scope="col">{t("inboxRules.targets.resolution")}</th>
            <th scope="col">
              <span className="visually-hidden">{t("inboxRules.remove")}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {targets.map((target, i) => (
            <tr key={i}>
              <td>
                <select
                  aria-label={t("inboxRules.channel")}
                  value={target.channelAccountId ?? ""}
                  onChange={(e) => update(i, { channelAccountId: e.target.value || null })}
                >
                  <option value="">{t("inboxRules.any")}</option>
                  <NamedOptions items={choices.channels} />
                </select>
              </td>
              <td>
                <select
                  aria-label={t("inboxRules.intent")}
                  value={target.intent ?? ""}
                  onChange={(e) => update(i, { intent: (e.target.value || null) as Target["intent"] })}
                >
                  <option value="">{t("inboxRules.any")}</option>
                  {INTENTS.map((intent) => (
                    <option key={intent} value={intent}>
                      {t(`inbox.intent.${intent}`)}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                <input
                  type="number"
                  min={1}
                  aria-label={t("inboxRules.targets.first")}
                  value={target.firstResponseMinutes}
                  onChange={(e) => update(i, { firstResponseMinutes: Number(e.target.value) })}
                  required
                />
              </td>
              <td>
                <input
                  type="number"
                  min={1}
                  aria-label={t("inboxRules.targets.resolution")}
                  value={target.resolutionMinutes ?? ""}
                  onChange={(e) => update(i, { resolutionMinutes: e.target.value ? Number(e.target.value) : null })}
                />
              </td>
              <td>
                <button type="button" onClick={() => onChange(targets.filter((_, j) => j !== i))}>
                  {t("inboxRules.remove")}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button
        type="button"
        onClick={() =>
          onChange([
            ...targets,
            { channelAccountId: null, intent: null, firstResponseMinutes: 240, resolutionMinutes: null },
          ])
        }
      >
        {t("inboxRules.targets.add")}
      </button>
    </fieldset>
  );
}
