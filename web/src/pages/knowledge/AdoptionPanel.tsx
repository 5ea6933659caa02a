// Taking a copy of something another organisation shares — from this installation (Geteilt) or from another
// installation's feed — into this organisation: adopt it (into a department one may write for), and, when a
// newer version waits, read what changed since the copy's version and take it or leave it.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { type ArticleDiff, articlePath } from "../../api/knowledge";
import type { AdoptInput, SharedItemKind } from "../../api/sharing";
import { useDates } from "../../components/formatDates";
import { DateTimeField } from "../../components/DateTimeFields";
import { NamedOptions } from "../../components/NamedOptions";
import { useOrg } from "../../components/OrgLayout";
import { departmentChoices } from "../../components/departmentChoices";
import { DiffView } from "./ArticleVersions";
import { useDepartments } from "./useKnowledgeChoices";

export interface AdoptableItem {
  kind: SharedItemKind;
  version: number;
  updateAvailable: boolean;
  adoption: { targetId: string; adoptedVersion: number } | null;
}

/** Where this organisation's copy is kept. */
function copyPath(orgId: string, kind: SharedItemKind, targetId: string): string {
  if (kind === "article") return articlePath(orgId, targetId);
  if (kind === "template") return `/o/${orgId}/knowledge/templates`;
  if (kind === "guideline") return `/o/${orgId}/guidelines`;
  if (kind === "campaign") return `/o/${orgId}/publish/campaigns/${targetId}`;
  return `/o/${orgId}/admin/website`;
}

export function AdoptionPanel({
  item,
  publisherName,
  changes,
  copyChanged,
  mayChangeCopy,
  closedNote = null,
  adopt,
  decline,
  run,
}: {
  item: AdoptableItem;
  publisherName: string;
  /** What changed since the adopted version, when a newer one is offered or was left. */
  changes: ArticleDiff | null;
  copyChanged: boolean;
  mayChangeCopy: boolean;
  /** Why nothing can be taken any more (e.g. no longer in the feed): shown instead of the actions. */
  closedNote?: string | null;
  adopt(input: AdoptInput): Promise<unknown>;
  decline(): Promise<unknown>;
  run(action: () => Promise<string | null>): Promise<boolean>;
}) {
  const { t } = useTranslation();
  const org = useOrg();
  const departments = useDepartments(org.id);
  const choices = departmentChoices(org, departments);
  const dates = useDates();
  const [departmentId, setDepartmentId] = useState<string | null>(null);
  const [start, setStart] = useState("");
  const adoption = item.adoption;
  // The Netiquette and the guideline are the organisation's; articles, Textbausteine and campaigns a department's.
  const organisationWide = item.kind === "netiquette" || item.kind === "guideline";
  const campaign = item.kind === "campaign";
  const mayAdopt = org.myActions.includes(
    organisationWide ? "guideline.manage" : campaign ? "campaign.manage" : "knowledge.edit",
  );
  const department = departmentId ?? choices.initial;
  // A campaign's copy starts when the adopter says (a newer version keeps the copy's dates).
  const startsAt = campaign && !adoption ? dates.fromInput(start) : null;

  const takeIt = () =>
    void run(async () => {
      await adopt({ departmentId: organisationWide ? null : department, startsAt });
      return t(adoption ? `sharing.updateTaken.${item.kind}` : `sharing.adopted.${item.kind}`);
    });
  // The Netiquette's and the guideline's pages are for those who keep them; others do not get a link that fails.
  const copyLink =
    adoption && (!organisationWide || org.myActions.includes("guideline.manage")) ? (
      <Link to={copyPath(org.id, item.kind, adoption.targetId)}>{t(`sharing.openCopy.${item.kind}`)}</Link>
    ) : null;

  if (adoption && (!changes || closedNote))
    return (
      <>
        <p>
          {t("sharing.adoptedVersion", { version: adoption.adoptedVersion })} {copyLink}
        </p>
        {closedNote ? <p className="hint">{closedNote}</p> : null}
      </>
    );
  if (closedNote) return <p className="hint">{closedNote}</p>;
  if (adoption && changes)
    return (
      <section aria-labelledby="shared-update-heading" className="card wide">
        <h2 id="shared-update-heading">
          {item.updateAvailable
            ? t("sharing.updateTitle", { version: item.version })
            : t("sharing.declinedTitle", { version: item.version })}
        </h2>
        <p>{t("sharing.updateIntro", { publisher: publisherName, from: adoption.adoptedVersion })}</p>
        {copyLink ? <p>{copyLink}</p> : null}
        <DiffView diff={changes} title={t("sharing.changesTitle", { from: changes.from, to: changes.to })} />
        {copyChanged ? (
          <p className="message message-error">
            {t(`sharing.copyChanged.${item.kind === "article" ? "article" : "other"}`)}
          </p>
        ) : null}
        {mayChangeCopy ? (
          <div className="toolbar" role="group" aria-label={t("sharing.updateActions")}>
            <button type="button" onClick={takeIt}>
              {t("sharing.takeUpdate")}
            </button>
            {item.updateAvailable ? (
              <button
                type="button"
                onClick={() => void run(async () => (await decline(), t("sharing.updateDeclined")))}
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
      {campaign ? (
        <DateTimeField id="adopt-start" label={t("sharing.campaignStart")} required value={start} onChange={setStart} />
      ) : null}
      <button type="button" onClick={takeIt} disabled={campaign && !startsAt}>
        {t("sharing.adopt")}
      </button>
    </section>
  );
}
