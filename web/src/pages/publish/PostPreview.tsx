// How a post will appear on one channel: the text with links, hashtags and mentions marked as the
// network shows them, its media, and the length as the network counts it.
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { findHashtags, findLinks, findMentions } from "../../../../src/text/tokens";
import { formatLocale } from "../../i18n";

export function PreviewText({ text }: { text: string }) {
  const spans = [
    ...findLinks(text).map((s) => ({ ...s, kind: "link" })),
    ...findHashtags(text).map((s) => ({ ...s, kind: "hashtag" })),
    ...findMentions(text).map((s) => ({ ...s, kind: "mention" })),
  ].sort((a, b) => a.start - b.start);
  const parts: ReactNode[] = [];
  let cursor = 0;
  for (const span of spans) {
    if (span.start < cursor) continue;
    parts.push(text.slice(cursor, span.start));
    parts.push(
      <span key={span.start} className={`preview-${span.kind}`}>
        {span.text}
      </span>,
    );
    cursor = span.end;
  }
  parts.push(text.slice(cursor));
  return <p className="preview-text">{parts}</p>;
}

export function PreviewCount({ count }: { count: { used: number; limit: number } | undefined }) {
  const { t, i18n } = useTranslation();
  const locale = formatLocale(i18n.language);
  if (!count) return null;
  const { used, limit } = count;
  return (
    <p className={used > limit ? "count-over" : "muted"}>
      {t("composer.count", { used: used.toLocaleString(locale), limit: limit.toLocaleString(locale) })}
    </p>
  );
}
