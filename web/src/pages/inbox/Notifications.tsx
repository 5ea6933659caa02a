// The person's unread notifications from the inbox: mentions, assignments, reminders, escalations and
// idle-channel warnings; each opens its conversation (the weekly report: downloads its PDF; a mention in a
// knowledge article or its review reminder: the article; a newer version of an adopted feed item: the item; a
// refused feed: the feed), and can be marked read.
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { feedItemPath, feedPath } from "../../api/feeds";
import { articlePath } from "../../api/knowledge";
import { sharedItemPath } from "../../api/sharing";
import type { InboxNotification } from "../../api/inbox";
import { reportsApi } from "../../api/reports";
import { useOrg } from "../../components/OrgLayout";
import { useDates } from "../../components/formatDates";
import { useWords } from "../../components/useWords";
import { notificationText } from "./notificationText";

export function Notifications({
  items,
  onOpen,
  onRead,
}: {
  items: InboxNotification[];
  onOpen(conversationId: string): void;
  onRead(ids: string[]): void;
}) {
  const { t } = useTranslation();
  const dates = useDates();
  const words = useWords();
  const org = useOrg();
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="notifications-heading" className="notifications">
      <h2 id="notifications-heading">{t("inbox.notifications.title", { count: items.length })}</h2>
      <ul>
        {items.slice(0, 8).map((n) => (
          <li key={n.id}>
            {dates.format(n.createdAt, "compact")} · {notificationText(t, words, n)}{" "}
            {n.conversationId ? (
              <button
                type="button"
                className="link-button"
                onClick={() => (n.conversationId ? onOpen(n.conversationId) : undefined)}
              >
                {t("inbox.notifications.open")}
              </button>
            ) : null}
            {n.knowledgeArticleId ? (
              <Link to={articlePath(org.id, n.knowledgeArticleId)}>{t("notificationsKnowledge.openArticle")}</Link>
            ) : null}
            {n.sharedItemId ? (
              <Link to={sharedItemPath(org.id, n.sharedItemId)}>{t("notificationsKnowledge.openSharedItem")}</Link>
            ) : null}
            {n.feed ? (
              <Link to={n.feed.itemId ? feedItemPath(org.id, n.feed.itemId) : feedPath(org.id, n.feed.id)}>
                {t(n.feed.itemId ? "notificationsKnowledge.openSharedItem" : "notificationsKnowledge.openFeed")}
              </Link>
            ) : null}
            {n.reportWeek ? (
              <a href={reportsApi.weeklyPdfUrl(org.id, n.reportWeek)} download>
                {t("inbox.notifications.openReport")}
              </a>
            ) : null}{" "}
            <button type="button" className="link-button" onClick={() => onRead([n.id])}>
              {t("inbox.notifications.read")}
            </button>
          </li>
        ))}
      </ul>
      <button type="button" onClick={() => onRead(items.map((n) => n.id).slice(0, 100))}>
        {t("inbox.notifications.readAll")}
      </button>
    </section>
  );
}
