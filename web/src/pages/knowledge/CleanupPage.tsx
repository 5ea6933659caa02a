// Wissen → Aufräumen: articles that need someone — a review due within 14 days or overdue, published ones past
// their "gültig bis" day, and published ones no answer drew on for half a year.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type KnowledgeCleanup, knowledgeApi } from "../../api/knowledge";
import { useLoad } from "../../api/useLoad";
import { ErrorMessage } from "../../components/ErrorMessage";
import { useOrg } from "../../components/OrgLayout";
import { PageHeading } from "../../components/PageHeading";
import { ArticleTable } from "./ArticleTable";
import { useDepartments } from "./useKnowledgeChoices";
import { Loading } from "../../components/LoadState";

const LISTS = ["reviewDue", "expired", "unused"] as const;

export function CleanupPage() {
  const { t } = useTranslation();
  const org = useOrg();
  const departments = useDepartments(org.id);
  const [cleanup, setCleanup] = useState<KnowledgeCleanup | null>(null);
  const [error, setError] = useState<unknown>(null);
  useLoad((signal) => knowledgeApi.cleanup(org.id, { signal }), setCleanup, [org.id], { onError: setError });
  const departmentName = (id: string | null) =>
    id === null ? t("knowledge.allDepartments") : (departments.find((d) => d.id === id)?.name ?? "–");
  return (
    <section aria-labelledby="page-heading">
      <PageHeading title={t("knowledge.cleanup.title")} id="page-heading" />
      <p>{t("knowledge.cleanup.intro")}</p>
      <ErrorMessage error={error} />
      {cleanup === null && !error ? <Loading /> : null}
      {cleanup
        ? LISTS.map((list) => (
            <ArticleTable
              key={list}
              orgId={org.id}
              caption={t(`knowledge.cleanup.${list}`, { count: cleanup[list].length })}
              articles={cleanup[list]}
              departmentName={departmentName}
              empty={t(`knowledge.cleanup.${list}None`)}
            />
          ))
        : null}
    </section>
  );
}
