// The decision on a case: an action, the Netiquette clause it rests on, a reason, for a reminder or
// warning the text the citizen receives (a reminder of the clause is prefilled), and optionally whether the
// message is a threat (kept as the organisation's labelled example; "yes" on a case not held for a threat
// secures evidence and alerts). Nothing is preselected there: the moderator's own word, or none.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  type CaseDetail,
  MODERATION_ACTIONS,
  type ModerationAction,
  THREAT_LABELS,
  type ThreatLabel,
  moderationApi,
} from "../../api/moderation";
import { useColleagues } from "./useColleagues";

export function DecisionForm({
  orgId,
  detail,
  run,
}: {
  orgId: string;
  detail: CaseDetail;
  run(action: () => Promise<string | null>): Promise<boolean>;
}) {
  const { t } = useTranslation();
  const clauses = detail.netiquette?.clauses ?? [];
  const [action, setAction] = useState<ModerationAction>(detail.threat ? "hide" : "hide");
  const [clause, setClause] = useState<number>(detail.pipelineClause ?? clauses[0]?.number ?? 1);
  const [reason, setReason] = useState("");
  const clauseTitle = clauses.find((c) => c.number === clause)?.title ?? "";
  const [message, setMessage] = useState("");
  const [escalateTo, setEscalateTo] = useState("");
  const [threat, setThreat] = useState<ThreatLabel | "">("");
  const colleagues = useColleagues(orgId, action === "escalate");
  const needsMessage = action === "remind" || action === "warn";

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const ok = await run(async () => {
      await moderationApi.decide(orgId, detail.id, {
        action,
        clause,
        reason,
        ...(needsMessage ? { message: message || t("moderation.reminderText", { clause, title: clauseTitle }) } : {}),
        ...(action === "escalate" ? { escalateTo: escalateTo ? [escalateTo] : [] } : {}),
        ...(threat ? { threat } : {}),
      });
      return t("moderation.savedDecision");
    });
    if (ok) {
      setReason("");
      setThreat("");
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} aria-labelledby="decision-heading">
      <h2 id="decision-heading">{t("moderation.decide")}</h2>
      <label htmlFor="decision-action">{t("moderation.actionLabel")}</label>
      <select id="decision-action" value={action} onChange={(e) => setAction(e.target.value as ModerationAction)}>
        {MODERATION_ACTIONS.map((a) => (
          <option key={a} value={a}>
            {t(`moderation.action.${a}`)}
          </option>
        ))}
      </select>
      <label htmlFor="decision-clause">{t("moderation.clauseLabel")}</label>
      <select id="decision-clause" value={clause} onChange={(e) => setClause(Number(e.target.value))}>
        {clauses.map((c) => (
          <option key={c.number} value={c.number}>
            §{c.number} {c.title}
          </option>
        ))}
      </select>
      <label htmlFor="decision-reason">{t("moderation.reasonLabel")}</label>
      <textarea
        id="decision-reason"
        required
        minLength={3}
        maxLength={2000}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
      />
      {needsMessage ? (
        <>
          <label htmlFor="decision-message">{t("moderation.messageLabel")}</label>
          <textarea
            id="decision-message"
            maxLength={2000}
            value={message}
            placeholder={t("moderation.reminderText", { clause, title: clauseTitle })}
            onChange={(e) => setMessage(e.target.value)}
          />
        </>
      ) : null}
      {action === "escalate" ? (
        <>
          <label htmlFor="decision-escalate">{t("moderation.escalateTo")}</label>
          <select id="decision-escalate" required value={escalateTo} onChange={(e) => setEscalateTo(e.target.value)}>
            <option value="">–</option>
            {colleagues.map((c) => (
              <option key={c.userId} value={c.userId}>
                {c.name}
              </option>
            ))}
          </select>
        </>
      ) : null}
      <fieldset aria-describedby="decision-threat-hint">
        <legend>{t("moderation.threatQuestion")}</legend>
        {[...THREAT_LABELS, "" as const].map((value) => (
          <label key={value || "none"} className="check">
            <input
              type="radio"
              name="decision-threat"
              value={value}
              checked={threat === value}
              onChange={() => setThreat(value)}
            />
            {t(`moderation.threatAnswer.${value || "none"}`)}
          </label>
        ))}
        <p id="decision-threat-hint" className="hint">
          {detail.threat ? t("moderation.threatHintDetected") : t("moderation.threatHint")}
        </p>
      </fieldset>
      <button type="submit">{t("moderation.saveDecision")}</button>
    </form>
  );
}
