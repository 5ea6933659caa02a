// Wissen → Geteilt → a collection: its items with whose they are, their version and when last checked. The
// sharing organisation adds items, shares changed ones anew (or confirms them), withdraws items or the whole
// collection and changes its receivers, and may publish it as a signed feed for other installations; a
// receiving organisation sees which items it adopted and where a newer version waits.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { type CollectionDetail, sharedItemPath, sharedPath, sharingApi } from "../../api/sharing";
import { useLoad } from "../../api/useLoad";
import { ErrorMessage, Notice } from "../../components/ErrorMessage";
import { useOrg } from "../../components/OrgLayout";
import { PageHeading } from "../../components/PageHeading";
import { useDates } from "../../components/formatDates";
import { useAction } from "../../components/useAction";
import { CollectionFeed } from "./CollectionFeed";
import { CollectionForm } from "./CollectionForm";
import { ShareItemForm } from "./ShareItemForm";
import { receiversText } from "./SharedPage";
import { LoadFailed, Loading } from "../../components/LoadState";

type Item = CollectionDetail["items"][number];

export function CollectionPage() {
  const { t } = useTranslation();
  const org = useOrg();
  const { collectionId = "" } = useParams();
  const [detail, setDetail] = useState<CollectionDetail | null>(null);
  const reload = useLoad(
    (signal) => sharingApi.collection(org.id, collectionId, { signal }),
    setDetail,
    [org.id, collectionId],
    { onError: (error) => action.setError(error) },
  );
  const action = useAction(reload);
  if (!detail)
    return action.error ? (
      <LoadFailed error={action.error} retry={() => void action.run(async () => null)} />
    ) : (
      <Loading />
    );
  const c = detail.collection;
  const mayShare = c.own && org.myActions.includes("knowledge.share") && !c.withdrawnAt;

  async function withdraw() {
    if (!window.confirm(t("sharing.withdrawCollectionConfirm"))) return;
    await action.run(async () => (await sharingApi.withdrawCollection(org.id, c.id), t("sharing.collectionWithdrawn")));
  }

  return (
    <section aria-labelledby="page-heading">
      <PageHeading title={c.title} id="page-heading" />
      <p>
        <Link to={sharedPath(org.id)}>{t("sharing.backToList")}</Link>
      </p>
      <Notice text={action.notice} />
      <ErrorMessage error={action.error} />
      <dl className="facts">
        <dt>{t("sharing.fields.publisher")}</dt>
        <dd>{c.publisher.name}</dd>
        {c.own ? (
          <>
            <dt>{t("sharing.fields.receivers")}</dt>
            <dd>{receiversText(t, c)}</dd>
          </>
        ) : null}
        {c.description ? (
          <>
            <dt>{t("sharing.fields.description")}</dt>
            <dd>{c.description}</dd>
          </>
        ) : null}
        {c.withdrawnAt ? (
          <>
            <dt>{t("sharing.fields.withdrawn")}</dt>
            <dd>{t("sharing.withdrawnHint")}</dd>
          </>
        ) : null}
      </dl>
      <ItemTable detail={detail} onChanged={action.run} />
      {mayShare ? (
        <>
          <ShareItemForm collectionId={c.id} onShared={(notice) => action.run(async () => notice)} />
          <details className="card wide">
            <summary>{t("sharing.editCollection")}</summary>
            <CollectionForm collection={c} onSaved={() => void action.run(async () => t("sharing.collectionSaved"))} />
          </details>
        </>
      ) : null}
      {c.own ? (
        <CollectionFeed collection={c} mayShare={org.myActions.includes("knowledge.share")} run={action.run} />
      ) : null}
      {mayShare ? (
        <p>
          <button type="button" onClick={() => void withdraw()}>
            {t("sharing.withdrawCollection")}
          </button>
        </p>
      ) : null}
    </section>
  );
}

function ItemTable({
  detail,
  onChanged,
}: {
  detail: CollectionDetail;
  onChanged(action: () => Promise<string | null>): Promise<boolean>;
}) {
  const { t } = useTranslation();
  const org = useOrg();
  const dates = useDates();
  const own = detail.collection.own;
  const mayShare = own && org.myActions.includes("knowledge.share") && !detail.collection.withdrawnAt;
  const caption = t("sharing.itemsCaption", { count: detail.items.length });
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
          {detail.items.length === 0 ? (
            <tr>
              <td colSpan={5}>{t("sharing.noItems")}</td>
            </tr>
          ) : (
            detail.items.map((item) => (
              <tr key={item.id}>
                <th scope="row">
                  <Link to={sharedItemPath(org.id, item.id)}>{item.title}</Link>
                </th>
                <td>{t(`sharing.kind.${item.kind}`)}</td>
                <td>{item.version}</td>
                <td>{dates.format(item.checkedAt, "date")}</td>
                <td>
                  {own ? (
                    <OwnState
                      item={item}
                      collectionId={detail.collection.id}
                      mayShare={mayShare}
                      onChanged={onChanged}
                    />
                  ) : (
                    <ReceivedState item={item} />
                  )}
                </td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}

function OwnState({
  item,
  collectionId,
  mayShare,
  onChanged,
}: {
  item: Item;
  collectionId: string;
  mayShare: boolean;
  onChanged(action: () => Promise<string | null>): Promise<boolean>;
}) {
  const { t } = useTranslation();
  const org = useOrg();
  // Shares the item's text as it is now: the next version when it changed, a withdrawn one shared again.
  const shareAgain = (notice: string) =>
    void onChanged(async () => {
      await sharingApi.share(org.id, collectionId, {
        kind: item.kind,
        ...(item.sourceId ? { sourceId: item.sourceId } : {}),
      });
      return notice;
    });
  if (item.withdrawnAt)
    return (
      <>
        <p>{t("sharing.withdrawnItem")}</p>
        {mayShare ? (
          <button type="button" className="link-button" onClick={() => shareAgain(t("sharing.sharedAgain"))}>
            {t("sharing.shareAgain")}
            <span className="visually-hidden"> „{item.title}“</span>
          </button>
        ) : null}
      </>
    );
  return (
    <>
      <p>
        {item.sourceChanged ? t("sharing.sourceChanged") : t("sharing.sourceCurrent")}
        {" · "}
        {t("sharing.adoptedBy", { count: item.adoptionCount })}
      </p>
      {mayShare && item.sourceChanged ? (
        <button type="button" className="link-button" onClick={() => shareAgain(t("sharing.sharedAgain"))}>
          {t("sharing.shareNewVersion")}
          <span className="visually-hidden"> „{item.title}“</span>
        </button>
      ) : null}{" "}
      {mayShare ? (
        <button
          type="button"
          className="link-button"
          onClick={() => {
            if (!window.confirm(t("sharing.withdrawItemConfirm", { title: item.title }))) return;
            void onChanged(async () => {
              await sharingApi.withdrawItem(org.id, item.id);
              return t("sharing.itemWithdrawn", { title: item.title });
            });
          }}
        >
          {t("sharing.withdrawItem")}
          <span className="visually-hidden"> „{item.title}“</span>
        </button>
      ) : null}
    </>
  );
}

function ReceivedState({ item }: { item: Item }) {
  const { t } = useTranslation();
  if (!item.adoption) return <>{t("sharing.notAdopted")}</>;
  if (item.updateAvailable) return <strong>{t("sharing.updateAvailable", { version: item.version })}</strong>;
  return <>{t("sharing.adoptedVersion", { version: item.adoption.adoptedVersion })}</>;
}
