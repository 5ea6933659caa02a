// An article's version history (version, author, date, note) and, for a version, what changed against the one
// before it: a word diff of title and text, tags added and removed. Insertions and removals are marked as
// <ins>/<del> with hidden words for screen readers ("eingefügt", "entfernt"), not by colour alone.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type ArticleDetail, type ArticleDiff, knowledgeApi } from "../../api/knowledge";
import { latestOnly } from "../../api/useLoad";
import { ErrorMessage } from "../../components/ErrorMessage";
import { useDates } from "../../components/formatDates";
import { useWords } from "../../components/useWords";

type Version = ArticleDetail["versions"][number];

export function ArticleVersions({
  orgId,
  articleId,
  versions,
}: {
  orgId: string;
  articleId: string;
  versions: readonly Version[];
}) {
  const { t } = useTranslation();
  const dates = useDates();
  const words = useWords();
  const [diff, setDiff] = useState<ArticleDiff | null>(null);
  const [error, setError] = useState<unknown>(null);
  // A second click before the first diff arrived: only the last one is shown.
  const [loads] = useState(latestOnly);
  const sorted = [...versions].sort((a, b) => b.version - a.version);

  function show(version: number) {
    setError(null);
    void loads.run(
      (signal) => knowledgeApi.diff(orgId, articleId, version - 1, version, { signal }),
      (d) => {
        setDiff(d);
        window.requestAnimationFrame(() => document.getElementById("article-diff-heading")?.focus());
      },
      setError,
    );
  }

  return (
    <section aria-labelledby="article-versions-heading">
      <h2 id="article-versions-heading">{t("knowledge.versions.title")}</h2>
      <div className="table-scroll" tabIndex={0} role="region" aria-label={t("knowledge.versions.title")}>
        <table>
          <caption className="visually-hidden">{t("knowledge.versions.title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("knowledge.fields.version")}</th>
              <th scope="col">{t("knowledge.versions.author")}</th>
              <th scope="col">{t("knowledge.versions.date")}</th>
              <th scope="col">{t("knowledge.versions.note")}</th>
              <th scope="col">{t("knowledge.versions.changes")}</th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((v) => (
              <tr key={v.version}>
                <th scope="row">{v.version}</th>
                <td>{words.actor(v.authorLabel)}</td>
                <td>{dates.format(v.createdAt)}</td>
                <td>{v.note ?? "–"}</td>
                <td>
                  {v.version > 1 ? (
                    <button type="button" className="link-button" onClick={() => show(v.version)}>
                      {t("knowledge.versions.show")}
                      <span className="visually-hidden">{t("knowledge.versions.showFor", { version: v.version })}</span>
                    </button>
                  ) : (
                    t("knowledge.versions.first")
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ErrorMessage error={error} />
      {diff ? <DiffView diff={diff} onClose={() => setDiff(null)} /> : null}
    </section>
  );
}

/** What changed between two versions (of an article, or of an item another organisation shares). */
export function DiffView({ diff, onClose, title }: { diff: ArticleDiff; onClose?(): void; title?: string }) {
  const { t } = useTranslation();
  return (
    <section className="card wide article-diff" aria-labelledby="article-diff-heading">
      <h3 id="article-diff-heading" tabIndex={-1}>
        {title ?? t("knowledge.diff.title", { from: diff.from, to: diff.to })}
      </h3>
      <p className="hint">{t("knowledge.diff.legend")}</p>
      <h4>{t("knowledge.fields.title")}</h4>
      <DiffParts parts={diff.title} />
      <h4>{t("knowledge.fields.body")}</h4>
      <DiffParts parts={diff.body} />
      {diff.tagsAdded.length > 0 ? <p>{t("knowledge.diff.tagsAdded", { tags: diff.tagsAdded.join(", ") })}</p> : null}
      {diff.tagsRemoved.length > 0 ? (
        <p>{t("knowledge.diff.tagsRemoved", { tags: diff.tagsRemoved.join(", ") })}</p>
      ) : null}
      {onClose ? (
        <button type="button" onClick={onClose}>
          {t("knowledge.diff.close")}
        </button>
      ) : null}
    </section>
  );
}

function DiffParts({ parts }: { parts: ArticleDiff["body"] }) {
  const { t } = useTranslation();
  if (!parts.some((p) => p.kind !== "same")) return <p className="muted">{t("knowledge.diff.unchanged")}</p>;
  return (
    <p className="diff-text">
      {parts.map((part, i) =>
        part.kind === "added" ? (
          <ins key={i}>
            <span className="visually-hidden">[{t("knowledge.diff.added")}: </span>
            {part.text}
            <span className="visually-hidden">]</span>
          </ins>
        ) : part.kind === "removed" ? (
          <del key={i}>
            <span className="visually-hidden">[{t("knowledge.diff.removed")}: </span>
            {part.text}
            <span className="visually-hidden">]</span>
          </del>
        ) : (
          <span key={i}>{part.text}</span>
        ),
      )}
    </p>
  );
}
