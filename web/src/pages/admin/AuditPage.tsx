// The organisation's audit log, newest first.
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client";
import type { AuditEvent } from "../../api/types";
import { ErrorMessage } from "../../components/ErrorMessage";
import { useOrg } from "../../components/OrgLayout";
import { PageHeading } from "../../components/PageHeading";
import { NotAllowedPage } from "../NotAllowedPage";
import { useLoad } from "../../api/useLoad";
import { useDates } from "../../components/formatDates";
import { useWords } from "../../components/useWords";

export function AuditPage() {
  const { t } = useTranslation();
  const dates = useDates();
  const words = useWords();
  const org = useOrg();
  const [events, setEvents] = useState<AuditEvent[]>([]);
  const [next, setNext] = useState<number | undefined>();
  // Where the trail continues ("more"); undefined: from the newest event.
  const [before, setBefore] = useState<number | undefined>();
  const [error, setError] = useState<unknown>(null);
  const allowed = org.myActions.includes("audit.view");

  useLoad(
    (signal) => api.audit(org.id, before, { signal }),
    (page) => {
      setEvents((shown) => (before === undefined ? page.events : [...shown, ...page.events]));
      setNext(page.nextBeforeSeq);
    },
    [org.id, before],
    { enabled: allowed, onError: setError },
  );
  useEffect(() => setBefore(undefined), [org.id]);

  if (!allowed) return <NotAllowedPage />;

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
        <button type="button" onClick={() => setBefore(next)}>
          {t("audit.more")}
        </button>
      )}
    </section>
  );
}
