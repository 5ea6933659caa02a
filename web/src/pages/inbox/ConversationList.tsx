// The list of conversations: most pressing first (the server's order). Each row opens the conversation
// and has a checkbox for bulk actions; the row selected with j/k is marked and takes the focus.
import { useTranslation } from "react-i18next";
import type { ConversationSummary } from "../../api/inbox";
import { sentimentKey } from "./inboxFormat";
import { useDates } from "../../components/formatDates";

/** The server's due-soon window (domain/responseTargets DUE_SOON_MS); re-evaluated here as the page's clock ticks. */
const DUE_SOON_MS = 30 * 60_000;

interface Props {
  rows: ConversationSummary[];
  openId: string | null;
  checked: ReadonlySet<string>;
  now: Date;
  onOpen(id: string): void;
  onCheck(id: string, on: boolean): void;
}

export function ConversationList({ rows, openId, checked, now, onOpen, onCheck }: Props) {
  const { t } = useTranslation();
  const dates = useDates();
  if (rows.length === 0) return <p>{t("inbox.none")}</p>;
  return (
    <ol className="plain-list conversation-list" aria-label={t("inbox.listLabel")}>
      {rows.map((c) => {
        const overdue = c.responseDueAt !== null && new Date(c.responseDueAt) <= now;
        return (
          <li
            key={c.id}
            className={`conversation-row${c.id === openId ? " is-open" : ""}${overdue ? " is-overdue" : ""}`}
          >
            <input
              type="checkbox"
              aria-label={t("inbox.select", { name: c.citizenName })}
              checked={checked.has(c.id)}
              onChange={(e) => onCheck(c.id, e.target.checked)}
            />
            <button
              type="button"
              className="conversation-open"
              data-conversation={c.id}
              aria-current={c.id === openId ? "true" : undefined}
              onClick={() => onOpen(c.id)}
            >
              <span className="conversation-head">
                <strong>{c.citizenName}</strong> <span className="muted">· {c.channelName}</span>
              </span>
              <span className="badges">
                <span className={`badge badge-${c.intent}`}>{t(`inbox.intent.${c.intent}`)}</span>
                {overdue ? <span className="badge badge-overdue">{t("inbox.overdue")}</span> : null}
                {!overdue && c.responseDueAt && new Date(c.responseDueAt).getTime() - now.getTime() <= DUE_SOON_MS ? (
                  <span className="badge badge-soon">{t("inbox.dueSoon")}</span>
                ) : null}
                {c.askedAgain ? <span className="badge badge-warn">{t("inbox.askedAgain")}</span> : null}
                {c.flagged ? <span className="badge badge-warn">{t("inbox.flagged")}</span> : null}
                {c.status !== "new" && c.status !== "open" ? (
                  <span className="badge">{t(`inbox.status.${c.status}`)}</span>
                ) : null}
                <span className="visually-hidden">{t(`inbox.sentiment.${sentimentKey(c.sentiment)}`)}</span>
              </span>
              <span className="conversation-preview">{c.preview}</span>
              <span className="muted conversation-meta">
                {c.departmentName ?? t("inbox.noDepartment")} · {c.assigneeName ?? t("inbox.unassigned")}
                {c.responseDueAt ? ` · ${t("inbox.dueAt", { time: dates.format(c.responseDueAt, "compact") })}` : ""}
              </span>
            </button>
          </li>
        );
      })}
    </ol>
  );
}
