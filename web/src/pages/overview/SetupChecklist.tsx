// The first steps of a new organisation, on its administrators' start page until all are done: each names
// what to set up, links to where it is done and is ticked (by the server, from what is there) once it is.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { type SetupChecklist as Checklist, overviewApi } from "../../api/overview";
import { useLoad } from "../../api/useLoad";
import { useLiveChanges } from "../../components/liveChanges";

/** Where each step is done, under the organisation's address. */
const WHERE: Record<Checklist["steps"][number]["step"], string> = {
  channel: "admin/channels",
  officeHours: "admin/office-hours",
  netiquette: "admin/website",
  guideline: "guidelines",
  colleagues: "admin/members",
  routing: "admin/inbox-rules",
  targets: "admin/inbox-rules",
};

export function SetupChecklist({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const live = useLiveChanges();
  const [checklist, setChecklist] = useState<Checklist | null>(null);
  // A failed load leaves the start page as it is: the list is a help, not the page's content.
  useLoad((signal) => overviewApi.setupChecklist(orgId, { signal }), setChecklist, [orgId, live], {
    onError: () => setChecklist(null),
  });
  if (!checklist || checklist.done === checklist.total) return null;
  return (
    <section aria-labelledby="setup-heading" className="card setup-checklist">
      <h2 id="setup-heading">{t("overview.setup.title")}</h2>
      <p>
        <strong>{t("overview.setup.progress", { done: checklist.done, total: checklist.total })}</strong>{" "}
        {t("overview.setup.intro")}
      </p>
      <ol className="setup-steps">
        {checklist.steps.map(({ step, done }) => (
          <li key={step} className={done ? "is-done" : undefined}>
            <span className="setup-mark" aria-hidden="true">
              {done ? "✓" : ""}
            </span>
            <span>
              <Link to={`/o/${orgId}/${WHERE[step]}`}>{t(`overview.setup.steps.${step}.title`)}</Link>
              <span className="visually-hidden"> – {done ? t("overview.setup.done") : t("overview.setup.open")}</span>
              <br />
              <span className="hint">{t(`overview.setup.steps.${step}.hint`)}</span>
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
