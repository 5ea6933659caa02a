// Why the machine flagged a message: its labels, scores as percentages and the reasons (rules, words,
// n-grams) in words, so the moderator decides knowing what the machine saw.
import { useTranslation } from "react-i18next";
import type { ModerationMessage } from "../../api/moderation";
import { useWords } from "../../components/useWords";

const SHOWN = ["offense", "insult", "abuse", "profanity", "threat"] as const;

export function CaseScores({ message }: { message: ModerationMessage }) {
  const { t } = useTranslation();
  const words = useWords();
  return (
    <div className="case-scores">
      <p>
        {t("moderation.labels")}: {words.labels(message.labels) || "–"}
      </p>
      <dl className="score-list">
        {SHOWN.map((key) => (
          <div key={key}>
            <dt>{words.scoreName(key)}</dt>
            <dd>{words.percent(message.scores[key])}</dd>
          </div>
        ))}
      </dl>
      {message.reasons.length ? (
        <>
          <p>{t("moderation.reasons")}:</p>
          <ul className="reason-list">
            {message.reasons.map((r) => (
              <li key={r}>{words.reason(r)}</li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
