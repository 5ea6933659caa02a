// One conversation: who wrote, where, how urgent (due time in business hours), who looks after it
// (assign to a department or person, take it over), who else is on it right now, the timeline, the
// reply composer and internal notes with @mentions. Opening it announces "viewing" to colleagues.
import { type RefObject, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { type Colleague, type ConversationDetail, type ReplyTemplate, inboxApi } from "../../api/inbox";
import { ErrorMessage, Notice } from "../../components/ErrorMessage";
import { formatBusinessDuration } from "./inboxFormat";
import { NoteComposer } from "./NoteComposer";
import { ReplyComposer } from "./ReplyComposer";
import { SaveAsArticle } from "./SaveAsArticle";
import { Timeline } from "./Timeline";
import { NamedOptions } from "../../components/NamedOptions";
import { useLoad } from "../../api/useLoad";
import { useDates } from "../../components/formatDates";
import { LoadFailed, Loading } from "../../components/LoadState";

export type { Colleague };

interface Props {
  orgId: string;
  conversationId: string;
  refreshKey: number;
  myUserId: string;
  canReply: boolean;
  canApprove: boolean;
  colleagues: Colleague[];
  departments: { id: string; name: string }[];
  templates: ReplyTemplate[];
  others: { name: string; state: "viewing" | "replying" }[];
  replyRef: RefObject<HTMLTextAreaElement | null>;
  assignRef: RefObject<HTMLSelectElement | null>;
  onChanged(): void;
}

export function ConversationView(props: Props) {
  const { orgId, conversationId } = props;
  const { t, i18n } = useTranslation();
  const dates = useDates();
  const [detail, setDetail] = useState<ConversationDetail | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const load = useLoad(
    (signal) => inboxApi.get(orgId, conversationId, { signal }),
    setDetail,
    [orgId, conversationId, props.refreshKey],
    { onError: setError },
  );
  // "Viewing" is repeated every minute, so colleagues' pages can let it expire when this tab is gone.
  useEffect(() => {
    // eslint-disable-next-line no-restricted-syntax -- not a load: announces presence, reads no answer
    const announce = () => inboxApi.presence(orgId, conversationId, "viewing").catch(() => undefined);
    void announce();
    const timer = window.setInterval(announce, 60_000);
    return () => {
      window.clearInterval(timer);
      // eslint-disable-next-line no-restricted-syntax -- not a load: announces leaving, reads no answer
      void inboxApi.presence(orgId, conversationId, "left").catch(() => undefined);
    };
  }, [orgId, conversationId]);

  async function act(action: () => Promise<unknown>, message: string | null) {
    setError(null);
    setNotice(null);
    try {
      await action();
      setNotice(message);
      await load();
      props.onChanged();
    } catch (failure) {
      setError(failure);
    }
  }

  if (!detail) return error ? <LoadFailed error={error} retry={() => (setError(null), void load())} /> : <Loading />;
  const c = detail.conversation;
  const waiting = c.status === "new" || c.status === "open";
  return (
    <article className="conversation" aria-labelledby="conversation-heading">
      <h2 id="conversation-heading">{t("inbox.conversationWith", { name: c.citizenName })}</h2>
      <dl className="facts">
        <dt>{t("inbox.channel")}</dt>
        <dd>{c.channelName}</dd>
        <dt>{t("inbox.filters.status")}</dt>
        <dd>{t(`inbox.status.${c.status}`)}</dd>
        {c.responseDueAt ? (
          <>
            <dt>{t("inbox.due")}</dt>
            <dd className={c.overdue ? "overdue" : undefined}>
              {dates.format(c.responseDueAt, "compact")}
              {c.remainingBusinessMs !== null
                ? ` (${t(c.remainingBusinessMs < 0 ? "inbox.overdueBy" : "inbox.remaining", { time: formatBusinessDuration(c.remainingBusinessMs, i18n.language) })})`
                : ""}
            </dd>
          </>
        ) : null}
        {c.resolutionDueAt && c.status !== "closed" ? (
          <>
            <dt>{t("inbox.resolutionDue")}</dt>
            <dd>{dates.format(c.resolutionDueAt, "compact")}</dd>
          </>
        ) : null}
        {c.firstResponseAt ? (
          <>
            <dt>{t("inbox.firstResponse")}</dt>
            <dd>
              {dates.format(c.firstResponseAt, "compact")}
              {c.firstResponseBusinessMs !== null
                ? ` (${formatBusinessDuration(c.firstResponseBusinessMs, i18n.language)})`
                : ""}
            </dd>
          </>
        ) : null}
      </dl>
      <p role="status" className="presence">
        {props.others
          .map((o) =>
            t(o.state === "replying" ? "inbox.presence.replying" : "inbox.presence.viewing", { name: o.name }),
          )
          .join(" · ")}
      </p>
      <Notice text={notice} />
      <ErrorMessage error={error} />
      {props.canReply ? (
        <div className="inline-form assign-form">
          <label className="inline-field">
            <span>{t("inbox.department")}</span>
            <select
              value={c.departmentId ?? ""}
              onChange={(e) =>
                void act(
                  () => inboxApi.assign(orgId, { conversationIds: [c.id], departmentId: e.target.value || null }),
                  t("inbox.assigned"),
                )
              }
            >
              <option value="">{t("inbox.noDepartment")}</option>
              <NamedOptions items={props.departments} />
            </select>
          </label>
          <label className="inline-field">
            <span>{t("inbox.assignee")}</span>
            <select
              ref={props.assignRef}
              value={c.assigneeUserId ?? ""}
              onChange={(e) =>
                void act(
                  () => inboxApi.assign(orgId, { conversationIds: [c.id], assigneeUserId: e.target.value || null }),
                  t("inbox.assigned"),
                )
              }
            >
              <option value="">{t("inbox.unassigned")}</option>
              {props.colleagues
                .filter((p) => p.canReply)
                .map((p) => (
                  <option key={p.userId} value={p.userId}>
                    {p.name}
                  </option>
                ))}
            </select>
          </label>
          {c.assigneeUserId !== props.myUserId ? (
            <button
              type="button"
              onClick={() =>
                void act(
                  () => inboxApi.assign(orgId, { conversationIds: [c.id], assigneeUserId: props.myUserId }),
                  t("inbox.assigned"),
                )
              }
            >
              {t("inbox.takeOver")}
            </button>
          ) : null}
          {c.status === "closed" ? (
            <button
              type="button"
              onClick={() => void act(() => inboxApi.status(orgId, [c.id], "reopened"), t("inbox.reopened"))}
            >
              {t("inbox.reopen")}
            </button>
          ) : (
            <button
              type="button"
              onClick={() => void act(() => inboxApi.status(orgId, [c.id], "closed"), t("inbox.closed"))}
            >
              {t("inbox.close")}
            </button>
          )}
        </div>
      ) : null}
      <Timeline
        detail={detail}
        canApprove={props.canApprove}
        myUserId={props.myUserId}
        onRetry={(replyId) => void act(() => inboxApi.retry(orgId, c.id, replyId), null)}
        onDecide={(replyId, decision) =>
          void act(() => inboxApi.decide(orgId, c.id, replyId, decision), t(`inbox.decided.${decision.decision}`))
        }
      />
      <SaveAsArticle detail={detail} />
      {props.canReply && c.status !== "closed" ? (
        <ReplyComposer
          orgId={orgId}
          conversationId={c.id}
          channelName={c.channelName}
          answerWindow={c.answerWindow}
          replyMedia={c.replyMedia}
          templates={props.templates}
          textRef={props.replyRef}
          onReplying={() => void inboxApi.presence(orgId, c.id, "replying").catch(() => undefined)}
          onSent={(status) =>
            void act(async () => undefined, t(`inbox.sent.${status}`, { defaultValue: t("inbox.sent.sent") }))
          }
        />
      ) : null}
      <NoteComposer
        orgId={orgId}
        conversationId={c.id}
        colleagues={props.colleagues}
        onAdded={() => void act(async () => undefined, t("inbox.noteAdded"))}
      />
      {detail.history.length > 0 ? (
        <section aria-labelledby="history-heading">
          <h3 id="history-heading">{t("inbox.history")}</h3>
          <ul>
            {detail.history.map((h) => (
              <li key={h.id}>
                {dates.format(h.lastMessageAt, "compact")} · {t(`inbox.intent.${h.intent}`)} ·{" "}
                {t(`inbox.status.${h.status}`)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {waiting ? null : <p className="muted">{t("inbox.notWaiting")}</p>}
    </article>
  );
}
