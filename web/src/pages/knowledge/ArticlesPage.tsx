// Wissen → Artikel: the organisation's knowledge articles, searched (German word stems, typing errors in
// titles tolerated — the server's search) and filtered by status, department and tag. The filters live in the
// address, so a search can be shared and the back button returns to it.
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { ARTICLE_STATUS_ORDER, type ArticleQuery, type ArticleSummary, knowledgeApi } from "../../api/knowledge";
import { useLoad } from "../../api/useLoad";
import { ErrorMessage } from "../../components/ErrorMessage";
import { NamedOptions } from "../../components/NamedOptions";
import { useOrg } from "../../components/OrgLayout";
import { PageHeading } from "../../components/PageHeading";
import { oneOf } from "../../components/formValues";
import { ArticleTable } from "./ArticleTable";
import { useDepartments } from "./useKnowledgeChoices";
import { Loading } from "../../components/LoadState";

/** The filters the address holds. */
type Filter = keyof ArticleQuery;

function queryOf(params: URLSearchParams): ArticleQuery {
  const text = (name: Filter) => params.get(name)?.trim() || undefined;
  const status = text("status");
  return {
    q: text("q"),
    status: status ? oneOf(ARTICLE_STATUS_ORDER, status, "published") : undefined,
    departmentId: text("departmentId"),
    tag: text("tag"),
  };
}

export function ArticlesPage() {
  const { t } = useTranslation();
  const org = useOrg();
  const departments = useDepartments(org.id);
  const [params, setParams] = useSearchParams();
  const query = queryOf(params);
  const [articles, setArticles] = useState<ArticleSummary[] | null>(null);
  // Tags met so far: the tag filter offers them (a filtered list alone would offer only its own).
  const [knownTags, setKnownTags] = useState<string[]>([]);
  const [error, setError] = useState<unknown>(null);
  useLoad(
    (signal) => knowledgeApi.list(org.id, query, { signal }),
    (r) => {
      setError(null);
      setArticles(r.articles);
      setKnownTags((known) => [...new Set([...known, ...r.articles.flatMap((a) => a.tags)])].sort());
    },
    [org.id, params.toString()],
    { onError: setError },
  );
  const canWrite = org.myActions.includes("knowledge.edit");
  const departmentName = (id: string | null) =>
    id === null ? t("knowledge.allDepartments") : (departments.find((d) => d.id === id)?.name ?? "–");

  function change(name: Filter, value: string) {
    const next = new URLSearchParams(params);
    if (value.trim()) next.set(name, value.trim());
    else next.delete(name);
    setParams(next, { replace: true });
  }
  function search(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    change("q", String(new FormData(event.currentTarget).get("q") ?? ""));
  }
  const tags = query.tag && !knownTags.includes(query.tag) ? [...knownTags, query.tag] : knownTags;

  return (
    <section aria-labelledby="page-heading">
      <PageHeading title={t("knowledge.title")} id="page-heading" />
      <p>{t("knowledge.intro")}</p>
      {canWrite ? (
        <p>
          <Link className="button-link" to={`/o/${org.id}/knowledge/new`}>
            {t("knowledge.new")}
          </Link>
        </p>
      ) : null}
      <form role="search" className="inline-form knowledge-search" onSubmit={search} key={query.q ?? ""}>
        <label className="inline-field">
          <span>{t("knowledge.search.label")}</span>
          <input type="search" name="q" defaultValue={query.q ?? ""} maxLength={200} />
        </label>
        <button type="submit">{t("knowledge.search.submit")}</button>
      </form>
      <fieldset className="inline-form">
        <legend>{t("knowledge.search.filters")}</legend>
        <label className="inline-field">
          <span>{t("knowledge.fields.status")}</span>
          <select value={query.status ?? ""} onChange={(e) => change("status", e.target.value)}>
            <option value="">{t("knowledge.search.any")}</option>
            {ARTICLE_STATUS_ORDER.map((s) => (
              <option key={s} value={s}>
                {t(`knowledge.status.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="inline-field">
          <span>{t("knowledge.fields.department")}</span>
          <select value={query.departmentId ?? ""} onChange={(e) => change("departmentId", e.target.value)}>
            <option value="">{t("knowledge.search.any")}</option>
            <NamedOptions items={departments} />
          </select>
        </label>
        <label className="inline-field">
          <span>{t("knowledge.fields.tag")}</span>
          <select value={query.tag ?? ""} onChange={(e) => change("tag", e.target.value)}>
            <option value="">{t("knowledge.search.any")}</option>
            {tags.map((tag) => (
              <option key={tag} value={tag}>
                {tag}
              </option>
            ))}
          </select>
        </label>
      </fieldset>
      <ErrorMessage error={error} />
      {articles === null ? (
        error ? null : (
          <Loading />
        )
      ) : (
        <ArticleTable
          orgId={org.id}
          caption={t("knowledge.listCaption", { count: articles.length })}
          articles={articles}
          departmentName={departmentName}
          empty={
            query.q || query.status || query.departmentId || query.tag ? t("knowledge.noMatch") : t("knowledge.none")
          }
        />
      )}
    </section>
  );
}
