// An article's internal comments (never shown to citizens), newest last, and the form to add one, mentioning
// colleagues: those picked are notified and find a link to the article.
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { type ArticleDetail, knowledgeApi } from "../../api/knowledge";
import { ErrorMessage } from "../../components/ErrorMessage";
import { useOrg } from "../../components/OrgLayout";
import { useDates } from "../../components/formatDates";
import { useWords } from "../../components/useWords";
import { useColleagues } from "./useKnowledgeChoices";

export function ArticleComments({
  orgId,
  articleId,
  comments,
  onAdded,
}: {
  orgId: string;
  articleId: string;
  comments: ArticleDetail["comments"];
  onAdded(): void;
}) {
  const { t } = useTranslation();
  const dates = useDates();
  const words = useWords();
  const org = useOrg();
  const colleagues = useColleagues(org);
  // Read-only roles (analysts) read the comments; those who answer or keep knowledge write them.
  const mayComment = org.myActions.includes("inbox.view");
  const [text, setText] = useState("");
  const [mentioned, setMentioned] = useState<string[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function add(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setBusy(true);
    try {
      await knowledgeApi.comment(orgId, articleId, { text, mentionedUserIds: mentioned });
      setText("");
      setMentioned([]);
      onAdded();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="article-comments-heading">
      <h2 id="article-comments-heading">{t("knowledge.comments.title")}</h2>
      {comments.length === 0 ? <p className="muted">{t("knowledge.comments.none")}</p> : null}
      <ol className="plain-list article-comments">
        {comments.map((c) => (
          <li key={c.id}>
            <article aria-label={t("knowledge.comments.by", { name: words.actor(c.authorLabel) })}>
              <p className="muted">
                {t("knowledge.comments.by", { name: words.actor(c.authorLabel) })} · {dates.format(c.createdAt)}
                {c.mentioned.length > 0
                  ? ` · ${t("knowledge.comments.mentioned", { names: c.mentioned.map((m) => m.name).join(", ") })}`
                  : ""}
              </p>
              <p className="text">{c.text}</p>
            </article>
          </li>
        ))}
      </ol>
      {mayComment ? (
        <form className="card wide" onSubmit={(e) => void add(e)} aria-labelledby="article-comment-form-heading">
          <h3 id="article-comment-form-heading">{t("knowledge.comments.new")}</h3>
          <label className="field">
            <span>{t("knowledge.comments.text")}</span>
            <textarea rows={3} value={text} onChange={(e) => setText(e.target.value)} required maxLength={5000} />
          </label>
          {colleagues.length > 0 ? (
            <label className="field">
              <span>{t("knowledge.comments.mention")}</span>
              <select
                multiple
                size={Math.min(5, Math.max(2, colleagues.length))}
                value={mentioned}
                onChange={(e) => setMentioned([...e.target.selectedOptions].map((o) => o.value))}
              >
                {colleagues.map((p) => (
                  <option key={p.id} value={p.id}>
                    @{p.name}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          <ErrorMessage error={error} />
          <button type="submit" disabled={busy || text.trim() === ""}>
            {t("knowledge.comments.add")}
          </button>
        </form>
      ) : null}
    </section>
  );
}
