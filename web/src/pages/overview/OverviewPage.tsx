// The start page (Übersicht), where everyone lands after signing in: what needs this person now, each section
// only where their role and scope allow (the server leaves out what is not theirs), loaded again live when the
// inbox's stream reports a change. People with nothing to work on here (analysts) are pointed to their areas.
// The sections that need action come first (sectionNeed.ts).
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { type Overview, overviewApi } from "../../api/overview";
import { useLoad } from "../../api/useLoad";
import { ErrorMessage } from "../../components/ErrorMessage";
import { useLiveChanges } from "../../components/liveChanges";
import { useOrg } from "../../components/OrgLayout";
import { PageHeading } from "../../components/PageHeading";
import { useSession } from "../../session";
import { DueSection, NotificationsSection, ReplyApprovalsSection } from "./InboxSections";
import { type SectionKey, sectionsByNeed } from "./sectionNeed";
import {
  AlertsSection,
  ChannelsSection,
  GuidelineSection,
  ModerationSection,
  PostApprovalsSection,
} from "./WorkSections";
import { Loading } from "../../components/LoadState";
import { SetupChecklist } from "./SetupChecklist";

/** Areas pointed to at the foot of the page, for those whose roles open them. */
const MORE_AREAS = [
  { id: "reports", action: "reports.view" },
  { id: "calendar", action: "calendar.view" },
  { id: "knowledge", action: "knowledge.view" },
] as const;

export function OverviewPage() {
  const { t } = useTranslation();
  const org = useOrg();
  const { session } = useSession();
  const live = useLiveChanges();
  const [overview, setOverview] = useState<Overview | null>(null);
  const [error, setError] = useState<unknown>(null);
  useLoad((signal) => overviewApi.get(org.id, { signal }), setOverview, [org.id, live], { onError: setError });
  const more = MORE_AREAS.filter((area) => org.myActions.includes(area.action));
  const canManage = org.myActions.includes("channel.manage");
  return (
    <section aria-labelledby="page-heading" className="overview">
      <PageHeading title={t("overview.title")} id="page-heading" />
      <p className="muted">{t("overview.intro", { name: session?.user.name ?? "", org: org.name })}</p>
      <ErrorMessage error={error} />
      {org.myActions.includes("org.update") ? <SetupChecklist orgId={org.id} /> : null}
      {overview ? (
        <div className="overview-grid">
          {sectionsByNeed(overview, (key) => key === "guideline" || overview[key] !== null).map((key) => (
            <Section key={key} name={key} overview={overview} orgId={org.id} canManage={canManage} />
          ))}
          {more.length > 0 ? (
            <section aria-labelledby="overview-more" className="card overview-section">
              <h2 id="overview-more">{t("overview.more.title")}</h2>
              <ul className="overview-items">
                {more.map((area) => (
                  <li key={area.id}>
                    <Link to={`/o/${org.id}/${area.id}`}>{t(`nav.${area.id}`)}</Link>: {t(`area.${area.id}`)}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </div>
      ) : (
        !error && <Loading />
      )}
    </section>
  );
}

function Section(props: { name: SectionKey; overview: Overview; orgId: string; canManage: boolean }): ReactNode {
  const { name, overview: o, orgId } = props;
  switch (name) {
    case "mine":
      return o.mine ? <DueSection orgId={orgId} section={o.mine} kind="mine" /> : null;
    case "team":
      return o.team ? <DueSection orgId={orgId} section={o.team} kind={o.team.scope} /> : null;
    case "postApprovals":
      return o.postApprovals ? <PostApprovalsSection orgId={orgId} section={o.postApprovals} /> : null;
    case "replyApprovals":
      return o.replyApprovals ? <ReplyApprovalsSection orgId={orgId} section={o.replyApprovals} /> : null;
    case "moderation":
      return o.moderation ? <ModerationSection orgId={orgId} section={o.moderation} /> : null;
    case "alerts":
      return o.alerts ? <AlertsSection orgId={orgId} section={o.alerts} /> : null;
    case "notifications":
      return o.notifications ? <NotificationsSection orgId={orgId} section={o.notifications} /> : null;
    case "channels":
      return o.channels ? <ChannelsSection orgId={orgId} section={o.channels} canManage={props.canManage} /> : null;
    case "guideline":
      return <GuidelineSection orgId={orgId} guideline={o.guideline} />;
  }
}
