// Wissen → Geteilt → one shared item, read-only: its text, whose it is, its version and when it was last
// checked. A receiving organisation adopts a copy (into a department it may write for), and, when a newer
// version waits, reads what changed since its copy's version and takes it or leaves it. The sharing
// organisation sees the versions, with the reasons given where personal data was shared knowingly.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { type SharedItemDetail, collectionPath, sharingApi } from "../../api/sharing";
import { useLoad } from "../../api/useLoad";
import { ErrorMessage, Notice } from "../../components/ErrorMessage";
import { MarkdownText } from "../../components/MarkdownText";
import { useOrg } from "../../components/OrgLayout";
import { PageHeading } from "../../components/PageHeading";
import { useDates } from "../../components/formatDates";
import { useAction } from "../../components/useAction";
import { AdoptionPanel } from "./AdoptionPanel";
import { LoadFailed, Loading } from "../../components/LoadState";

export function SharedItemPage() {
  const { t } = useTranslation();
  const org = useOrg();
  const dates = useDates();
  const { itemId = "" } = useParams();
  const [detail, setDetail] = useState<SharedItemDetail | null>(null);
  const reload = useLoad((signal) => sharingApi.item(org.id, itemId, { signal }), setDetail, [org.id, itemId], {
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
        <Link to={collectionPath(org.id, item.collection.id)}>
          {t("sharing.backToCollection", { title: item.collection.title })}
        </Link>
      </p>
      <Notice text={action.notice} />
      <ErrorMessage error={action.error} />
      <dl className="facts">
        <dt>{t("sharing.fields.publisher")}</dt>
        <dd>{item.publisher.name}</dd>
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
        {item.own ? (
          <>
            <dt>{t("sharing.fields.state")}</dt>
            <dd>
              {item.withdrawnAt
                ? t("sharing.withdrawn")
                : item.sourceChanged
                  ? t("sharing.sourceChanged")
                  : t("sharing.sourceCurrent")}
              {" · "}
              {t("sharing.adoptedBy", { count: item.adoptionCount })}
            </dd>
          </>
        ) : null}
      </dl>
      {item.own ? null : (
        <AdoptionPanel
          item={item}
          publisherName={item.publisher.name}
          changes={detail.changes}
          copyChanged={detail.copyChanged}
          mayChangeCopy={detail.mayChangeCopy}
          adopt={(input) => sharingApi.adopt(org.id, item.id, input)}
          decline={() => sharingApi.decline(org.id, item.id)}
          run={action.run}
        />
      )}
      <section aria-labelledby="shared-text-heading">
        <h2 id="shared-text-heading">{t("sharing.sharedText", { version: item.version })}</h2>
        <div className="card wide">
          <MarkdownText text={item.body} />
        </div>
      </section>
      {item.own ? <Versions versions={detail.versions} /> : null}
    </article>
  );
}

function Versions({ versions }: { versions: SharedItemDetail["versions"] }) {
  const { t } = useTranslation();
  const dates = useDates();
  return (
    <section aria-labelledby="shared-versions-heading">
      <h2 id="shared-versions-heading">{t("sharing.versions")}</h2>
      <div className="table-scroll" tabIndex={0} role="region" aria-label={t("sharing.versions")}>
        <table>
          <caption className="visually-hidden">{t("sharing.versions")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("sharing.fields.version")}</th>
              <th scope="col">{t("sharing.fields.sharedAt")}</th>
              <th scope="col">{t("sharing.fields.override")}</th>
            </tr>
          </thead>
          <tbody>
            {versions.map((v) => (
              <tr key={v.version}>
                <th scope="row">{v.version}</th>
                <td>{dates.format(v.sharedAt)}</td>
                <td>{v.personalDataOverride ?? "–"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
