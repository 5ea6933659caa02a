// Wissen → Geteilt → a feed → one item from another draht installation, read-only: its text, its tags, the
// versions received. Nothing of it is in this organisation until someone adopts a copy (into a department
// they may write for); when a newer version waits, what changed since the copy's version, to take or leave.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { type FeedItemDetail, feedPath, feedsApi } from "../../api/feeds";
import { useLoad } from "../../api/useLoad";
import { ErrorMessage, Notice } from "../../components/ErrorMessage";
import { MarkdownText } from "../../components/MarkdownText";
import { useOrg } from "../../components/OrgLayout";
import { PageHeading } from "../../components/PageHeading";
import { useDates } from "../../components/formatDates";
import { useAction } from "../../components/useAction";
import { AdoptionPanel } from "./AdoptionPanel";
import { LoadFailed, Loading } from "../../components/LoadState";

export function FeedItemPage() {
  const { t } = useTranslation();
  const org = useOrg();
  const dates = useDates();
  const { itemId = "" } = useParams();
  const [detail, setDetail] = useState<FeedItemDetail | null>(null);
  const reload = useLoad((signal) => feedsApi.item(org.id, itemId, { signal }), setDetail, [org.id, itemId], {
    onError: (error) => action.setError(error),
  });
  const action = useAction(reload);
  if (!detail)
    return action.error ? (
      <LoadFailed error={action.error} retry={() => void action.run(async () => null)} />
    ) : (
      <Loading />
    );
  const item = detail.item;
  return (
    <article aria-labelledby="page-heading" className="knowledge-article">
      <PageHeading title={item.title} id="page-heading" />
      <p>
        <Link to={feedPath(org.id, item.feed.id)}>{t("feeds.backToFeed", { title: item.feed.title })}</Link>
      </p>
      <p className="feed-origin">
        {t("feeds.fromElsewhere", { feed: item.feed.title, publisher: item.feed.publisherName })}
      </p>
      <Notice text={action.notice} />
      <ErrorMessage error={action.error} />
      <dl className="facts">
        <dt>{t("feeds.fields.publisher")}</dt>
        <dd>{item.feed.publisherName}</dd>
        <dt>{t("sharing.fields.kind")}</dt>
        <dd>{t(`sharing.kind.${item.kind}`)}</dd>
        <dt>{t("sharing.fields.version")}</dt>
        <dd>{item.version}</dd>
        <dt>{t("sharing.fields.checkedAt")}</dt>
        <dd>{dates.format(item.checkedAt, "date")}</dd>
        {item.tags.length ? (
          <>
            <dt>{t("knowledge.fields.tags")}</dt>
            <dd>{item.tags.join(", ")}</dd>
          </>
        ) : null}
      </dl>
      <AdoptionPanel
        item={item}
        publisherName={item.feed.publisherName}
        changes={detail.changes}
        copyChanged={detail.copyChanged}
        mayChangeCopy={detail.mayChangeCopy}
        closedNote={item.withdrawnAt ? t("feeds.itemWithdrawn") : null}
        adopt={(input) => feedsApi.adopt(org.id, item.id, input)}
        decline={() => feedsApi.decline(org.id, item.id)}
        run={action.run}
      />
      <section aria-labelledby="feed-text-heading">
        <h2 id="feed-text-heading">{t("feeds.itemText", { version: item.version })}</h2>
        <div className="card wide">
          <MarkdownText text={item.body} />
        </div>
      </section>
      <Versions versions={detail.versions} />
    </article>
  );
}

function Versions({ versions }: { versions: FeedItemDetail["versions"] }) {
  const { t } = useTranslation();
  const dates = useDates();
  return (
    <section aria-labelledby="feed-versions-heading">
      <h2 id="feed-versions-heading">{t("feeds.versions")}</h2>
      <div className="table-scroll" tabIndex={0} role="region" aria-label={t("feeds.versions")}>
        <table>
          <caption className="visually-hidden">{t("feeds.versions")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("sharing.fields.version")}</th>
              <th scope="col">{t("feeds.fields.receivedAt")}</th>
            </tr>
          </thead>
          <tbody>
            {versions.map((v) => (
              <tr key={v.version}>
                <th scope="row">{v.version}</th>
                <td>{dates.format(v.receivedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
