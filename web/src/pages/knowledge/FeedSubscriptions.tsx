// Wissen → Geteilt → the feeds of other draht installations this organisation subscribes to (title,
// publisher, when last fetched, whether the last fetch was good, new versions waiting), and for people with
// knowledge.share a form to subscribe to one by its address and its key's fingerprint.
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { type FeedList, type FeedSummary, feedPath, feedsApi } from "../../api/feeds";
import { useLoad } from "../../api/useLoad";
import { ErrorMessage } from "../../components/ErrorMessage";
import { Field } from "../../components/Field";
import { useOrg } from "../../components/OrgLayout";
import { useDates } from "../../components/formatDates";
import { normaliseFingerprint } from "../../../../src/domain/knowledge/feedProblems";

export function FeedSubscriptions() {
  const { t } = useTranslation();
  const org = useOrg();
  const [list, setList] = useState<FeedList | null>(null);
  const [error, setError] = useState<unknown>(null);
  useLoad((signal) => feedsApi.feeds(org.id, { signal }), setList, [org.id], { onError: setError });
  const caption = t("feeds.subscriptions");
  return (
    <>
      <h2>{caption}</h2>
      <p>{t("feeds.subscriptionsIntro")}</p>
      <ErrorMessage error={error} />
      {list ? (
        <>
          <div className="table-scroll" tabIndex={0} role="region" aria-label={caption}>
            <table>
              <caption className="visually-hidden">{caption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("feeds.fields.feed")}</th>
                  <th scope="col">{t("feeds.fields.publisher")}</th>
                  <th scope="col">{t("feeds.fields.lastChecked")}</th>
                  <th scope="col">{t("feeds.fields.state")}</th>
                  <th scope="col">{t("feeds.fields.updates")}</th>
                </tr>
              </thead>
              <tbody>
                {list.feeds.length === 0 ? (
                  <tr>
                    <td colSpan={5}>{t("feeds.subscriptionsNone")}</td>
                  </tr>
                ) : (
                  list.feeds.map((feed) => <FeedRow key={feed.id} feed={feed} />)
                )}
              </tbody>
            </table>
          </div>
          {list.mayManage ? <SubscribeForm /> : null}
        </>
      ) : null}
    </>
  );
}

function FeedRow({ feed }: { feed: FeedSummary }) {
  const { t } = useTranslation();
  const org = useOrg();
  const dates = useDates();
  return (
    <tr>
      <th scope="row">
        <Link to={feedPath(org.id, feed.id)}>{feed.title}</Link>
      </th>
      <td>{feed.publisherName}</td>
      <td>{dates.format(feed.lastCheckedAt)}</td>
      <td>
        <FeedState feed={feed} />
      </td>
      <td>
        {feed.updatesAvailable > 0
          ? t("sharing.updatesAvailable", { count: feed.updatesAvailable })
          : t("sharing.noUpdates")}
      </td>
    </tr>
  );
}

/** OK, stopped by its publisher, or why the last fetch was refused. */
export function FeedState({ feed }: { feed: Pick<FeedSummary, "problem" | "withdrawnAt"> }) {
  const { t } = useTranslation();
  if (feed.withdrawnAt) return <>{t("feeds.stateWithdrawn")}</>;
  if (feed.problem) return <span className="feed-problem">{t(`feeds.problem.${feed.problem}`)}</span>;
  return <>{t("feeds.stateOk")}</>;
}

function SubscribeForm() {
  const { t } = useTranslation();
  const org = useOrg();
  const navigate = useNavigate();
  const [error, setError] = useState<unknown>(null);
  const [fingerprintInvalid, setFingerprintInvalid] = useState(false);
  const [busy, setBusy] = useState(false);

  async function subscribe(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const url = String(data.get("url") ?? "").trim();
    const fingerprint = String(data.get("fingerprint") ?? "").trim();
    setError(null);
    if (normaliseFingerprint(fingerprint) === null) {
      setFingerprintInvalid(true);
      return;
    }
    setFingerprintInvalid(false);
    setBusy(true);
    try {
      const created = await feedsApi.subscribe(org.id, { url, fingerprint });
      void navigate(feedPath(org.id, created.id), { state: { notice: t("feeds.subscribed") } });
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <details className="card wide">
      <summary>{t("feeds.subscribe")}</summary>
      <form className="feed-form" onSubmit={(e) => void subscribe(e)} aria-label={t("feeds.subscribe")}>
        <p className="hint">{t("feeds.subscribeIntro")}</p>
        <Field
          id="feed-subscribe-url"
          name="url"
          type="url"
          required
          maxLength={2000}
          autoComplete="off"
          label={t("feeds.address")}
          hint={t("feeds.urlHint")}
        />
        <Field
          id="feed-subscribe-fingerprint"
          name="fingerprint"
          required
          maxLength={200}
          autoComplete="off"
          spellCheck={false}
          className="fingerprint-input"
          label={t("feeds.fingerprint")}
          hint={t("feeds.fingerprintHint")}
          aria-invalid={fingerprintInvalid || undefined}
        />
        {fingerprintInvalid ? (
          <p className="message message-error" role="alert">
            {t("feeds.fingerprintInvalid")}
          </p>
        ) : null}
        <ErrorMessage error={error} />
        <button type="submit" disabled={busy}>
          {t("feeds.subscribe")}
        </button>
      </form>
    </details>
  );
}
