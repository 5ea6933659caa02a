// Why the machine flagged a message: its labels, scores as percentages and the reasons (rules, words,
// n-grams), so the moderator decides knowing what the machine saw.
import { useTranslation } from "react-i18next";
import type { ModerationMessage } from "../../api/moderation";

const SHOWN = ["offense", "insult", "abuse", "profanity", "threat"] as const;

export function CaseScores({ message }: { message: ModerationMessage }) {
  const { t, i18n } = useTranslation();
  const pct = (x: number | undefined) =>
    new Intl.NumberFormat(i18n.language, { style: "percent", maximumFractionDigits: 0 }).format(x ?? 0);
  return (
    <div className="case-scores">
      <p>
        {t("moderation.labels")}:{" "}
        {message.labels.map((l) => t(`moderation.label.${l}`, { defaultValue: l })).join(", ") || "–"}
      </p>
      <dl className="score-list">
        {SHOWN.map((key) => (
          <div key={key}>
            <dt>{t(`moderation.score.${key}`)}</dt>
            <dd>{pct(message.scores[key])}</dd>
          </div>
        ))}
      </dl>
      {message.reasons.length ? (
        <>
          <p>{t("moderation.reasons")}:</p>
          <ul className="reason-list">
            {message.reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
