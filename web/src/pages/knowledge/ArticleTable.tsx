// A table of knowledge articles (the list and the cleanup lists): the title leads to the article; status,
// department, owner, review date, "gültig bis" and uses follow, all as words.
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { type ArticleSummary, articlePath } from "../../api/knowledge";
import { ReviewDate, StatusWord, UseCount, ValidUntil } from "./ArticleFacts";

export function ArticleTable({
  orgId,
  caption,
  articles,
  departmentName,
  empty,
}: {
  orgId: string;
  caption: string;
  articles: readonly ArticleSummary[];
  departmentName(id: string | null): string;
  empty: string;
}) {
  const { t } = useTranslation();
  if (articles.length === 0)
    return (
      <>
        <h2 className="table-title">{caption}</h2>
        <p className="muted">{empty}</p>
      </>
    );
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={caption}>
      <table className="article-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("knowledge.fields.title")}</th>
            <th scope="col">{t("knowledge.fields.status")}</th>
            <th scope="col">{t("knowledge.fields.department")}</th>
            <th scope="col">{t("knowledge.fields.owner")}</th>
            <th scope="col">{t("knowledge.fields.reviewBy")}</th>
            <th scope="col">{t("knowledge.fields.validUntil")}</th>
            <th scope="col">{t("knowledge.fields.uses")}</th>
          </tr>
        </thead>
        <tbody>
          {articles.map((a) => (
            <tr key={a.id}>
              <th scope="row">
                <Link to={articlePath(orgId, a.id)}>{a.title}</Link>
                {a.tags.length > 0 ? <span className="hint article-tags">{a.tags.join(", ")}</span> : null}
              </th>
              <td>
                <StatusWord article={a} />
              </td>
              <td>{departmentName(a.departmentId)}</td>
              <td>{a.ownerName ?? "–"}</td>
              <td>
                <ReviewDate article={a} />
              </td>
              <td>
                <ValidUntil article={a} />
              </td>
              <td>
                <UseCount article={a} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
