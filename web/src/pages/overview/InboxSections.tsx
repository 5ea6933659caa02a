// The start page's inbox sections: questions waiting for an answer — how many, how many of them overdue and due
// soon, each count linking to the inbox filtered alike, and the overdue and soon-due ones listed — (mine, and my
// departments' or the whole organisation's), replies awaiting my Freigabe, and my unread notifications.
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { DueConversations, Overview } from "../../api/overview";
import { feedItemPath, feedPath } from "../../api/feeds";
import { articlePath } from "../../api/knowledge";
import { sharedItemPath } from "../../api/sharing";
import { useDates } from "../../components/formatDates";
import { useOrg } from "../../components/OrgLayout";
import { useWords } from "../../components/useWords";
import { notificationText } from "../inbox/notificationText";
import { OverviewSection } from "./OverviewSection";

export function DueSection({
  orgId,
  section,
  kind,
}: {
  orgId: string;
  section: DueConversations;
  kind: "mine" | "departments" | "organisation";
}) {
  const { t } = useTranslation();
  const dates = useDates();
  const words = useWords();
  // The inbox's filters select what each count counts (the scope is the inbox's own: what the person may see).
  const inbox = (filter: string) => `/o/${orgId}/inbox?${kind === "mine" ? "assignee=me&" : ""}${filter}`;
  return (
    <OverviewSection
      id={`overview-${kind}`}
      title={t(`overview.${kind}.title`)}
      summary={section.waiting > 0 ? <DueSummary section={section} inbox={inbox} /> : undefined}
      summaryWhenEmpty
      empty={section.waiting > 0 ? t("overview.due.withinTarget") : t(`overview.${kind}.empty`)}
      items={section.items.map((item) => (
        <li key={item.id}>
          <Link to={`/o/${orgId}/inbox?c=${item.id}`}>{item.citizenName}</Link>{" "}
          <span className={item.overdue ? "overview-overdue" : undefined}>
            {t(item.overdue ? "overview.due.overdueSince" : "overview.due.dueAt", {
              time: dates.format(item.responseDueAt, "compact"),
            })}
          </span>
          <span className="muted">
            {" · "}
            {[`${item.channelName} (${words.network(item.network)})`, item.departmentName].filter(Boolean).join(" · ")}
          </span>
        </li>
      ))}
      more={
        section.overdue > section.items.filter((i) => i.overdue).length
          ? { to: inbox("overdue=true"), label: t("overview.due.allOverdue", { count: section.overdue }) }
          : { to: `/o/${orgId}/inbox`, label: t("overview.toInbox") }
      }
    />
  );
}

/** "7 Anfragen warten auf Antwort, davon 2 überfällig, 1 bald fällig", each count a link to its list in the inbox. */
function DueSummary({ section, inbox }: { section: DueConversations; inbox: (filter: string) => string }) {
  const { t } = useTranslation();
  const part = (count: number, key: string, filter: string) =>
    count > 0 ? <Link to={inbox(filter)}>{t(key, { count })}</Link> : t(key, { count });
  return (
    <>
      {part(section.waiting, "overview.due.waiting", "waiting=true")}
      {t("overview.due.ofWhich")}
      <span className={section.overdue > 0 ? "overview-overdue" : undefined}>
        {part(section.overdue, "overview.due.overdue", "overdue=true")}
      </span>
      {t("overview.due.and")}
      {part(section.dueSoon, "overview.due.dueSoon", "dueSoon=true")}
    </>
  );
}

export function ReplyApprovalsSection({
  orgId,
  section,
}: {
  orgId: string;
  section: NonNullable<Overview["replyApprovals"]>;
}) {
  const { t } = useTranslation();
  const dates = useDates();
  return (
    <OverviewSection
      id="overview-replies"
      title={t("overview.replies.title")}
      summary={t("overview.replies.summary", { count: section.count })}
      empty={t("overview.replies.empty")}
      items={section.items.map((reply) => (
        <li key={reply.id}>
          <Link to={`/o/${orgId}/inbox?c=${reply.conversationId}`}>
            {t("overview.replies.item", { name: reply.citizenName })}
          </Link>{" "}
          <span className="muted">
            {t("overview.replies.by", {
              author: reply.authorName ?? t("overview.unknownPerson"),
              time: dates.format(reply.createdAt, "compact"),
            })}
          </span>
          <br />
          <q>{reply.excerpt}</q>
        </li>
      ))}
    />
  );
}

export function NotificationsSection({
  orgId,
  section,
}: {
  orgId: string;
  section: NonNullable<Overview["notifications"]>;
}) {
  const { t } = useTranslation();
  const dates = useDates();
  const words = useWords();
  // Without the inbox (an analyst), the only notifications are weekly reports, each linked itself.
  const inbox = useOrg().myActions.includes("inbox.view");
  return (
    <OverviewSection
      id="overview-notifications"
      title={t("overview.notifications.title")}
      summary={t("overview.notifications.summary", { count: section.count })}
      empty={t("overview.notifications.empty")}
      more={inbox ? { to: `/o/${orgId}/inbox`, label: t("overview.notifications.all") } : null}
      items={section.items.map((n) => {
        const text = notificationText(t, words, n);
        // A knowledge article's mention or review reminder leads to the article (once the overview carries it), a
        // newer version of an adopted shared item or feed item to the item, a refused feed to the feed.
        const articleId =
          "knowledgeArticleId" in n && typeof n.knowledgeArticleId === "string" ? n.knowledgeArticleId : null;
        const to = articleId
          ? articlePath(orgId, articleId)
          : n.sharedItemId
            ? sharedItemPath(orgId, n.sharedItemId)
            : n.feed
              ? n.feed.itemId
                ? feedItemPath(orgId, n.feed.itemId)
                : feedPath(orgId, n.feed.id)
              : n.conversationId
                ? `/o/${orgId}/inbox?c=${n.conversationId}`
                : n.moderationCaseId
                  ? `/o/${orgId}/moderation/cases/${n.moderationCaseId}`
                  : n.reportWeek
                    ? `/o/${orgId}/reports/weekly?week=${n.reportWeek}`
                    : null;
        return (
          <li key={n.id}>
            <span className="muted">{dates.format(n.createdAt, "compact")}</span> ·{" "}
            {to ? <Link to={to}>{text}</Link> : text}
          </li>
        );
      })}
    />
  );
}
