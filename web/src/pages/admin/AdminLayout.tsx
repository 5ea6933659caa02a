// Verwaltung: people, departments, channels, website, office hours, inbox rules, coverage and the audit
// log, each shown to those whose roles open it.
import { useTranslation } from "react-i18next";
import { NavLink, Outlet } from "react-router";
import type { Action } from "../../../../src/domain/roles";
import { useOrg } from "../../components/OrgLayout";
import { NotAllowedPage } from "../NotAllowedPage";

export function AdminLayout() {
  const { t } = useTranslation();
  const org = useOrg();
  if (!org.myActions.includes("member.view")) return <NotAllowedPage />;
  const tabs: { to: string; label: string; action: Action }[] = [
    { to: "members", label: t("admin.members"), action: "member.view" },
    { to: "departments", label: t("admin.departments"), action: "department.view" },
    { to: "channels", label: t("admin.channels"), action: "channel.view" },
    { to: "website", label: t("admin.website"), action: "channel.view" },
    { to: "moderation", label: t("admin.moderation"), action: "moderation.view" },
    { to: "office-hours", label: t("admin.officeHours"), action: "org.view" },
    { to: "inbox-rules", label: t("admin.inboxRules"), action: "inbox.view" },
    { to: "coverage", label: t("admin.coverage"), action: "inbox.view" },
    { to: "audit", label: t("admin.audit"), action: "audit.view" },
  ];
  const allowed = tabs.filter((tab) => org.myActions.includes(tab.action));
  return (
    <>
      <nav aria-label={t("admin.tabsLabel")} className="tabs">
        <ul>
          {allowed.map((tab) => (
            <li key={tab.to}>
              <NavLink to={tab.to}>{tab.label}</NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet />
    </>
  );
}
