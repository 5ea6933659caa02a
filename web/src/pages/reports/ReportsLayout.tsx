// Berichte: the reports a person may read (reports.view), as tabs that keep the chosen period and filters,
// and the weekly report (a PDF).
import { useTranslation } from "react-i18next";
import { NavLink, Outlet, useLocation } from "react-router";
import { useOrg } from "../../components/OrgLayout";
import { NotAllowedPage } from "../NotAllowedPage";
import { MOOD_ONLY } from "./reportFilter";

export const REPORT_TABS = ["mood", "topics", "response-times", "weekly"] as const;

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
              <NavLink to={{ pathname: tab, search: tab === "mood" ? search : withoutMoodOnly(search) }}>
                {t(`reports.tab.${tab}`)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet />
    </>
  );
}

/** The other reports cannot filter by campaign, post or term: their tabs leave those out of the address. */
function withoutMoodOnly(search: string): string {
  const params = new URLSearchParams(search);
  for (const name of MOOD_ONLY) params.delete(name);
  const rest = params.toString();
  return rest ? `?${rest}` : "";
}
