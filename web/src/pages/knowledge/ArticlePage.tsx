// Wissen → an article: its text (Markdown, pictures from the media library), what is known about it (department,
// owner, tags, status, validity, review date, version, uses), the steps open to this person, its version history
// with what changed, the internal comments with mentions, and the Textbausteine that cite it.
import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useParams } from "react-router";
import { ARTICLE_STEP_ORDER, type ArticleDetail, knowledgeApi } from "../../api/knowledge";
import { feedItemPath } from "../../api/feeds";
import { sharedItemPath } from "../../api/sharing";
import { useLoad } from "../../api/useLoad";
import { ErrorMessage, Notice } from "../../components/ErrorMessage";
import { MarkdownText } from "../../components/MarkdownText";
import { useOrg } from "../../components/OrgLayout";
import { PageHeading } from "../../components/PageHeading";
import { useAction } from "../../components/useAction";
import { ArticleComments } from "./ArticleComments";
import { ReviewDate, StatusWord, UseCount, ValidUntil } from "./ArticleFacts";
import { ArticleVersions } from "./ArticleVersions";
import { useDepartments } from "./useKnowledgeChoices";
import { LoadFailed, Loading } from "../../components/LoadState";

export function ArticlePage() {
  const { t } = useTranslation();
  const org = useOrg();
  const { articleId = "" } = useParams();
  // Arriving from the editor: say that it is saved.
  const saved = (useLocation().state as { saved?: unknown } | null)?.saved;
  const departments = useDepartments(org.id);
  const [detail, setDetail] = useState<ArticleDetail | null>(null);
  const reload = useLoad((signal) => knowledgeApi.get(org.id, articleId, { signal }), setDetail, [org.id, articleId], {
    onError: (error) => setError(error),
  });
  const action = useAction(reload);
  const { setError } = action;
  const mediaUrl = useCallback(
    (mediaId: string) => knowledgeApi.mediaUrl(org.id, articleId, mediaId),
    [org.id, articleId],
  );

  if (!detail)
    return action.error ? (
      <LoadFailed error={action.error} retry={() => void action.run(async () => null)} />
    ) : (
      <Loading />
    );
  const a = detail.article;
  const steps = ARTICLE_STEP_ORDER.filter((step) => a.steps.includes(step));
  const department =
    a.departmentId === null
      ? t("knowledge.allDepartments")
      : (departments.find((d) => d.id === a.departmentId)?.name ?? "–");
  return (
    <article aria-labelledby="page-heading" className="knowledge-article">
      <PageHeading title={a.title} id="page-heading" />
      <p>
        <Link to={`/o/${org.id}/knowledge`}>{t("knowledge.backToList")}</Link>
      </p>
      <Notice text={action.notice ?? (typeof saved === "string" && !action.error ? saved : null)} />
      <ErrorMessage error={action.error} />
      <dl className="facts article-facts">
        <dt>{t("knowledge.fields.status")}</dt>
        <dd>
          <StatusWord article={a} />
        </dd>
        <dt>{t("knowledge.fields.department")}</dt>
        <dd>{department}</dd>
        <dt>{t("knowledge.fields.owner")}</dt>
        <dd>{a.ownerName ?? "–"}</dd>
        <dt>{t("knowledge.fields.tags")}</dt>
        <dd>{a.tags.length ? a.tags.join(", ") : "–"}</dd>
        <dt>{t("knowledge.fields.validUntil")}</dt>
        <dd>
          <ValidUntil article={a} />
        </dd>
        <dt>{t("knowledge.fields.reviewBy")}</dt>
        <dd>
          <ReviewDate article={a} />
        </dd>
        <dt>{t("knowledge.fields.version")}</dt>
        <dd>{a.version}</dd>
        {detail.origin ? (
          <>
            <dt>{t("knowledge.origin.label")}</dt>
            <dd>
              {t(detail.origin.via === "feed" ? "knowledge.origin.textFeed" : "knowledge.origin.text", {
                publisher: detail.origin.publisherName,
                version: detail.origin.adoptedVersion,
              })}{" "}
              {detail.origin.stillShared ? (
                <Link to={(detail.origin.via === "feed" ? feedItemPath : sharedItemPath)(org.id, detail.origin.itemId)}>
                  {detail.origin.updateAvailable ? t("knowledge.origin.update") : t("knowledge.origin.open")}
                </Link>
              ) : (
                t("knowledge.origin.withdrawn")
              )}
            </dd>
          </>
        ) : null}
        <dt>{t("knowledge.fields.uses")}</dt>
        <dd>
          <UseCount article={a} />
        </dd>
      </dl>
      {a.mayEdit || steps.length > 0 ? (
        <div className="toolbar" role="group" aria-label={t("knowledge.actions")}>
          {a.mayEdit ? (
            <Link className="button-link" to={`/o/${org.id}/knowledge/articles/${a.id}/edit`}>
              {t("knowledge.edit")}
            </Link>
          ) : null}
          {steps.map((step) => (
            <button
              key={step}
              type="button"
              onClick={() =>
                void action.run(async () => {
                  const result = await knowledgeApi.step(org.id, a.id, step);
                  return t("knowledge.stepDone", { status: t(`knowledge.status.${result.status}`) });
                })
              }
            >
              {t(`knowledge.step.${step}`)}
            </button>
          ))}
        </div>
      ) : null}
      <section className="card wide article-body" aria-label={t("knowledge.bodyLabel")}>
        <MarkdownText text={a.body} mediaUrl={mediaUrl} />
      </section>
      <ArticleVersions orgId={org.id} articleId={a.id} versions={detail.versions} />
      <ArticleComments
        orgId={org.id}
        articleId={a.id}
        comments={detail.comments}
        onAdded={() => void action.run(async () => t("knowledge.comments.added"))}
      />
      <section aria-labelledby="article-templates-heading">
        <h2 id="article-templates-heading">{t("knowledge.templates.title")}</h2>
        {detail.templates.length === 0 ? (
          <p className="muted">{t("knowledge.templates.none")}</p>
        ) : (
          <ul>
            {detail.templates.map((tpl) => (
              <li key={tpl.id}>
                <Link to={`/o/${org.id}/knowledge/templates`}>{tpl.title}</Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}
