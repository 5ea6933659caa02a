// Wissen: the knowledge base as tabs — the articles (list, article pages, editor), the cleanup lists, the
// Textbausteine and what is shared between organisations. Everyone in the organisation reads it (knowledge.view); people with knowledge.edit write.
import { useTranslation } from "react-i18next";
import { Link, NavLink, Outlet, useLocation } from "react-router";
import { useOrg } from "../../components/OrgLayout";
import { NotAllowedPage } from "../NotAllowedPage";

export function KnowledgeLayout() {
  const { t } = useTranslation();
  const org = useOrg();
  const { pathname } = useLocation();
  if (!org.myActions.includes("knowledge.view")) return <NotAllowedPage />;
  const base = `/o/${org.id}/knowledge`;
  // The article pages and the editor belong to the "Artikel" tab.
  const onArticles =
    pathname === base ||
    pathname === `${base}/` ||
    pathname.startsWith(`${base}/articles`) ||
    pathname === `${base}/new`;
  return (
    <>
      <nav aria-label={t("knowledge.tabsLabel")} className="tabs">
        <ul>
          <li>
            <Link
              to={base}
              className={onArticles ? "active" : undefined}
              aria-current={onArticles ? "page" : undefined}
            >
              {t("knowledge.tab.articles")}
            </Link>
          </li>
          <li>
            <NavLink to={`${base}/cleanup`}>{t("knowledge.tab.cleanup")}</NavLink>
          </li>
          <li>
            <NavLink to={`${base}/templates`}>{t("knowledge.tab.templates")}</NavLink>
          </li>
          <li>
            <NavLink to={`${base}/shared`}>{t("knowledge.tab.shared")}</NavLink>
          </li>
        </ul>
      </nav>
      <Outlet />
    </>
  );
}
