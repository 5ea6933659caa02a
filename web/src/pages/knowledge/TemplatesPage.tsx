// Wissen → Textbausteine: reply templates shared across departments, with placeholders the inbox fills
// for each conversation ({{name}}, {{organisation}}, {{bearbeiter}}, {{abteilung}}, {{datum}}).
// Everyone in the inbox uses them; people with knowledge.edit write and archive them (those of their
// departments; the whole organisation's only without a department limit).
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client";
import { type ReplyTemplate, inboxApi } from "../../api/inbox";
import type { Department } from "../../api/types";
import { departmentChoices } from "../../components/departmentChoices";
import { ErrorMessage, Notice } from "../../components/ErrorMessage";
import { useOrg } from "../../components/OrgLayout";
import { PageHeading } from "../../components/PageHeading";
import { useAction } from "../../components/useAction";
import { NotAllowedPage } from "../NotAllowedPage";
import { NamedOptions } from "../../components/NamedOptions";
import { useLoad } from "../../api/useLoad";
import { Link } from "react-router";
import { type ArticleSummary, articlePath, knowledgeApi } from "../../api/knowledge";
import { feedItemPath } from "../../api/feeds";
import { sharedItemPath } from "../../api/sharing";

export function TemplatesPage() {
  const { t } = useTranslation();
  const org = useOrg();
  const [templates, setTemplates] = useState<ReplyTemplate[]>([]);
  const [placeholders, setPlaceholders] = useState<string[]>([]);
  const [departments, setDepartments] = useState<Department[]>([]);
  const [editing, setEditing] = useState<ReplyTemplate | null>(null);
  const [articles, setArticles] = useState<ArticleSummary[]>([]);
  const allowed = org.myActions.includes("knowledge.view");
  const reload = useLoad(
    (signal) => inboxApi.templates(org.id, { signal }),
    (r) => {
      setTemplates(r.templates);
      setPlaceholders(r.placeholders);
    },
    [org.id],
    { enabled: allowed, onError: (error) => setError(error) },
  );
  const action = useAction(reload);
  const { setError } = action;
  useLoad(
    (signal) => api.departments(org.id, { signal }),
    (d) => setDepartments(d.departments),
    [org.id],
    {
      enabled: allowed,
      onError: () => setDepartments([]),
    },
  );
  const canEdit = org.myActions.includes("knowledge.edit");
  useLoad(
    (signal) => knowledgeApi.list(org.id, {}, { signal }),
    (r) => setArticles(r.articles.filter((a) => a.status !== "archived")),
    [org.id],
    { enabled: allowed, onError: () => setArticles([]) },
  );
  if (!allowed) return <NotAllowedPage />;
  // Templates of the whole organisation are changed only by people without a department limit.
  const choices = departmentChoices(org, departments);
  const mayChange = (tpl: ReplyTemplate) =>
    canEdit && (choices.orgWide || choices.departments.some((d) => d.id === tpl.departmentId));

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const input = {
      title: String(data.get("title")),
      body: String(data.get("body")),
      departmentId: String(data.get("departmentId") ?? "") || null,
      tags: String(data.get("tags") ?? "")
        .split(",")
        .map((tag) => tag.trim())
        .filter(Boolean),
      articleId: String(data.get("articleId") ?? "") || null,
    };
    const ok = await action.run(
      async () => (await inboxApi.saveTemplate(org.id, editing?.id ?? null, input), t("templates.saved")),
    );
    if (ok) {
      setEditing(null);
      form.reset();
    }
  }

  return (
    <section aria-labelledby="page-heading">
      <PageHeading title={t("templates.title")} id="page-heading" />
      <p>{t("templates.intro", { placeholders: placeholders.map((p) => `{{${p}}}`).join(", ") })}</p>
      <Notice text={action.notice} />
      <ErrorMessage error={action.error} />
      {templates.length === 0 ? <p>{t("templates.none")}</p> : null}
      <ul className="plain-list">
        {templates.map((tpl) => (
          <li key={tpl.id} className="card wide">
            <h2>{tpl.title}</h2>
            <p className="text">{tpl.body}</p>
            <p className="muted">
              {departments.find((d) => d.id === tpl.departmentId)?.name ?? t("templates.allDepartments")}
              {tpl.tags.length ? ` · ${tpl.tags.join(", ")}` : ""}
            </p>
            <CitedArticle orgId={org.id} articleId={tpl.articleId} articles={articles} />
            {tpl.origin ? (
              <p>
                <Link to={(tpl.origin.via === "feed" ? feedItemPath : sharedItemPath)(org.id, tpl.origin.itemId)}>
                  {t("templates.adoptedFrom", { publisher: tpl.origin.publisherName })}
                </Link>
              </p>
            ) : null}
            {mayChange(tpl) ? (
              <div className="actions">
                <button type="button" onClick={() => setEditing(tpl)}>
                  {t("templates.edit", { title: tpl.title })}
                </button>
                <button
                  type="button"
                  onClick={() =>
                    void action.run(
                      async () => (await inboxApi.archiveTemplate(org.id, tpl.id), t("templates.archived")),
                    )
                  }
                >
                  {t("templates.archive", { title: tpl.title })}
                </button>
              </div>
            ) : null}
          </li>
        ))}
      </ul>
      {canEdit ? (
        <form onSubmit={save} className="card wide" key={editing?.id ?? "new"} aria-labelledby="template-form-heading">
          <h2 id="template-form-heading">
            {editing ? t("templates.editTitle", { title: editing.title }) : t("templates.new")}
          </h2>
          <label className="field">
            <span>{t("templates.titleLabel")}</span>
            <input name="title" defaultValue={editing?.title} required maxLength={120} />
          </label>
          <label className="field">
            <span>{t("templates.body")}</span>
            <textarea name="body" rows={6} defaultValue={editing?.body} required maxLength={5000} />
          </label>
          <label className="field">
            <span>{t("templates.department")}</span>
            <select name="departmentId" defaultValue={editing?.departmentId ?? choices.initial ?? ""}>
              {choices.orgWide && <option value="">{t("templates.allDepartments")}</option>}
              <NamedOptions items={choices.departments} />
            </select>
          </label>
          <label className="field">
            <span>{t("templates.tags")}</span>
            <input name="tags" defaultValue={editing?.tags.join(", ")} />
          </label>
          <label className="field">
            <span>{t("templatesArticle.label")}</span>
            <select name="articleId" defaultValue={editing ? (editing.articleId ?? "") : ""}>
              <option value="">{t("templatesArticle.none")}</option>
              <NamedOptions items={articles.map((a) => ({ id: a.id, name: a.title }))} />
            </select>
          </label>
          <button type="submit">{t("templates.save")}</button>
          {editing ? (
            <button type="button" onClick={() => setEditing(null)}>
              {t("templates.cancel")}
            </button>
          ) : null}
        </form>
      ) : null}
    </section>
  );
}

function CitedArticle({
  orgId,
  articleId,
  articles,
}: {
  orgId: string;
  articleId: string | null;
  articles: readonly ArticleSummary[];
}) {
  const { t } = useTranslation();
  const article = articles.find((a) => a.id === articleId);
  if (!articleId || !article) return null;
  return (
    <p className="muted">
      <Link to={articlePath(orgId, articleId)}>{t("templatesArticle.cites", { title: article.title })}</Link>
    </p>
  );
}
