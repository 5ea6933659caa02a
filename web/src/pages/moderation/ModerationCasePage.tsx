// One moderation case: the message with the thread before it, what the machine saw (labels, scores,
// reasons, the pipeline's trail) and the moderators' threat label, the decision form citing the Netiquette,
// the history (decisions, reviews, objections), a second moderator's review, and the evidence packages to
// download.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { type CaseDetail, moderationApi } from "../../api/moderation";
import { ErrorMessage, Notice } from "../../components/ErrorMessage";
import { useOrg } from "../../components/OrgLayout";
import { PageHeading } from "../../components/PageHeading";
import { useAction } from "../../components/useAction";
import { NotAllowedPage } from "../NotAllowedPage";
import { CaseScores } from "./CaseScores";
import { DecisionForm } from "./DecisionForm";
import { ModerationTabs } from "./ModerationTabs";
import { ReviewForm } from "./ReviewForm";
import { useLoad } from "../../api/useLoad";
import { useDates } from "../../components/formatDates";
import { useWords } from "../../components/useWords";
import { LoadFailed, Loading } from "../../components/LoadState";

export function ModerationCasePage() {
  const { t } = useTranslation();
  const dates = useDates();
  const words = useWords();
  const org = useOrg();
  const { caseId = "" } = useParams();
  const [detail, setDetail] = useState<CaseDetail | null>(null);
  const reload = useLoad((signal) => moderationApi.detail(org.id, caseId, { signal }), setDetail, [org.id, caseId], {
    onError: (error) => action.setError(error),
  });
  const action = useAction(reload);
  if (!org.myActions.includes("moderation.view")) return <NotAllowedPage />;
  const canDecide = org.myActions.includes("moderation.decide");
  const when = (iso: string) => dates.format(iso, "compact");

  return (
    <section aria-labelledby="page-heading">
      <PageHeading title={t("moderation.caseTitle")} id="page-heading" />
      <ModerationTabs orgId={org.id} />
      <Notice text={action.notice} />
      <ErrorMessage error={detail ? action.error : null} />
      {detail ? (
        <>
          <p>
            <strong>
              {detail.threat ? t("moderation.threat") : t(`moderation.pipeline.${detail.pipelineStatus}`)}
            </strong>{" "}
            · {t(`moderation.status.${detail.status}`)} · {detail.channel.name}
            {detail.threatLabel ? <> · {t(`moderation.labelled.${detail.threatLabel}`)}</> : null}
          </p>
          {detail.thread.length ? (
            <section aria-labelledby="thread-heading">
              <h2 id="thread-heading">{t("moderation.threadBefore")}</h2>
              <ol className="plain-list">
                {detail.thread.map((m) => (
                  <li key={m.id}>
                    {when(m.receivedAt)} · {m.authorName}: <span className="citizen-text">{m.text}</span>
                  </li>
                ))}
              </ol>
            </section>
          ) : null}
          <article className="card" aria-label={t("moderation.caseLabel", { name: detail.message.authorName })}>
            <p>
              {words.author(detail.message.authorName, detail.message.authorHandle)} · {when(detail.message.receivedAt)}
              {detail.message.editedAt ? <> · {t("inbox.edited", { when: when(detail.message.editedAt) })}</> : null}
            </p>
            <blockquote className="citizen-text">{detail.message.text}</blockquote>
            <CaseScores message={detail.message} />
            <details>
              <summary>{t("moderation.trail")}</summary>
              <ol>
                {detail.trail.map((step, i) => (
                  <li key={i}>{words.step(step)}</li>
                ))}
              </ol>
            </details>
          </article>
          {canDecide && detail.status !== "decided" ? (
            <DecisionForm orgId={org.id} detail={detail} run={action.run} />
          ) : null}
          {canDecide && detail.status === "decided" ? (
            <ReviewForm orgId={org.id} detail={detail} run={action.run} />
          ) : null}
          <section aria-labelledby="history-heading">
            <h2 id="history-heading">{t("moderation.history")}</h2>
            {detail.decisions.length === 0 ? <p>{t("moderation.noHistory")}</p> : null}
            <ol className="plain-list">
              {detail.decisions.map((d) => (
                <li key={d.id}>
                  {when(d.at)} · {words.actor(d.actorLabel)} · {t(`moderation.kind.${d.kind}`)}
                  {d.action
                    ? `: ${t(`moderation.action.${d.action}`, { defaultValue: t(`moderation.verdict.${d.action}`, { defaultValue: d.action }) })}`
                    : ""}
                  {d.clause ? ` (§${d.clause})` : ""} – {d.reason}
                  {d.channelOutcome ? ` · ${t("moderation.channelOutcome", { outcome: d.channelOutcome })}` : ""}
                </li>
              ))}
            </ol>
          </section>
          <section aria-labelledby="evidence-heading">
            <h2 id="evidence-heading">{t("moderation.evidence")}</h2>
            {detail.evidence.length === 0 ? <p>{t("moderation.noEvidence")}</p> : null}
            <ul>
              {detail.evidence.map((e) => (
                <li key={e.id}>
                  {t("moderation.securedAt", { when: when(e.securedAt), by: words.actor(e.securedBy) })} · SHA-256{" "}
                  <code>{e.sha256}</code> ·{" "}
                  <strong>{e.verified ? t("moderation.hashVerified") : t("moderation.hashBroken")}</strong> ·{" "}
                  <a href={moderationApi.evidenceUrl(org.id, detail.id, e.id, "pdf")} download>
                    {t("moderation.downloadPdf")}
                  </a>{" "}
                  ·{" "}
                  <a href={moderationApi.evidenceUrl(org.id, detail.id, e.id, "json")} download>
                    {t("moderation.downloadJson")}
                  </a>
                </li>
              ))}
            </ul>
            {canDecide ? (
              <button
                type="button"
                onClick={() =>
                  void action.run(
                    async () => (
                      await moderationApi.secureEvidence(org.id, detail.id),
                      t("moderation.evidenceSecured")
                    ),
                  )
                }
              >
                {t("moderation.secureEvidence")}
              </button>
            ) : null}
          </section>
        </>
      ) : action.error ? (
        <LoadFailed error={action.error} retry={() => void action.run(async () => null)} />
      ) : (
        <Loading />
      )}
    </section>
  );
}
