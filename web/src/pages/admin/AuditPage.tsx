// The organisation's audit log, newest first.
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client";
import type { AuditEvent } from "../../api/types";
import { ErrorMessage } from "../../components/ErrorMessage";
import { useOrg } from "../../components/OrgLayout";
import { PageHeading } from "../../components/PageHeading";
import { NotAllowedPage } from "../NotAllowedPage";
import { formatLocale } from "../../i18n";
import { useLoad } from "../../api/useLoad";

export function AuditPage() {
  const { t, i18n } = useTranslation();
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
  const format = new Intl.DateTimeFormat(formatLocale(i18n.language), { dateStyle: "medium", timeStyle: "medium" });

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
              <td>{format.format(new Date(e.occurredAt))}</td>
              <td>{e.actorLabel}</td>
              <td>
                <code>{e.action}</code>
              </td>
              <td>{e.targetType ? `${e.targetType} ${e.targetId?.slice(0, 8) ?? ""}` : ""}</td>
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
