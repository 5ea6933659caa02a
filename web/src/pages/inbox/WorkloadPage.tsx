// Auslastung: who carries how many open conversations (overdue, questions, oldest waiting), per person
// and per department, and which channel accounts have been idle (no post, or citizens without answer).
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { type Workload, inboxApi } from "../../api/inbox";
import { ErrorMessage } from "../../components/ErrorMessage";
import { useOrg } from "../../components/OrgLayout";
import { PageHeading } from "../../components/PageHeading";
import { NotAllowedPage } from "../NotAllowedPage";
import { useLoad } from "../../api/useLoad";
import { useDates } from "../../components/formatDates";

export function WorkloadPage() {
  const { t } = useTranslation();
  const dates = useDates();
  const org = useOrg();
  const [workload, setWorkload] = useState<Workload | null>(null);
  const [error, setError] = useState<unknown>(null);
  const allowed = org.myActions.includes("inbox.view");
  useLoad((signal) => inboxApi.workload(org.id, { signal }), setWorkload, [org.id], {
    enabled: allowed,
    onError: setError,
  });
  if (!allowed) return <NotAllowedPage />;
  const when = (iso: string | null) => (iso ? dates.format(iso, "compact") : "–");
  const table = (
    caption: string,
    rows: {
      key: string;
      name: string;
      active: number;
      overdue: number;
      questions: number;
      oldestWaitingSince: string | null;
    }[],
  ) => (
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t("workload.name")}</th>
          <th scope="col">{t("workload.active")}</th>
          <th scope="col">{t("workload.overdue")}</th>
          <th scope="col">{t("workload.questions")}</th>
          <th scope="col">{t("workload.oldest")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <th scope="row">{r.name}</th>
            <td>{r.active}</td>
            <td>{r.overdue}</td>
            <td>{r.questions}</td>
            <td>{when(r.oldestWaitingSince)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <section aria-labelledby="page-heading">
      <PageHeading title={t("workload.title")} id="page-heading" />
      <p>
        <Link to={`/o/${org.id}/inbox`}>{t("workload.back")}</Link>
      </p>
      <ErrorMessage error={error} />
      {workload ? (
        <>
          {table(
            t("workload.people"),
            workload.people.map((p) => ({ ...p, key: p.userId ?? "none", name: p.name ?? t("inbox.unassigned") })),
          )}
          {table(
            t("workload.departments"),
            workload.departments.map((d) => ({
              ...d,
              key: d.departmentId ?? "none",
              name: d.name ?? t("inbox.noDepartment"),
            })),
          )}
          <table>
            <caption>{t("workload.channels", { days: workload.idleWarningDays })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("inboxRules.channel")}</th>
                <th scope="col">{t("workload.lastPost")}</th>
                <th scope="col">{t("workload.lastAnswer")}</th>
                <th scope="col">{t("workload.state")}</th>
              </tr>
            </thead>
            <tbody>
              {workload.channels.map((c) => (
                <tr key={c.channelAccountId}>
                  <th scope="row">{c.name}</th>
                  <td>{when(c.lastPostAt)}</td>
                  <td>{when(c.lastAnswerAt)}</td>
                  <td className={c.idle ? "overdue" : undefined}>{t(`workload.idle.${c.idle ?? "active"}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </section>
  );
}
