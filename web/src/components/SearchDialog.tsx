// The one search from anywhere: Ctrl+K (Cmd+K on a Mac) or the header's button opens a dialog with a combobox;
// hits appear grouped by kind as the person types (after a short pause), arrow keys move through them, Enter
// opens the chosen one (or the search page when none is chosen), Esc closes and focus returns to where it was.
// The number of hits is announced. Matched words come marked «» and are shown as <mark>, never as HTML.
import { type KeyboardEvent, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { type SearchHit, type SearchKind, type SearchResult, searchApi } from "../api/search";
import { useLoad } from "../api/useLoad";
import { Marked, groupedHits, hrefOf } from "../pages/search/searchHits";

const PAUSE_MS = 200;
const optionId = (index: number) => `search-option-${index}`;

export function SearchDialog({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const dialog = useRef<HTMLDialogElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const returnTo = useRef<HTMLElement | null>(null);
  const [text, setText] = useState("");
  const [q, setQ] = useState("");
  const [result, setResult] = useState<SearchResult | null>(null);
  const [failed, setFailed] = useState(false);
  const [active, setActive] = useState(-1);

  function open() {
    if (dialog.current?.open) return;
    returnTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.current?.showModal();
    input.current?.select();
  }
  useEffect(() => {
    function onKey(event: globalThis.KeyboardEvent) {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "k") {
        event.preventDefault();
        open();
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
  useEffect(() => {
    const timer = setTimeout(() => setQ(text.trim()), PAUSE_MS);
    return () => clearTimeout(timer);
  }, [text]);
  useLoad(
    (signal) => searchApi.search(orgId, { q, limit: 5 }, { signal }),
    (value) => {
      setResult(value);
      setFailed(false);
      setActive(-1);
    },
    [orgId, q],
    { onError: () => setFailed(true), enabled: q.length >= 2 },
  );

  const shown = q.length >= 2 && text.trim().length >= 2 ? result : null;
  const groups = shown ? groupedHits(shown.hits) : [];
  const hits = groups.flatMap((group) => group.hits);

  function close() {
    dialog.current?.close();
  }
  function go(href: string) {
    returnTo.current = null;
    close();
    navigate(href);
  }
  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (!hits.length) return;
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((current) => (current + step + hits.length) % hits.length);
    } else if (event.key === "Enter") {
      event.preventDefault();
      const hit = hits[active];
      if (hit) go(hrefOf(orgId, hit));
      else if (text.trim().length >= 2) go(`/o/${orgId}/search?${new URLSearchParams({ q: text.trim() })}`);
    }
  }

  return (
    <>
      <button type="button" className="link-button" onClick={open} aria-keyshortcuts="Control+K Meta+K">
        {t("search.open")}
      </button>
      <dialog
        ref={dialog}
        className="search-dialog"
        aria-labelledby="search-dialog-title"
        onClose={() => {
          returnTo.current?.focus();
          returnTo.current = null;
        }}
      >
        <h2 id="search-dialog-title">{t("search.dialogTitle")}</h2>
        <label className="field" htmlFor="search-dialog-input">
          <span>{t("search.label")}</span>
        </label>
        <input
          ref={input}
          id="search-dialog-input"
          type="search"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={hits.length > 0}
          aria-controls="search-dialog-list"
          aria-activedescendant={active >= 0 ? optionId(active) : undefined}
          aria-describedby="search-dialog-hint"
          autoComplete="off"
          maxLength={200}
          value={text}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={onKeyDown}
        />
        <p id="search-dialog-hint" className="hint">
          {t("search.dialogHint")}
        </p>
        <p role="status" className="search-dialog-status">
          {failed ? t("search.failed") : shown ? t("search.count", { count: shown.hits.length }) : ""}
        </p>
        <SearchOptions groups={groups} active={active} onChoose={(hit) => go(hrefOf(orgId, hit))} />
        <p>
          <button type="button" onClick={close}>
            {t("search.close")}
          </button>
        </p>
      </dialog>
    </>
  );
}

/** The hits as a listbox, grouped by kind; the combobox's active one marked. */
function SearchOptions(props: {
  groups: { kind: SearchKind; hits: SearchHit[] }[];
  active: number;
  onChoose: (hit: SearchHit) => void;
}) {
  const { t } = useTranslation();
  const { groups, active, onChoose } = props;
  let index = -1;
  return (
    <div role="listbox" id="search-dialog-list" aria-label={t("search.resultsLabel")} className="search-dialog-list">
      {groups.map((group) => (
        <div role="group" key={group.kind} aria-labelledby={`search-group-${group.kind}`}>
          <div role="presentation" id={`search-group-${group.kind}`} className="search-group-heading">
            {t(`search.kind.${group.kind}`)}
          </div>
          {group.hits.map((hit) => {
            index += 1;
            const mine = index;
            return (
              <div
                key={`${hit.kind}-${hit.id}`}
                id={optionId(mine)}
                role="option"
                aria-selected={mine === active}
                className={mine === active ? "search-option active" : "search-option"}
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => onChoose(hit)}
              >
                <strong>{hit.title || t("search.untitled")}</strong>
                {hit.snippet ? (
                  <span className="search-option-passage">
                    <Marked text={hit.snippet} />
                  </span>
                ) : null}
              </div>
            );
          })}
        </div>
      ))}
    </div>
  );
}
