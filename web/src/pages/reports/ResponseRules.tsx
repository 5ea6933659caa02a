// How the Antwortzeiten report counts, in plain words: office time, first answer, resolution (reopened
// conversations count once, at their last closing), and what waits and is overdue at a day's end.
import { useTranslation } from "react-i18next";

const RULES = [
  "officeTime",
  "firstAnswer",
  "withinTarget",
  "resolution",
  "waiting",
  "quantiles",
  "attribution",
  "byPost",
] as const;

export function ResponseRules() {
  const { t } = useTranslation();
  return (
    <details className="report-rules">
      <summary>{t("reports.rules.title")}</summary>
      <ul>
        {RULES.map((rule) => (
          <li key={rule}>{t(`reports.rules.${rule}`)}</li>
        ))}
      </ul>
    </details>
  );
}
