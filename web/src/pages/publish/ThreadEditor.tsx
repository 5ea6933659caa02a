// The posts that follow the first one in a thread: each in its own field with its count per channel
// that publishes threads (Mastodon, Bluesky, X); channels without threads get them as paragraphs of
// one text. Posts can be added, moved and removed; focus stays where the person is working.
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { CheckResult } from "../../../../src/domain/guidelineChecks";
import { MAX_THREAD_PARTS } from "../../../../src/domain/postWorkflow";
import { formatLocale } from "../../i18n";

export function ThreadEditor({
  parts,
  onChange,
  counts,
  channelName,
}: {
  parts: string[];
  onChange: (parts: string[]) => void;
  counts: CheckResult["counts"] | undefined;
  channelName: (channelAccountId: string) => string;
}) {
  const { t, i18n } = useTranslation();
  const locale = formatLocale(i18n.language);
  const fields = useRef<(HTMLTextAreaElement | null)[]>([]);
  // The field to focus once the change has rendered (after adding, moving or removing a post).
  const [focusIndex, setFocusIndex] = useState<number | null>(null);
  useEffect(() => {
    if (focusIndex === null) return;
    fields.current[focusIndex]?.focus();
    setFocusIndex(null);
  }, [focusIndex, parts.length]);
  const focus = (index: number) => setFocusIndex(index);
  const total = parts.length + 1;

  function add() {
    onChange([...parts, ""]);
    focus(parts.length);
  }
  function remove(index: number) {
    onChange(parts.filter((_, i) => i !== index));
    if (parts.length > 1) focus(Math.max(0, index - 1));
  }
  function move(index: number, by: -1 | 1) {
    const next = [...parts];
    const [moved] = next.splice(index, 1);
    next.splice(index + by, 0, moved ?? "");
    onChange(next);
    focus(index + by);
  }

  return (
    <fieldset className="thread-editor">
      <legend>{t("composer.thread")}</legend>
      <p className="hint" id="thread-hint">
        {t("composer.threadHint")}
      </p>
      {parts.map((text, index) => {
        // Counts of this post on the channels that publish it as a post of its own.
        const perChannel = Object.entries(counts ?? {}).flatMap(([id, count]) => {
          const used = count.parts?.[index + 1];
          return used === undefined ? [] : [{ id, used, limit: count.limit }];
        });
        const position = index + 2;
        return (
          <div key={index} className="field thread-part">
            <label htmlFor={`thread-part-${index}`}>{t("composer.threadPart", { position, total })}</label>
            <textarea
              id={`thread-part-${index}`}
              ref={(element) => {
                fields.current[index] = element;
              }}
              rows={4}
              value={text}
              onChange={(e) => onChange(parts.map((p, i) => (i === index ? e.target.value : p)))}
              aria-describedby={perChannel.length ? `thread-part-${index}-count` : "thread-hint"}
            />
            {perChannel.length > 0 && (
              <p id={`thread-part-${index}-count`} className="muted">
                {perChannel.map((c, i) => (
                  <span key={c.id} className={c.used > c.limit ? "count-over" : undefined}>
                    {i > 0 ? " · " : ""}
                    {channelName(c.id)}:{" "}
                    {t("composer.count", {
                      used: c.used.toLocaleString(locale),
                      limit: c.limit.toLocaleString(locale),
                    })}
                  </span>
                ))}
              </p>
            )}
            <div className="actions">
              <button type="button" disabled={index === 0} onClick={() => move(index, -1)}>
                {t("composer.threadUp", { position })}
              </button>
              <button type="button" disabled={index === parts.length - 1} onClick={() => move(index, 1)}>
                {t("composer.threadDown", { position })}
              </button>
              <button type="button" onClick={() => remove(index)}>
                {t("composer.threadRemove", { position })}
              </button>
            </div>
          </div>
        );
      })}
      <button type="button" onClick={add} disabled={parts.length >= MAX_THREAD_PARTS}>
        {t("composer.threadAdd")}
      </button>
    </fieldset>
  );
}
