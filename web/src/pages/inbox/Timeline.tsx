// A conversation's history in time order: the citizen's messages (with what the text analysis saw and
// why), the replies (with their state; a failed one can be sent again, one awaiting Freigabe can be
// approved or returned by someone else) and internal notes, marked as never sent.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type ConversationDetail, inboxApi } from "../../api/inbox";
import { useOrg } from "../../components/OrgLayout";
import { useDates } from "../../components/formatDates";
import { useWords } from "../../components/useWords";

type Reply = ConversationDetail["replies"][number];

interface Props {
  detail: ConversationDetail;
  canApprove: boolean;
  myUserId: string;
  onRetry(replyId: string): void;
  onDecide(replyId: string, decision: { decision: "approved" } | { decision: "returned"; comment: string }): void;
}

export function Timeline({ detail, canApprove, myUserId, onRetry, onDecide }: Props) {
  const { t } = useTranslation();
  const dates = useDates();
  const items = [
    ...detail.messages.map((m) => ({
      at: m.receivedAt,
      key: `m-${m.id}`,
      node: <CitizenMessage message={m} conversationId={detail.conversation.id} />,
    })),
    ...detail.replies.map((r) => ({
      at: r.createdAt,
      key: `r-${r.id}`,
      node: (
        <ReplyItem
          reply={r}
          canApprove={canApprove && r.authorUserId !== myUserId}
          onRetry={onRetry}
          onDecide={onDecide}
        />
      ),
    })),
    ...detail.notes.map((n) => ({
      at: n.createdAt,
      key: `n-${n.id}`,
      node: (
        <article className="timeline-note" aria-label={t("inbox.noteBy", { name: n.authorName ?? "?" })}>
          <p className="muted">
            {t("inbox.noteBy", { name: n.authorName ?? "?" })} · {dates.format(n.createdAt, "compact")}
          </p>
          <p className="text">{n.text}</p>
        </article>
      ),
    })),
  ].sort((a, b) => a.at.localeCompare(b.at));
  return (
    <ol className="plain-list timeline" aria-label={t("inbox.timeline")}>
      {items.map((item) => (
        <li key={item.key}>{item.node}</li>
      ))}
    </ol>
  );
}

function CitizenMessage({
  message: m,
  conversationId,
}: {
  message: ConversationDetail["messages"][number];
  conversationId: string;
}) {
  const { t, i18n } = useTranslation();
  const org = useOrg();
  const dates = useDates();
  const words = useWords();
  return (
    <article className="timeline-message" aria-label={t("inbox.messageFrom", { name: m.authorName })}>
      <p className="muted">
        {t("inbox.messageFrom", { name: m.authorName })} · {dates.format(m.receivedAt, "compact")} ·{" "}
        <span className={`badge badge-${m.intent}`}>{t(`inbox.intent.${m.intent}`)}</span>
        {m.flagged ? <span className="badge badge-warn">{t("inbox.flagged")}</span> : null}
        {m.visibility !== "visible" ? <span className="badge">{t(`comments.status.${m.visibility}`)}</span> : null}
        {m.editedAt ? (
          <span className="badge">{t("inbox.edited", { when: dates.format(m.editedAt, "compact") })}</span>
        ) : null}
        {m.url ? (
          <>
            {" · "}
            <a href={m.url} target="_blank" rel="noopener noreferrer">
              {t("inbox.openOnNetwork")}
            </a>
          </>
        ) : null}
      </p>
      <p className="text">{m.text}</p>
      {m.attachments.length || m.attachmentsNotKept ? (
        <section className="attachments" aria-label={t("inbox.attachments.title")}>
          <ul className="plain-list">
            {m.attachments.map((a) => (
              <li key={a.id}>
                <a href={inboxApi.attachmentUrl(org.id, conversationId, a.id)} download={a.fileName}>
                  {a.fileName}
                </a>{" "}
                <span className="muted">({fileSize(a.byteSize, i18n.language)})</span>
              </li>
            ))}
          </ul>
          {m.attachmentsNotKept ? (
            <p className="muted">{t("inbox.attachments.notKept", { count: m.attachmentsNotKept })}</p>
          ) : null}
        </section>
      ) : null}
      {m.earlierVersions.length ? (
        <details>
          <summary>{t("inbox.earlierVersions", { count: m.earlierVersions.length })}</summary>
          <ol className="plain-list">
            {m.earlierVersions.map((v) => (
              <li key={v.replacedAt}>
                <span className="muted">
                  {t("inbox.versionUntil", { when: dates.format(v.replacedAt, "compact") })}
                </span>
                <p className="text">{v.text}</p>
              </li>
            ))}
          </ol>
        </details>
      ) : null}
      {m.analysis?.reasons?.length ? (
        <details>
          <summary>{t("inbox.why")}</summary>
          <p className="muted">{m.analysis.reasons.map((r) => words.reason(r)).join(" · ")}</p>
        </details>
      ) : null}
    </article>
  );
}

function ReplyItem({
  reply: r,
  canApprove,
  onRetry,
  onDecide,
}: {
  reply: Reply;
  canApprove: boolean;
  onRetry(id: string): void;
  onDecide: Props["onDecide"];
}) {
  const { t } = useTranslation();
  const dates = useDates();
  const [comment, setComment] = useState("");
  // An automatic acknowledgement is named as what it is, not as the answer of a person.
  const label = r.automatic ? t("inbox.automatic") : t("inbox.replyBy", { name: r.authorName ?? "?" });
  return (
    <article className="timeline-reply" aria-label={label}>
      <p className="muted">
        {label} · {dates.format(r.sentAt ?? r.createdAt, "compact")} ·{" "}
        <span className="badge">{t(`inbox.replyStatus.${r.status}`)}</span>
        {r.deliveryStatus && r.deliveryStatusAt ? (
          <>
            {" "}
            <span className="badge">
              {t(`inbox.deliveryStatus.${r.deliveryStatus}`, { time: dates.format(r.deliveryStatusAt, "compact") })}
            </span>
          </>
        ) : null}
      </p>
      <p className="text">{r.text}</p>
      {r.media.length > 0 ? (
        <ul className="reply-files" aria-label={t("inbox.reply.files")}>
          {r.media.map((m) => (
            <li key={m.id}>
              {t(m.kind === "video" ? "inbox.reply.fileVideo" : "inbox.reply.fileImage", { name: m.fileName })}
              {m.altText ? ` – ${m.altText}` : ""}
            </li>
          ))}
        </ul>
      ) : null}
      {r.error ? <p className="message message-error">{r.error}</p> : null}
      {r.reviewComment ? (
        <p className="message message-error">{t("inbox.returnedBecause", { comment: r.reviewComment })}</p>
      ) : null}
      {r.status === "failed" ? (
        <button type="button" onClick={() => onRetry(r.id)}>
          {t("inbox.retry")}
        </button>
      ) : null}
      {r.status === "in_review" && canApprove ? (
        <div className="inline-form">
          <button type="button" onClick={() => onDecide(r.id, { decision: "approved" })}>
            {t("inbox.approve")}
          </button>
          <label className="inline-field">
            <span>{t("inbox.returnComment")}</span>
            <input value={comment} onChange={(e) => setComment(e.target.value)} />
          </label>
          <button
            type="button"
            disabled={comment.trim() === ""}
            onClick={() => onDecide(r.id, { decision: "returned", comment })}
          >
            {t("inbox.return")}
          </button>
        </div>
      ) : null}
    </article>
  );
}

/** A file's size as people read it: kB below a megabyte, else MB with one decimal, in the page's language. */
function fileSize(bytes: number, language: string): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024)).toLocaleString(language)} kB`;
  return `${(bytes / (1024 * 1024)).toLocaleString(language, { maximumFractionDigits: 1 })} MB`;
}
