// The moderation area's two views: the queue of cases and the website's comment list.
import { useTranslation } from "react-i18next";
import { NavLink } from "react-router";

export function ModerationTabs({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t("moderation.tabsLabel")} className="tabs">
      <ul>
        <li>
          <NavLink to={`/o/${orgId}/moderation`} end>
            {t("moderation.queueTab")}
          </NavLink>
        </li>
        <li>
          <NavLink to={`/o/${orgId}/moderation/comments`}>{t("moderation.commentsTab")}</NavLink>
        </li>
      </ul>
    </nav>
  );
}
