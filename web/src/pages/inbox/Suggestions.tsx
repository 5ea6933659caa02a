// Vorschläge while answering: published knowledge articles and earlier answers to similar questions, loaded when
// the conversation opens. "Einfügen" (or Alt+1 … Alt+5 for the first five) puts an article's text (as plain
// text) or an answer's text into the reply; an inserted article is remembered as what the answer drew on.
// The words the search matched come marked «…» in the excerpt (plain text): they are shown as <mark>, never as HTML.
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { type Suggestions as SuggestionList, articlePath, knowledgeApi } from "../../api/knowledge";
import { useLoad } from "../../api/useLoad";
import { useDates } from "../../components/formatDates";
import { excerptToPlain, markdownToPlain } from "./markdownToPlain";
import { Loading } from "../../components/LoadState";

/** What an inserted suggestion gives the reply. */
export interface Insertion {
  text: string;
  /** The article drawn on, or null for an earlier answer. */
  articleId: string | null;
}

interface Item {
  key: string;
  kind: "article" | "answer";
  title: string;
  excerpt: string;
  meta: string | null;
  insertion: Insertion;
  articleId: string | null;
}

const SHORTCUTS = 5;
/** An earlier answer is shown up to this many characters (inserted whole). */
const ANSWER_PREVIEW = 280;

function shortened(text: string): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length <= ANSWER_PREVIEW ? line : `${line.slice(0, ANSWER_PREVIEW).replace(/\s+\S*$/, "")} …`;
}

/** «matched» words as <mark>, the rest as text. */
export function MarkedText({ text }: { text: string }) {
  const parts = text.split(/[«»]/);
  return <>{parts.map((part, i) => (i % 2 === 1 ? <mark key={i}>{part}</mark> : <span key={i}>{part}</span>))}</>;
}

function itemsOf(
  list: SuggestionList,
  t: (key: string, o?: Record<string, unknown>) => string,
  format: (iso: string) => string,
): Item[] {
  const articles: Item[] = list.articles.map((a) => ({
    key: `a-${a.id}`,
    kind: "article",
    title: a.title,
    // The excerpt is a piece of the Markdown: shown without its marks (the «» of the matched words stay).
    excerpt: excerptToPlain(a.excerpt),
    meta: null,
    insertion: { text: markdownToPlain(a.body), articleId: a.id },
    articleId: a.id,
  }));
  const answers: Item[] = list.answers.map((a) => ({
    key: `r-${a.replyId}`,
    kind: "answer",
    title: a.question,
    excerpt: shortened(a.text),
    meta: [
      t("knowledge.suggestions.answerMeta", { date: format(a.sentAt) }),
      a.closed ? t("knowledge.suggestions.answerClosed") : null,
    ]
      .filter(Boolean)
      .join(" · "),
    insertion: { text: a.text, articleId: null },
    articleId: null,
  }));
  return [...articles, ...answers];
}

export function Suggestions({
  orgId,
  conversationId,
  onInsert,
}: {
  orgId: string;
  conversationId: string;
  onInsert(insertion: Insertion, title: string): void;
}) {
  const { t } = useTranslation();
  const dates = useDates();
  const [list, setList] = useState<SuggestionList | null>(null);
  const [failed, setFailed] = useState(false);
  useLoad((signal) => knowledgeApi.suggestions(orgId, conversationId, { signal }), setList, [orgId, conversationId], {
    onError: () => setFailed(true),
  });
  const items = list ? itemsOf(list, t, (iso) => dates.format(iso, "date")) : [];
  // Alt+1 … Alt+5 anywhere on the page while the conversation is open (the inbox's own keys leave Alt alone).
  const latest = useRef({ items, onInsert });
  latest.current = { items, onInsert };
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      const match = /^Digit([1-5])$/.exec(event.code);
      if (!match) return;
      const item = latest.current.items[Number(match[1]) - 1];
      if (!item) return;
      event.preventDefault();
      latest.current.onInsert(item.insertion, item.title);
    }
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);

  if (failed) return null;
  return (
    <section className="suggestions" aria-labelledby="suggestions-heading">
      <h4 id="suggestions-heading">{t("knowledge.suggestions.title")}</h4>
      {list === null ? <Loading lines={2} /> : null}
      {list && items.length === 0 ? <p className="muted">{t("knowledge.suggestions.none")}</p> : null}
      {items.length > 0 ? (
        <>
          <p className="hint">{t("knowledge.suggestions.hint")}</p>
          <ol className="plain-list suggestion-list" aria-label={t("knowledge.suggestions.listLabel")}>
            {items.map((item, i) => {
              const shortcut = i < SHORTCUTS ? `Alt+${i + 1}` : undefined;
              const kind = t(`knowledge.suggestions.${item.kind}`);
              return (
                <li key={item.key} className={`suggestion suggestion-${item.kind}`}>
                  <p className="suggestion-head">
                    {shortcut ? <kbd>{shortcut}</kbd> : null} <span className="badge">{kind}</span>{" "}
                    <strong>
                      {item.kind === "answer"
                        ? t("knowledge.suggestions.question", { question: item.title })
                        : item.title}
                    </strong>
                    {item.meta ? <span className="muted"> · {item.meta}</span> : null}
                  </p>
                  <p className="suggestion-excerpt">
                    <MarkedText text={item.excerpt} />
                  </p>
                  <div className="actions">
                    <button
                      type="button"
                      aria-keyshortcuts={shortcut}
                      onClick={() => onInsert(item.insertion, item.title)}
                    >
                      {t("knowledge.suggestions.insert")}
                      <span className="visually-hidden">
                        {shortcut
                          ? t("knowledge.suggestions.insertMore", { kind, title: item.title, key: i + 1 })
                          : t("knowledge.suggestions.insertMorePlain", { kind, title: item.title })}
                      </span>
                    </button>
                    {item.articleId ? (
                      <a href={articlePath(orgId, item.articleId)} target="_blank" rel="noopener noreferrer">
                        {t("knowledge.suggestions.open")}
                        <span className="visually-hidden">
                          {t("knowledge.suggestions.openMore", { title: item.title })}
                        </span>
                      </a>
                    ) : null}
                  </div>
                </li>
              );
            })}
          </ol>
        </>
      ) : null}
    </section>
  );
}
