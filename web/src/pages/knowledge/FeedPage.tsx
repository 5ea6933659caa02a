// Wissen → Geteilt → a feed of another draht installation this organisation subscribes to: who publishes it,
// its address and key fingerprint, when it was last fetched and verified; when the last fetch was refused,
// why (the last good version stays in use); its items with what this organisation adopted. People with
// knowledge.share fetch it at once or end the subscription.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useNavigate, useParams } from "react-router";
import { type FeedDetail, feedItemPath, feedsApi } from "../../api/feeds";
import { sharedPath } from "../../api/sharing";
import { useLoad } from "../../api/useLoad";
import { ErrorMessage, Notice } from "../../components/ErrorMessage";
import { useOrg } from "../../components/OrgLayout";
import { PageHeading } from "../../components/PageHeading";
import { useDates } from "../../components/formatDates";
import { useAction } from "../../components/useAction";
import { Fingerprint } from "./Fingerprint";
import { LoadFailed, Loading } from "../../components/LoadState";

type Feed = FeedDetail["feed"];
type Item = FeedDetail["items"][number];

export function FeedPage() {
  const { t } = useTranslation();
  const org = useOrg();
  const dates = useDates();
  const navigate = useNavigate();
  const { feedId = "" } = useParams();
  // Arriving from the subscribe form: say that it is subscribed.
  const arrived = (useLocation().state as { notice?: unknown } | null)?.notice;
  const [detail, setDetail] = useState<FeedDetail | null>(null);
  const reload = useLoad((signal) => feedsApi.feed(org.id, feedId, { signal }), setDetail, [org.id, feedId], {
    onError: (error) => action.setError(error),
  });
  const action = useAction(reload);
  if (!detail)
    return action.error ? (
      <LoadFailed error={action.error} retry={() => void action.run(async () => null)} />
    ) : (
      <Loading />
    );
  const feed = detail.feed;

  const fetchNow = () =>
    void action.run(async () => {
      const fetched = await feedsApi.fetchNow(org.id, feed.id);
      const problem = fetched.problem ? t(`feeds.problem.${fetched.problem}`) : "";
      return t(`feeds.fetched.${fetched.outcome}`, { revision: fetched.revision, problem });
    });
  async function cancel() {
    if (!window.confirm(t("feeds.cancelConfirm", { title: feed.title }))) return;
    try {
      await feedsApi.cancel(org.id, feed.id);
      void navigate(sharedPath(org.id));
    } catch (failure) {
      action.setError(failure);
    }
  }

  return (
    <section aria-labelledby="page-heading">
      <PageHeading title={feed.title} id="page-heading" />
      <p>
        <Link to={sharedPath(org.id)}>{t("sharing.backToList")}</Link>
      </p>
      <Notice text={action.notice ?? (typeof arrived === "string" && !action.error ? arrived : null)} />
      <ErrorMessage error={action.error} />
      <FeedCondition feed={feed} />
      <dl className="facts">
        <dt>{t("feeds.fields.publisher")}</dt>
        <dd>{feed.publisherName}</dd>
        {feed.description ? (
          <>
            <dt>{t("feeds.fields.description")}</dt>
            <dd>{feed.description}</dd>
          </>
        ) : null}
        <dt>{t("feeds.address")}</dt>
        <dd className="feed-url">{feed.url}</dd>
        <dt>{t("feeds.fingerprint")}</dt>
        <dd>
          <Fingerprint value={feed.fingerprint} />
        </dd>
        <dt>{t("feeds.revision")}</dt>
        <dd>{t("feeds.revisionValue", { revision: feed.revision })}</dd>
        <dt>{t("feeds.fields.lastChecked")}</dt>
        <dd>{dates.format(feed.lastCheckedAt)}</dd>
        <dt>{t("feeds.fields.lastGood")}</dt>
        <dd>{dates.format(feed.lastGoodAt)}</dd>
      </dl>
      <p className="hint">{t("feeds.autoFetch")}</p>
      {detail.mayManage ? (
        <div className="toolbar" role="group" aria-label={t("feeds.actions")}>
          <button type="button" onClick={fetchNow}>
            {t("feeds.fetchNow")}
          </button>
          <button type="button" onClick={() => void cancel()}>
            {t("feeds.cancel")}
          </button>
        </div>
      ) : null}
      <ItemTable items={detail.items} />
    </section>
  );
}

/** Stopped by its publisher, or the last fetch refused: what happened and that the last good version stays. */
function FeedCondition({ feed }: { feed: Feed }) {
  const { t } = useTranslation();
  const dates = useDates();
  if (feed.withdrawnAt)
    return (
      <div className="feed-condition">
        <p>{t("feeds.withdrawnNotice", { date: dates.format(feed.withdrawnAt, "date") })}</p>
      </div>
    );
  if (!feed.problem) return null;
  return (
    <section className="feed-condition" aria-labelledby="feed-problem-heading">
      <h2 id="feed-problem-heading">{t("feeds.problemTitle")}</h2>
      <p>{t(`feeds.problem.${feed.problem}`)}</p>
      <p>
        {feed.problemSince ? `${t("feeds.problemSince", { date: dates.format(feed.problemSince) })} ` : null}
        {t("feeds.problemKeep", { date: dates.format(feed.lastGoodAt) })}
      </p>
      {feed.problemDetail ? (
        <details>
          <summary>{t("feeds.problemDetail")}</summary>
          <p>
            <code className="feed-url">{feed.problemDetail}</code>
          </p>
        </details>
      ) : null}
    </section>
  );
}

function ItemTable({ items }: { items: readonly Item[] }) {
  const { t } = useTranslation();
  const org = useOrg();
  const dates = useDates();
  const caption = t("feeds.itemsCaption", { count: items.length });
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("sharing.fields.item")}</th>
            <th scope="col">{t("sharing.fields.kind")}</th>
            <th scope="col">{t("sharing.fields.version")}</th>
            <th scope="col">{t("sharing.fields.checkedAt")}</th>
            <th scope="col">{t("sharing.fields.state")}</th>
          </tr>
        </thead>
        <tbody>
          {items.length === 0 ? (
            <tr>
              <td colSpan={5}>{t("feeds.noItems")}</td>
            </tr>
          ) : (
            items.map((item) => (
              <tr key={item.id}>
                <th scope="row">
                  <Link to={feedItemPath(org.id, item.id)}>{item.title}</Link>
                </th>
                <td>{t(`sharing.kind.${item.kind}`)}</td>
                <td>{item.version}</td>
                <td>{dates.format(item.checkedAt, "date")}</td>
                <td>
                  <ItemState item={item} />
                </td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}

function ItemState({ item }: { item: Item }) {
  const { t } = useTranslation();
  if (item.withdrawnAt) return <>{t("feeds.itemGone")}</>;
  if (item.updateAvailable) return <strong>{t("feeds.itemUpdate", { version: item.version })}</strong>;
  if (item.adoption) return <>{t("feeds.itemAdopted", { version: item.adoption.adoptedVersion })}</>;
  return <>{t("feeds.itemNotAdopted")}</>;
}
