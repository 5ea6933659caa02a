// Stimmung's own filters: a campaign, a post (the latest published ones in the viewer's reach) or a key term
// (chosen in Themen, where the terms are ranked; here it shows and can be removed). Messages are counted by post
// or by term, never by both, so choosing one clears the other, and the form says why. Antwortzeiten uses the
// campaign and post (without terms), with its own hint on how it counts.
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { MoodReport } from "../../api/reports";
import { useDates } from "../../components/formatDates";
import type { ReportAddress } from "./reportFilter";

export type MoodChoices = {
  campaigns: MoodReport["postChoices"]["campaigns"];
  posts: MoodReport["postChoices"]["posts"];
  /** The chosen terms, as the messages wrote them; absent: no term filter. */
  topics?: { topic: string; label: string }[];
  /** Themen with this view's period and filters, where a term is chosen. */
  topicsHref?: string;
};

export function MoodPostFilters({
  address,
  choices,
  onChange,
  withTopic = true,
  hint,
}: {
  address: ReportAddress;
  choices: MoodChoices | null;
  onChange(next: Partial<ReportAddress>): void;
  /** Whether the key term is offered (Stimmung's). */
  withTopic?: boolean;
  /** How the report counts by campaign and post (default: Stimmung's). */
  hint?: string;
}) {
  const { t } = useTranslation();
  const dates = useDates();
  const hintId = useId();
  const posts = choices?.posts ?? [];
  const topic = choices?.topics?.find((x) => x.topic === address.topic)?.label ?? address.topic;
  return (
    <>
      <label className="field compact">
        <span>{t("reports.moodByPost.campaign")}</span>
        <select
          value={address.campaign}
          aria-describedby={hintId}
          onChange={(e) => onChange({ campaign: e.target.value, topic: "" })}
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
          onChange={(e) => onChange({ post: e.target.value, topic: "" })}
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
          ) : choices?.topicsHref ? (
            <Link to={choices.topicsHref}>{t("reports.moodByPost.chooseTopic")}</Link>
          ) : null}
        </div>
      ) : null}
      <p id={hintId} className="muted filter-hint">
        {hint ?? t("reports.moodByPost.filterHint")}
      </p>
    </>
  );
}
