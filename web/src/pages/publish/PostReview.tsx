// A post that is no longer being edited: how it will appear on each channel, its guideline findings,
// the approval steps and history, the state of its publications, and the actions the person may take
// (approve, request changes, reject; withdraw; retry; delete from the channels after publication).
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { type PostView, publishingApi } from "../../api/publishing";
import { ErrorMessage, Notice } from "../../components/ErrorMessage";
import { useOrg } from "../../components/OrgLayout";
import { PageHeading } from "../../components/PageHeading";
import { useAction } from "../../components/useAction";
import { FindingsList } from "./FindingsList";
import { PreviewCount, PreviewText } from "./PostPreview";
import { useDates } from "../../components/formatDates";

export function PostReview({ view, reload }: { view: PostView; reload: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const dates = useDates();
  const org = useOrg();
  const [params] = useSearchParams();
  const action = useAction(reload);
  const [comment, setComment] = useState("");
  const [retractReason, setRetractReason] = useState("");
  const { post } = view;
  const nameOf = (id: string) => view.channels.find((c) => c.channelAccountId === id)?.name ?? "";

  const retractOutcomeText = (outcome: string) =>
    outcome === "done"
      ? t("review.retractOutcome.done")
      : outcome === "not_supported"
        ? t("review.retractOutcome.not_supported")
        : t("review.retractOutcome.failed", { error: outcome.replace(/^failed: /, "") });

  async function decide(event: FormEvent<HTMLFormElement>, decision: "approved" | "changes_requested" | "rejected") {
    event.preventDefault();
    await action.run(async () => {
      await publishingApi.decide(org.id, post.id, { decision, comment, revision: post.revision });
      return t(`review.done.${decision}`);
    });
  }

  return (
    <section aria-labelledby="page-heading">
      <PageHeading title={post.title || t("review.untitled")} id="page-heading" />
      {params.get("submitted") && !action.notice && <p className="message message-ok">{t("review.submitted")}</p>}
      <Notice text={action.notice} />
      <ErrorMessage error={action.error} />
      <dl className="facts">
        <dt>{t("review.status")}</dt>
        <dd>{t(`status.${post.status}`)}</dd>
        <dt>{t("review.author")}</dt>
        <dd>{post.authorName}</dd>
        <dt>{t("review.scheduledAt")}</dt>
        <dd>{post.scheduledAt ? dates.format(post.scheduledAt) : t("review.asSoonAsApproved")}</dd>
        {post.replyPolicy !== "everyone" && (
          <>
            <dt>{t("composer.replyPolicy")}</dt>
            <dd>{t(`composer.replyPolicies.${post.replyPolicy}`)}</dd>
          </>
        )}
        {post.retractedAt && (
          <>
            <dt>{t("review.retracted")}</dt>
            <dd>
              {dates.format(post.retractedAt)}
              {post.retractReason && <> – {post.retractReason}</>}
            </dd>
          </>
        )}
        <dt>{t("review.approval")}</dt>
        <dd>
          {view.approvalSteps.length
            ? view.approvalSteps.map((s) => t(`review.step.${s}`)).join(" → ")
            : t("review.noApproval")}
        </dd>
      </dl>
      <h2>{t("review.preview")}</h2>
      {view.channels.map((c) => {
        const publication = view.publications.find((p) => p.channelAccountId === c.channelAccountId);
        return (
          <article
            key={c.channelAccountId}
            className="card preview"
            aria-label={t("review.previewOn", { name: c.name })}
          >
            <h3>
              {c.name} <span className="muted">({t(`networks.${c.emulates ?? c.network}`)})</span>
            </h3>
            <ThreadPreview
              text={c.text}
              followUps={view.post.threadParts}
              count={view.check?.counts[c.channelAccountId]}
            />
            {view.media.length > 0 && (
              <ul className="preview-media">
                {view.media.map((m) =>
                  m.kind === "image" ? (
                    <li key={m.id}>
                      <img src={publishingApi.thumbnailUrl(org.id, m.id)} alt={m.altText ?? ""} width={120} />
                    </li>
                  ) : (
                    <li key={m.id}>{`${t("media.video")}: ${m.name}`}</li>
                  ),
                )}
              </ul>
            )}
            {publication && (
              <p className="muted">
                {t(`publication.${publication.status}`)}
                {publication.lastError && `: ${publication.lastError}`}
                {publication.attempts > 1 && ` · ${t("publication.attempts", { count: publication.attempts })}`}
                {publication.retractOutcome && ` · ${retractOutcomeText(publication.retractOutcome)}`}
              </p>
            )}
          </article>
        );
      })}
      <h2>{t("review.findings")}</h2>
      {view.check && <FindingsList findings={view.check.findings} channelName={nameOf} />}
      {view.approvals.length > 0 && (
        <>
          <h2>{t("review.history")}</h2>
          <ul>
            {view.approvals.map((a) => (
              <li key={a.id}>
                {dates.format(a.createdAt)}: {t(`review.decision.${a.decision}`)}
                {a.comment && <q>{a.comment}</q>}
              </li>
            ))}
          </ul>
        </>
      )}
      {view.can.decide && (
        <form className="card" aria-labelledby="decide-heading" onSubmit={(e) => void decide(e, "approved")}>
          <h2 id="decide-heading">{t("review.decideTitle")}</h2>
          <div className="field">
            <label htmlFor="review-comment">{t("review.comment")}</label>
            <textarea
              id="review-comment"
              rows={3}
              value={comment}
              onChange={(e) => setComment(e.target.value)}
              aria-describedby="review-comment-hint"
            />
            <p id="review-comment-hint" className="hint">
              {t("review.commentHint")}
            </p>
          </div>
          <button type="submit">{t("review.approve")}</button>
          <button
            type="button"
            onClick={(e) => void decide(e as unknown as FormEvent<HTMLFormElement>, "changes_requested")}
          >
            {t("review.requestChanges")}
          </button>
          <button type="button" onClick={(e) => void decide(e as unknown as FormEvent<HTMLFormElement>, "rejected")}>
            {t("review.reject")}
          </button>
        </form>
      )}
      <div className="actions">
        {view.can.withdraw && (
          <button
            type="button"
            onClick={() =>
              void action.run(async () => (await publishingApi.withdraw(org.id, post.id), t("review.withdrawn")))
            }
          >
            {t("review.withdraw")}
          </button>
        )}
        {view.can.retry && (
          <button
            type="button"
            onClick={() =>
              void action.run(async () => (await publishingApi.retry(org.id, post.id), t("review.retried")))
            }
          >
            {t("review.retry")}
          </button>
        )}
      </div>
      {view.can.retract && (
        <details className="card">
          <summary>{t("review.retractTitle")}</summary>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (!window.confirm(t("review.retractConfirm"))) return;
              void action.run(
                async () => (await publishingApi.retract(org.id, post.id, retractReason), t("review.retractDone")),
              );
            }}
          >
            <p className="hint">{t("review.retractHint")}</p>
            <div className="field">
              <label htmlFor="retract-reason">{t("review.retractReason")}</label>
              <textarea
                id="retract-reason"
                rows={3}
                required
                minLength={3}
                maxLength={2000}
                value={retractReason}
                onChange={(e) => setRetractReason(e.target.value)}
              />
            </div>
            <button type="submit">{t("review.retract")}</button>
          </form>
        </details>
      )}
      <p>
        <Link to={`/o/${org.id}/publish`}>{t("review.back")}</Link>
      </p>
    </section>
  );
}

/** A channel's text, and a thread's later posts: as posts of their own where the channel has threads, else as paragraphs. */
function ThreadPreview({
  text,
  followUps,
  count,
}: {
  text: string;
  followUps: string[];
  count: { used: number; limit: number; parts?: number[] } | undefined;
}) {
  const { t } = useTranslation();
  if (followUps.length === 0 || !count?.parts) {
    return (
      <>
        <PreviewText text={[text, ...followUps].join("\n\n")} />
        <PreviewCount count={count} />
      </>
    );
  }
  const parts = [text, ...followUps];
  return (
    <ol className="plain-list thread-preview">
      {parts.map((part, index) => (
        <li key={index}>
          <p className="muted">{t("composer.threadPosition", { position: index + 1, total: parts.length })}</p>
          <PreviewText text={part} />
          <PreviewCount count={{ used: count.parts?.[index] ?? 0, limit: count.limit }} />
        </li>
      ))}
    </ol>
  );
}
