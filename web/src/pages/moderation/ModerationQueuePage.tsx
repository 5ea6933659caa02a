// The moderation queue: threats first, then objections, hidden and held messages, each with the
// machine's labels, scores and reasons; shitstorm alerts on top with the suggested pre-moderation.
// Citizen text is rendered as text only (React escapes it).
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { type CaseSummary, type StormAlert, moderationApi } from "../../api/moderation";
import { ErrorMessage, Notice } from "../../components/ErrorMessage";
import { useOrg } from "../../components/OrgLayout";
import { PageHeading } from "../../components/PageHeading";
import { useAction } from "../../components/useAction";
import { NotAllowedPage } from "../NotAllowedPage";
import { CaseScores } from "./CaseScores";
import { ModerationTabs } from "./ModerationTabs";
import { useLoad } from "../../api/useLoad";
import { useDates } from "../../components/formatDates";
import { useWords } from "../../components/useWords";

const VIEWS = ["open", "unreviewed", "decided"] as const;

export function ModerationQueuePage() {
  const { t } = useTranslation();
  const dates = useDates();
  const words = useWords();
  const org = useOrg();
  const [view, setView] = useState<(typeof VIEWS)[number]>("open");
  const [cases, setCases] = useState<CaseSummary[]>([]);
  const [alerts, setAlerts] = useState<StormAlert[]>([]);
  const reload = useLoad(
    (signal) => moderationApi.queue(org.id, view, { signal }),
    (r) => {
      setCases(r.cases);
      setAlerts(r.alerts);
    },
    [org.id, view],
    { onError: (error) => action.setError(error) },
  );
  const action = useAction(reload);
  if (!org.myActions.includes("moderation.view")) return <NotAllowedPage />;
  const canDecide = org.myActions.includes("moderation.decide");

  return (
    <section aria-labelledby="page-heading">
      <PageHeading title={t("moderation.title")} id="page-heading" />
      <ModerationTabs orgId={org.id} />
      <Notice text={action.notice} />
      <ErrorMessage error={action.error} />
      {alerts.map((a) => (
        <div key={a.id} className="message message-error" role="alert">
          <p>
            {t("moderation.alert", {
              channel: a.channelName,
              count: a.offensive,
              median: a.baselineMedian,
              from: dates.format(a.windowStart, "compact"),
              post: a.threadExternalId ?? t("moderation.wholeAccount"),
            })}
          </p>
          {canDecide ? (
            <p>
              <button
                type="button"
                onClick={() =>
                  void action.run(
                    async () => (
                      await moderationApi.acknowledge(org.id, a.id, false),
                      t("moderation.alertAcknowledged")
                    ),
                  )
                }
              >
                {t("moderation.acknowledge")}
              </button>{" "}
              <button
                type="button"
                onClick={() =>
                  void action.run(
                    async () => (await moderationApi.acknowledge(org.id, a.id, true), t("moderation.preModerated")),
                  )
                }
              >
                {t("moderation.preModerate")}
              </button>
            </p>
          ) : null}
        </div>
      ))}
      <label htmlFor="moderation-view">{t("moderation.view")}</label>
      <select id="moderation-view" value={view} onChange={(e) => setView(e.target.value as (typeof VIEWS)[number])}>
        {VIEWS.map((v) => (
          <option key={v} value={v}>
            {t(`moderation.views.${v}`)}
          </option>
        ))}
      </select>
      {cases.length === 0 ? (
        <p>{t("moderation.empty")}</p>
      ) : (
        <ol className="plain-list" aria-label={t("moderation.listLabel")}>
          {cases.map((c) => (
            <li key={c.id}>
              <article
                className={`card${c.threat ? " card-threat" : ""}`}
                aria-label={t("moderation.caseLabel", { name: c.message.authorName })}
              >
                <p>
                  <strong>{c.threat ? t("moderation.threat") : t(`moderation.pipeline.${c.pipelineStatus}`)}</strong>
                  {c.status === "reopened" ? ` · ${t("moderation.reopened")}` : ""} · {c.channel.name} ·{" "}
                  {dates.format(c.message.receivedAt, "compact")} · {c.message.authorName}
                  {c.pipelineReason ? ` · ${words.reason(c.pipelineReason)}` : ""}
                  {c.pipelineClause ? ` (§${c.pipelineClause})` : ""}
                </p>
                <blockquote className="citizen-text">{c.message.text}</blockquote>
                <CaseScores message={c.message} />
                {c.action ? (
                  <p>{t("moderation.decided", { action: t(`moderation.action.${c.action}`), clause: c.clause })}</p>
                ) : null}
                <Link to={`/o/${org.id}/moderation/cases/${c.id}`}>
                  {t("moderation.open", { name: c.message.authorName })}
                </Link>
              </article>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
