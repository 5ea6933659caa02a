// Wissen → Geteilt → one shared item, read-only: its text, whose it is, its version and when it was last
// checked. A receiving organisation adopts a copy (into a department it may write for), and, when a newer
// version waits, reads what changed since its copy's version and takes it or leaves it. The sharing
// organisation sees the versions, with the reasons given where personal data was shared knowingly.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { articlePath } from "../../api/knowledge";
import { type SharedItemDetail, collectionPath, sharingApi } from "../../api/sharing";
import { useLoad } from "../../api/useLoad";
import { ErrorMessage, Notice } from "../../components/ErrorMessage";
import { MarkdownText } from "../../components/MarkdownText";
import { NamedOptions } from "../../components/NamedOptions";
import { useOrg } from "../../components/OrgLayout";
import { PageHeading } from "../../components/PageHeading";
import { departmentChoices } from "../../components/departmentChoices";
import { useDates } from "../../components/formatDates";
import { useAction } from "../../components/useAction";
import { DiffView } from "./ArticleVersions";
import { useDepartments } from "./useKnowledgeChoices";

type Item = SharedItemDetail["item"];

/** Where this organisation's copy is kept. */
function copyPath(orgId: string, item: Item, targetId: string): string {
  if (item.kind === "article") return articlePath(orgId, targetId);
  if (item.kind === "template") return `/o/${orgId}/knowledge/templates`;
  if (item.kind === "guideline") return `/o/${orgId}/guidelines`;
  return `/o/${orgId}/admin/website`;
}

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
  if (!detail) return action.error ? <ErrorMessage error={action.error} /> : <p role="status">{t("app.loading")}</p>;
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
      {item.own ? null : <Adoption detail={detail} run={action.run} />}
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

function Adoption({
  detail,
  run,
}: {
  detail: SharedItemDetail;
  run(action: () => Promise<string | null>): Promise<boolean>;
}) {
  const { t } = useTranslation();
  const org = useOrg();
  const departments = useDepartments(org.id);
  const choices = departmentChoices(org, departments);
  const [departmentId, setDepartmentId] = useState<string | null>(null);
  const item = detail.item;
  const adoption = item.adoption;
  // The Netiquette and the guideline are the organisation's; articles and Textbausteine a department's.
  const organisationWide = item.kind === "netiquette" || item.kind === "guideline";
  const mayAdopt = org.myActions.includes(organisationWide ? "guideline.manage" : "knowledge.edit");
  const department = departmentId ?? choices.initial;

  const adopt = () =>
    void run(async () => {
      await sharingApi.adopt(org.id, item.id, organisationWide ? null : department);
      return t(adoption ? `sharing.updateTaken.${item.kind}` : `sharing.adopted.${item.kind}`);
    });
  // The Netiquette's and the guideline's pages are for those who keep them; others do not get a link that fails.
  const copyLink =
    adoption && (!organisationWide || org.myActions.includes("guideline.manage")) ? (
      <Link to={copyPath(org.id, item, adoption.targetId)}>{t(`sharing.openCopy.${item.kind}`)}</Link>
    ) : null;

  if (adoption && !detail.changes)
    return (
      <p>
        {t("sharing.adoptedVersion", { version: adoption.adoptedVersion })} {copyLink}
      </p>
    );
  if (adoption && detail.changes)
    return (
      <section aria-labelledby="shared-update-heading" className="card wide">
        <h2 id="shared-update-heading">
          {item.updateAvailable
            ? t("sharing.updateTitle", { version: item.version })
            : t("sharing.declinedTitle", { version: item.version })}
        </h2>
        <p>{t("sharing.updateIntro", { publisher: item.publisher.name, from: adoption.adoptedVersion })}</p>
        {copyLink ? <p>{copyLink}</p> : null}
        <DiffView
          diff={detail.changes}
          title={t("sharing.changesTitle", { from: detail.changes.from, to: detail.changes.to })}
        />
        {detail.copyChanged ? (
          <p className="message message-error">
            {t(`sharing.copyChanged.${item.kind === "article" ? "article" : "other"}`)}
          </p>
        ) : null}
        {detail.mayChangeCopy ? (
          <div className="toolbar" role="group" aria-label={t("sharing.updateActions")}>
            <button type="button" onClick={adopt}>
              {t("sharing.takeUpdate")}
            </button>
            {item.updateAvailable ? (
              <button
                type="button"
                onClick={() =>
                  void run(async () => (await sharingApi.decline(org.id, item.id), t("sharing.updateDeclined")))
                }
              >
                {t("sharing.declineUpdate")}
              </button>
            ) : null}
          </div>
        ) : (
          <p className="hint">{t("sharing.updateNotAllowed")}</p>
        )}
      </section>
    );
  if (!mayAdopt) return <p className="hint">{t("sharing.adoptNotAllowed")}</p>;
  return (
    <section aria-labelledby="adopt-heading" className="card wide">
      <h2 id="adopt-heading">{t("sharing.adoptTitle")}</h2>
      <p className="hint">{t(`sharing.adoptHint.${item.kind}`)}</p>
      {organisationWide ? null : (
        <label className="field">
          <span>{t("knowledge.fields.department")}</span>
          <select value={department ?? ""} onChange={(e) => setDepartmentId(e.target.value || null)}>
            {choices.orgWide ? <option value="">{t("knowledge.allDepartments")}</option> : null}
            <NamedOptions items={choices.departments} />
          </select>
        </label>
      )}
      <button type="button" onClick={adopt}>
        {t("sharing.adopt")}
      </button>
    </section>
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
