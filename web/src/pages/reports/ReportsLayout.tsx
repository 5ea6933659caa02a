// Berichte: the reports a person may read (reports.view), as tabs that keep the chosen period and filters
// (a report's own — campaign, post, term — only on the tabs that know them), and the weekly report (a PDF).
import { useTranslation } from "react-i18next";
import { NavLink, Outlet, useLocation } from "react-router";
import { useOrg } from "../../components/OrgLayout";
import { NotAllowedPage } from "../NotAllowedPage";
import { addressFor } from "./reportFilter";

export const REPORT_TABS = ["mood", "topics", "response-times", "moderation", "publishing", "weekly"] as const;

export function ReportsLayout() {
  const { t } = useTranslation();
  const org = useOrg();
  const { search } = useLocation();
  if (!org.myActions.includes("reports.view")) return <NotAllowedPage />;
  return (
    <>
      <nav aria-label={t("reports.tabsLabel")} className="tabs">
        <ul>
          {REPORT_TABS.map((tab) => (
            <li key={tab}>
              <NavLink to={{ pathname: tab, search: addressFor(tab, search) }}>{t(`reports.tab.${tab}`)}</NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet />
    </>
  );
}
