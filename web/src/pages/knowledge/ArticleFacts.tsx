// How an article's state reads on screen, the same in the list, the cleanup lists and on the article page:
// its status as a word, the review date with a "due soon"/"overdue" marker (in words, not only colour), the
// "valid until" day, and how often answers drew on it.
import { useTranslation } from "react-i18next";
import type { ArticleSummary } from "../../api/knowledge";
import { useDates } from "../../components/formatDates";

const DAY: Intl.DateTimeFormatOptions = { dateStyle: "medium" };

export function StatusWord({ article }: { article: Pick<ArticleSummary, "status"> }) {
  const { t } = useTranslation();
  return <span className={`badge article-status-${article.status}`}>{t(`knowledge.status.${article.status}`)}</span>;
}

export function ReviewDate({ article }: { article: Pick<ArticleSummary, "reviewBy" | "reviewState"> }) {
  const { t } = useTranslation();
  const dates = useDates();
  const day = dates.plainDate(article.reviewBy, DAY);
  if (article.reviewState === "current") return <>{day}</>;
  return (
    <>
      {day}{" "}
      <span className={article.reviewState === "overdue" ? "badge badge-warn" : "badge badge-soon"}>
        {t(`knowledge.review.${article.reviewState}`)}
      </span>
    </>
  );
}

export function ValidUntil({ article }: { article: Pick<ArticleSummary, "validUntil" | "expired"> }) {
  const { t } = useTranslation();
  const dates = useDates();
  if (!article.validUntil) return <>{t("knowledge.validUntilOpen")}</>;
  return (
    <>
      {dates.plainDate(article.validUntil, DAY)}
      {article.expired ? (
        <>
          {" "}
          <span className="badge badge-warn">{t("knowledge.expired")}</span>
        </>
      ) : null}
    </>
  );
}

export function UseCount({ article }: { article: Pick<ArticleSummary, "useCount" | "lastUsedAt"> }) {
  const { t } = useTranslation();
  const dates = useDates();
  if (article.useCount === 0 || !article.lastUsedAt) return <>{t("knowledge.uses.none")}</>;
  return <>{t("knowledge.uses.some", { count: article.useCount, date: dates.format(article.lastUsedAt, "date") })}</>;
}
