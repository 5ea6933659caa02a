// Wissen → Geteilt: what other organisations of the installation share with this one (read-only; copies can
// be adopted), the collections this organisation shares, with a form for a new one (knowledge.share), and the
// feeds of other draht installations it subscribes to.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { type CollectionList, type CollectionSummary, collectionPath, sharingApi } from "../../api/sharing";
import { useLoad } from "../../api/useLoad";
import { ErrorMessage } from "../../components/ErrorMessage";
import { useOrg } from "../../components/OrgLayout";
import { PageHeading } from "../../components/PageHeading";
import { useDates } from "../../components/formatDates";
import { CollectionForm } from "./CollectionForm";
import { FeedSubscriptions } from "./FeedSubscriptions";
import { Loading } from "../../components/LoadState";

export function SharedPage() {
  const { t } = useTranslation();
  const org = useOrg();
  const navigate = useNavigate();
  const [list, setList] = useState<CollectionList | null>(null);
  const [error, setError] = useState<unknown>(null);
  useLoad((signal) => sharingApi.collections(org.id, { signal }), setList, [org.id], { onError: setError });
  return (
    <section aria-labelledby="page-heading">
      <PageHeading title={t("sharing.title")} id="page-heading" />
      <p>{t("sharing.intro")}</p>
      <ErrorMessage error={error} />
      {list === null && !error ? <Loading /> : null}
      {list ? (
        <>
          <CollectionTable
            caption={t("sharing.received")}
            collections={list.received}
            empty={t("sharing.receivedNone")}
            received
          />
          <CollectionTable caption={t("sharing.own")} collections={list.own} empty={t("sharing.ownNone")} />
          {list.mayShare ? (
            <details className="card wide">
              <summary>{t("sharing.newCollection")}</summary>
              <CollectionForm collection={null} onSaved={(id) => void navigate(collectionPath(org.id, id))} />
            </details>
          ) : null}
        </>
      ) : null}
      <FeedSubscriptions />
    </section>
  );
}

function CollectionTable({
  caption,
  collections,
  empty,
  received = false,
}: {
  caption: string;
  collections: readonly CollectionSummary[];
  empty: string;
  received?: boolean;
}) {
  const { t } = useTranslation();
  const org = useOrg();
  const dates = useDates();
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("sharing.fields.collection")}</th>
            <th scope="col">{received ? t("sharing.fields.publisher") : t("sharing.fields.receivers")}</th>
            <th scope="col">{t("sharing.fields.items")}</th>
            <th scope="col">{received ? t("sharing.fields.updates") : t("sharing.fields.updatedAt")}</th>
          </tr>
        </thead>
        <tbody>
          {collections.length === 0 ? (
            <tr>
              <td colSpan={4}>{empty}</td>
            </tr>
          ) : (
            collections.map((c) => (
              <tr key={c.id}>
                <th scope="row">
                  <Link to={collectionPath(org.id, c.id)}>{c.title}</Link>
                  {c.withdrawnAt ? <span className="badge">{t("sharing.withdrawn")}</span> : null}
                </th>
                <td>{received ? c.publisher.name : receiversText(t, c)}</td>
                <td>{c.itemCount}</td>
                <td>
                  {received
                    ? c.updatesAvailable > 0
                      ? t("sharing.updatesAvailable", { count: c.updatesAvailable })
                      : t("sharing.noUpdates")
                    : dates.format(c.updatedAt)}
                </td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}

export function receiversText(t: (key: string) => string, c: Pick<CollectionSummary, "audience" | "receivers">) {
  return c.audience === "all" ? t("sharing.audience.all") : c.receivers.map((r) => r.name).join(", ");
}
