// Wissen → writing an article (new, or a new version of an existing one). A new one may come prefilled from the
// inbox (an answer worth keeping: the citizen's question as title, the answer as text). A change written while
// someone else saved a newer version is an edit conflict: the page says so and keeps the person's text; they may
// look at the newer version and then save theirs on top of it.
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useNavigate, useParams } from "react-router";
import { ApiError } from "../../api/client";
import { type ArticleDetail, type ArticleInput, articlePath, knowledgeApi } from "../../api/knowledge";
import { useLoad } from "../../api/useLoad";
import { departmentChoices } from "../../components/departmentChoices";
import { ErrorMessage } from "../../components/ErrorMessage";
import { useDates } from "../../components/formatDates";
import { NamedOptions } from "../../components/NamedOptions";
import { useOrg } from "../../components/OrgLayout";
import { PageHeading } from "../../components/PageHeading";
import { DateField } from "../../components/DateTimeFields";
import { NotAllowedPage } from "../NotAllowedPage";
import { useColleagues, useDepartments } from "./useKnowledgeChoices";
import { LoadFailed, Loading } from "../../components/LoadState";

/** What the inbox hands the editor (React Router state) to start a new article from an answer. */
export interface ArticleDraftState {
  draft: { title: string; body: string };
}

function draftFrom(state: unknown): ArticleDraftState["draft"] | null {
  const draft = (state as Partial<ArticleDraftState> | null)?.draft;
  return draft && typeof draft.title === "string" && typeof draft.body === "string" ? draft : null;
}

/** A year after a day ("2026-12-07" → "2027-12-07"; 29 February → 1 March). */
function aYearAfter(day: string): string {
  const [y = 0, m = 1, d = 1] = day.split("-").map(Number);
  return new Date(Date.UTC(y + 1, m - 1, d)).toISOString().slice(0, 10);
}

export function ArticleEditor() {
  const org = useOrg();
  const { articleId } = useParams();
  const { state } = useLocation();
  const [detail, setDetail] = useState<ArticleDetail | null>(null);
  const [error, setError] = useState<unknown>(null);
  const reload = useLoad(
    (signal) => knowledgeApi.get(org.id, articleId ?? "", { signal }),
    setDetail,
    [org.id, articleId],
    {
      enabled: Boolean(articleId),
      onError: setError,
    },
  );
  if (!org.myActions.includes("knowledge.edit")) return <NotAllowedPage />;
  if (articleId && !detail)
    return error ? <LoadFailed error={error} retry={() => (setError(null), void reload())} /> : <Loading />;
  return <ArticleForm key={articleId ?? "new"} existing={detail} draft={articleId ? null : draftFrom(state)} />;
}

function ArticleForm({
  existing,
  draft,
}: {
  existing: ArticleDetail | null;
  draft: ArticleDraftState["draft"] | null;
}) {
  const { t } = useTranslation();
  const org = useOrg();
  const dates = useDates();
  const navigate = useNavigate();
  const departments = useDepartments(org.id);
  const colleagues = useColleagues(org);
  const choices = departmentChoices(org, departments);
  const a = existing?.article;
  const [title, setTitle] = useState(a?.title ?? draft?.title ?? "");
  const [body, setBody] = useState(a?.body ?? draft?.body ?? "");
  const [departmentId, setDepartmentId] = useState<string | null>(a ? a.departmentId : null);
  const [ownerUserId, setOwnerUserId] = useState(a?.ownerUserId ?? "");
  const [tags, setTags] = useState(a?.tags.join(", ") ?? "");
  const [validUntil, setValidUntil] = useState(a?.validUntil ?? "");
  const [reviewBy, setReviewBy] = useState(a?.reviewBy ?? aYearAfter(dates.dayOf(new Date())));
  const [note, setNote] = useState("");
  const [baseRevision, setBaseRevision] = useState(a?.revision ?? 1);
  const [conflict, setConflict] = useState<{ version: number; revision: number } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  // The current owner stays choosable even when no longer among the colleagues listed.
  const owners =
    a?.ownerUserId && !colleagues.some((p) => p.id === a.ownerUserId)
      ? [{ id: a.ownerUserId, name: a.ownerName ?? "–" }, ...colleagues]
      : colleagues;
  // A limited person starts in their first department once the list is known (they may not write for everyone).
  const department = departmentId ?? (a ? null : choices.initial);

  async function save(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setBusy(true);
    const input: ArticleInput = {
      title,
      body,
      departmentId: department || null,
      ownerUserId: ownerUserId || null,
      tags: tags
        .split(",")
        .map((tag) => tag.trim())
        .filter(Boolean),
      validUntil: validUntil || null,
      reviewBy,
      note: note.trim() || null,
    };
    try {
      const id = a
        ? (await knowledgeApi.update(org.id, a.id, { ...input, revision: baseRevision })).id
        : (await knowledgeApi.create(org.id, input)).id;
      navigate(articlePath(org.id, id), { state: { saved: t("knowledge.editor.saved") } });
    } catch (failure) {
      const version = failure instanceof ApiError ? failure.details?.currentVersion : undefined;
      const revision = failure instanceof ApiError ? failure.details?.currentRevision : undefined;
      if (
        failure instanceof ApiError &&
        failure.code.endsWith("EDIT_CONFLICT") &&
        typeof version === "number" &&
        typeof revision === "number"
      )
        setConflict({ version, revision });
      else setError(failure);
    } finally {
      setBusy(false);
    }
  }

  const heading = a ? t("knowledge.editor.editTitle", { title: a.title }) : t("knowledge.editor.newTitle");
  return (
    <section aria-labelledby="page-heading">
      <PageHeading title={heading} id="page-heading" />
      {draft ? <p className="message message-ok">{t("knowledge.editor.fromInbox")}</p> : null}
      <form className="card wide article-editor" onSubmit={(e) => void save(e)}>
        <label className="field">
          <span>{t("knowledge.fields.title")}</span>
          <input value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={200} />
        </label>
        <div className="field">
          <label htmlFor="article-body">{t("knowledge.fields.body")}</label>
          <textarea
            id="article-body"
            rows={14}
            value={body}
            onChange={(e) => setBody(e.target.value)}
            required
            maxLength={100_000}
            aria-describedby="article-body-hint"
          />
          <p id="article-body-hint" className="hint">
            {t("knowledge.editor.markdownHelp")}
          </p>
        </div>
        <label className="field">
          <span>{t("knowledge.fields.department")}</span>
          <select value={department ?? ""} onChange={(e) => setDepartmentId(e.target.value || null)}>
            {choices.orgWide ? <option value="">{t("knowledge.allDepartments")}</option> : null}
            <NamedOptions items={choices.departments} />
          </select>
        </label>
        <label className="field">
          <span>{t("knowledge.fields.owner")}</span>
          <select value={ownerUserId} onChange={(e) => setOwnerUserId(e.target.value)}>
            {a && a.ownerUserId ? null : <option value="">{t("knowledge.editor.ownerMe")}</option>}
            <NamedOptions items={owners} />
          </select>
        </label>
        <label className="field">
          <span>{t("knowledge.editor.tags")}</span>
          <input value={tags} onChange={(e) => setTags(e.target.value)} />
        </label>
        <div className="field-row">
          <DateField
            id="article-valid-until"
            label={t("knowledge.editor.validUntil")}
            value={validUntil}
            onChange={setValidUntil}
          />
          <DateField
            id="article-review-by"
            label={t("knowledge.fields.reviewBy")}
            value={reviewBy}
            onChange={setReviewBy}
            required
          />
        </div>
        <label className="field">
          <span>{t("knowledge.editor.note")}</span>
          <input value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} />
        </label>
        {conflict !== null && a ? (
          <div className="message message-error" role="alert">
            <p>{t("knowledge.editor.conflict", { version: conflict.version })}</p>
            <p>
              <a href={articlePath(org.id, a.id)} target="_blank" rel="noopener noreferrer">
                {t("knowledge.editor.conflictLook", { version: conflict.version })}
              </a>{" "}
              <button
                type="button"
                onClick={() => {
                  setBaseRevision(conflict.revision);
                  setConflict(null);
                }}
              >
                {t("knowledge.editor.conflictKeepMine")}
              </button>
            </p>
          </div>
        ) : null}
        <ErrorMessage error={error} />
        <button type="submit" disabled={busy || conflict !== null}>
          {t("knowledge.editor.save")}
        </button>
        <Link to={a ? articlePath(org.id, a.id) : `/o/${org.id}/knowledge`}>{t("knowledge.editor.cancel")}</Link>
      </form>
    </section>
  );
}
