// The organisation's audit log, newest first.
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client";
import type { AuditEvent } from "../../api/types";
import { ErrorMessage } from "../../components/ErrorMessage";
import { useOrg } from "../../components/OrgLayout";
import { PageHeading } from "../../components/PageHeading";
import { NotAllowedPage } from "../NotAllowedPage";
import { useDates } from "../../components/formatDates";
import { useWords } from "../../components/useWords";

export function AuditPage() {
  const { t } = useTranslation();
  const dates = useDates();
  const words = useWords();
  const org = useOrg();
  const [events, setEvents] = useState<AuditEvent[]>([]);
  const [next, setNext] = useState<number | undefined>();
  const [error, setError] = useState<unknown>(null);
  const allowed = org.myActions.includes("audit.view");

  useEffect(() => {
    if (!allowed) return;
    api.audit(org.id).then((page) => {
      setEvents(page.events);
      setNext(page.nextBeforeSeq);
    }, setError);
  }, [org.id, allowed]);

  if (!allowed) return <NotAllowedPage />;

  async function more() {
    const page = await api.audit(org.id, next);
    setEvents((current) => [...current, ...page.events]);
    setNext(page.nextBeforeSeq);
  }

  return (
    <section>
      <PageHeading title={t("audit.title")} />
      <ErrorMessage error={error} />
      <table>
        <caption>{t("audit.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">{t("audit.time")}</th>
            <th scope="col">{t("audit.actor")}</th>
            <th scope="col">{t("audit.action")}</th>
            <th scope="col">{t("audit.target")}</th>
            <th scope="col">{t("audit.hash")}</th>
          </tr>
        </thead>
        <tbody>
          {events.map((e) => (
            <tr key={e.id}>
              <td>{e.seq}</td>
              <td>{dates.format(e.occurredAt, "precise")}</td>
              <td>{words.actor(e.actorLabel)}</td>
              <td>{words.auditAction(e.action)}</td>
              <td>{words.auditTarget(e.targetType, e.targetId)}</td>
              <td>
                <code title={e.hash}>{e.hash.slice(0, 12)}…</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {next !== undefined && (
        <button type="button" onClick={() => void more()}>
          {t("audit.more")}
        </button>
      )}
    </section>
  );
}
