// Richtlinien: the guideline in force (document and machine-checked rules), its review state, the
// person's acknowledgement, and earlier versions.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type GuidelineList, publishingApi } from "../../api/publishing";
import { ErrorMessage, Notice } from "../../components/ErrorMessage";
import { useOrg } from "../../components/OrgLayout";
import { PageHeading } from "../../components/PageHeading";
import { useAction } from "../../components/useAction";
import { api } from "../../api/client";
import type { Member } from "../../api/types";
import { MarkdownText } from "../../components/MarkdownText";
import { useDates } from "../../components/formatDates";
import { GuidelineEditor } from "./GuidelineEditor";
import { useLoad } from "../../api/useLoad";

export function GuidelinesPage() {
  const { t } = useTranslation();
  const org = useOrg();
  const dates = useDates();
  const [list, setList] = useState<GuidelineList | null>(null);
  const [members, setMembers] = useState<Member[]>([]);
  const canManage = org.myActions.includes("guideline.manage");
  const reload = useLoad((signal) => publishingApi.guidelines(org.id, { signal }), setList, [org.id], {
    onError: (error) => setError(error),
  });
  const action = useAction(reload);
  const { setError } = action;
  useLoad(
    (signal) => api.members(org.id, { signal }),
    (r) => setMembers(r.members),
    [org.id],
    {
      enabled: canManage && org.myActions.includes("member.view"),
      onError: (error) => setError(error),
    },
  );
  const active = list?.versions.find((v) => v.id === list.activeId) ?? null;

  return (
    <section aria-labelledby="page-heading">
      <PageHeading title={t("nav.guidelines")} id="page-heading" />
      <Notice text={action.notice} />
      <ErrorMessage error={action.error} />
      {list && !active && <p>{t("guidelines.none")}</p>}
      {active && list && (
        <>
          <p>
            {t("guidelines.inForce", { version: active.version, title: active.title })}
            {list.review && (
              <>
                {" "}
                ·{" "}
                <span className={`review-${list.review.state}`}>
                  {t(`guidelines.review.${list.review.state}`, {
                    date: list.review.reviewBy ? dates.plainDate(list.review.reviewBy, { dateStyle: "medium" }) : "",
                  })}
                </span>
              </>
            )}
          </p>
          {list.acknowledged ? (
            <p className="message message-ok">{t("guidelines.acknowledged")}</p>
          ) : (
            <div className="card">
              <p>{t("guidelines.pleaseAcknowledge")}</p>
              <button
                type="button"
                onClick={() =>
                  void action.run(
                    async () => (await publishingApi.acknowledge(org.id, active.id), t("guidelines.thanks")),
                  )
                }
              >
                {t("guidelines.acknowledge", { version: active.version })}
              </button>
            </div>
          )}
          <article className="card guideline-document" aria-label={t("guidelines.document")}>
            <MarkdownText text={active.document} />
          </article>
          <h2>{t("guidelines.rulesTitle")}</h2>
          <RuleSummary rules={active.rules} />
        </>
      )}
      {list && list.versions.length > 0 && (
        <table>
          <caption>{t("guidelines.versions")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("guidelines.version")}</th>
              <th scope="col">{t("guidelines.title")}</th>
              <th scope="col">{t("guidelines.state")}</th>
              <th scope="col">{t("guidelines.reviewBy")}</th>
              {canManage && <th scope="col">{t("channels.actions")}</th>}
            </tr>
          </thead>
          <tbody>
            {list.versions.map((v) => (
              <tr key={v.id}>
                <th scope="row">{v.version}</th>
                <td>{v.title}</td>
                <td>{t(`guidelines.status.${v.status}`)}</td>
                <td>{v.reviewBy ? dates.plainDate(v.reviewBy, { dateStyle: "medium" }) : ""}</td>
                {canManage && (
                  <td className="actions">
                    {v.status === "draft" && (
                      <button
                        type="button"
                        onClick={() =>
                          void action.run(
                            async () => (
                              await publishingApi.activateGuideline(org.id, v.id),
                              t("guidelines.activated", { version: v.version })
                            ),
                          )
                        }
                      >
                        {t("guidelines.activate", { version: v.version })}
                      </button>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canManage && list && (
        <GuidelineEditor
          base={active ?? list.versions[0] ?? null}
          members={members}
          onSubmit={(input) =>
            action.run(async () => (await publishingApi.createGuideline(org.id, input), t("guidelines.editor.saved")))
          }
        />
      )}
    </section>
  );
}

function RuleSummary({ rules }: { rules: Record<string, unknown> }) {
  const { t } = useTranslation();
  const r = rules as {
    addressForm?: { required: string; severity: string } | null;
    forbiddenTerms?: { term: string }[];
    allowedLinkDomains?: { domains: string[] } | null;
    readability?: { minScore: number } | null;
  };
  return (
    <ul>
      {r.addressForm && <li>{t(`guidelines.rule.address.${r.addressForm.required}`)}</li>}
      {r.forbiddenTerms && r.forbiddenTerms.length > 0 && (
        <li>{t("guidelines.rule.forbidden", { terms: r.forbiddenTerms.map((f) => f.term).join(", ") })}</li>
      )}
      {r.allowedLinkDomains && (
        <li>{t("guidelines.rule.domains", { domains: r.allowedLinkDomains.domains.join(", ") })}</li>
      )}
      {r.readability && <li>{t("guidelines.rule.readability", { score: r.readability.minScore })}</li>}
      <li>{t("guidelines.rule.altText")}</li>
    </ul>
  );
}
