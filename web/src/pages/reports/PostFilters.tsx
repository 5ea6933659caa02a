// The campaign and post filters of Stimmung, Themen and Antwortzeiten: a campaign, a post (those in the viewer's
// reach that drew reactions in the period) and, on Stimmung only, a key term (chosen in Themen, where the terms are
// ranked; there it shows and can be removed). Stimmung counts messages by post or by term, never by both, so
// choosing one clears the other, and the form says why; each report says how it counts by post.
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { MoodReport } from "../../api/reports";
import { useDates } from "../../components/formatDates";
import type { ReportAddress } from "./reportFilter";
import "./MoodReport.css";

export type PostChoices = MoodReport["postChoices"];
export type TopicChoice = {
  /** The chosen terms, as the messages wrote them. */
  topics: { topic: string; label: string }[];
  /** Themen with this view's period and filters, where a term is chosen. */
  topicsHref: string;
};

export function PostFilters({
  address,
  choices,
  topic: topicChoice,
  onChange,
  hint,
}: {
  address: ReportAddress;
  choices: PostChoices | null;
  /** Stimmung's term filter (null while loading); without it, no term filter. */
  topic?: TopicChoice | null;
  onChange(next: Partial<ReportAddress>): void;
  /** How the report counts by campaign and post (default: Stimmung's, or Themen's without a term). */
  hint?: string;
}) {
  const { t } = useTranslation();
  const dates = useDates();
  const hintId = useId();
  const withTopic = topicChoice !== undefined;
  // Choosing a post or campaign clears Stimmung's term (the two do not go together there).
  const cleared = withTopic ? { topic: "" } : {};
  const posts = choices?.posts ?? [];
  const topic = topicChoice?.topics.find((x) => x.topic === address.topic)?.label ?? address.topic;
  return (
    <>
      <label className="field compact">
        <span>{t("reports.moodByPost.campaign")}</span>
        <select
          value={address.campaign}
          aria-describedby={hintId}
          onChange={(e) => onChange({ campaign: e.target.value, ...cleared })}
        >
          <option value="">{t("reports.moodByPost.allCampaigns")}</option>
          {choices?.campaigns.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      <label className="field compact mood-post-select">
        <span>{t("reports.moodByPost.post")}</span>
        <select
          value={address.post}
          aria-describedby={hintId}
          onChange={(e) => onChange({ post: e.target.value, ...cleared })}
        >
          <option value="">{t("reports.moodByPost.allPosts")}</option>
          {posts.map((p) => (
            <option key={p.id} value={p.id}>
              {p.publishedAt
                ? t("reports.moodByPost.postChoice", { title: p.title, date: dates.format(p.publishedAt, "date") })
                : p.title}
            </option>
          ))}
        </select>
      </label>
      {withTopic ? (
        <div className="field compact mood-topic" role="group" aria-labelledby={`${hintId}-topic`}>
          <span id={`${hintId}-topic`}>{t("reports.moodByPost.topic")}</span>
          {address.topic ? (
            <span className="mood-topic-chosen">
              <strong>{topic}</strong>{" "}
              <button type="button" className="link-button" onClick={() => onChange({ topic: "" })}>
                {t("reports.moodByPost.removeTopic", { topic })}
              </button>
            </span>
          ) : topicChoice ? (
            <Link to={topicChoice.topicsHref}>{t("reports.moodByPost.chooseTopic")}</Link>
          ) : null}
        </div>
      ) : null}
      <p id={hintId} className="muted filter-hint">
        {hint ?? t(withTopic ? "reports.moodByPost.filterHint" : "reports.topicsByPost.filterHint")}
      </p>
    </>
  );
}
