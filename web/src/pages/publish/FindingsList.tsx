// The guideline findings of a post: blockers first, each with its message, the place in the text and
// the rule's reason. "Show" selects the place in the text field so it can be fixed at once.
import { useTranslation } from "react-i18next";
import type { Finding } from "../../api/publishing";

export function FindingsList({
  findings,
  channelName,
  onShow,
}: {
  findings: Finding[];
  channelName: (channelAccountId: string) => string;
  onShow?: (finding: Finding) => void;
}) {
  const { t } = useTranslation();
  if (findings.length === 0) return <p className="message message-ok">{t("findings.none")}</p>;
  return (
    <ul className="findings">
      {findings.map((f, i) => {
        // The message names the word, link or term found; "Stelle markieren" shows where it is.
        return (
          <li key={`${f.rule}-${i}`} className={`finding finding-${f.severity}`}>
            <strong className="badge">{t(`findings.severity.${f.severity}`)}</strong>{" "}
            {t(`findings.rule.${f.rule === "address_form" ? `address_form_${f.params.required}` : f.rule}`, {
              ...f.params,
            })}
            <span className="muted"> · {f.channelAccountIds.map(channelName).join(", ")}</span>
            {f.reason && <span className="reason">{f.reason}</span>}
            {onShow && f.start !== null && (
              <button type="button" className="link-button" onClick={() => onShow(f)}>
                {t("findings.show")}
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}
