// Stimmung's own filters: a campaign, a post (the latest published ones in the viewer's reach) or a key term.
// Messages are counted by post or by term, never by both, so choosing one clears the other, and the form
// says why.
import { useId } from "react";
import { useTranslation } from "react-i18next";
import type { MoodReport } from "../../api/reports";
import { useDates } from "../../components/formatDates";
import type { ReportAddress } from "./reportFilter";

export type MoodChoices = {
  campaigns: MoodReport["postChoices"]["campaigns"];
  posts: MoodReport["postChoices"]["posts"];
  topics: { topic: string; label: string }[];
};

export function MoodPostFilters({
  address,
  choices,
  onChange,
}: {
  address: ReportAddress;
  choices: MoodChoices | null;
  onChange(next: Partial<ReportAddress>): void;
}) {
  const { t } = useTranslation();
  const dates = useDates();
  const hintId = useId();
  const posts = choices?.posts ?? [];
  // A term chosen through the address (a link from Themen) stays selectable even when not among the top terms.
  const topics = [...(choices?.topics ?? [])];
  if (address.topic && !topics.some((x) => x.topic === address.topic))
    topics.push({ topic: address.topic, label: address.topic });
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
      <label className="field compact">
        <span>{t("reports.moodByPost.topic")}</span>
        <select
          value={address.topic}
          aria-describedby={hintId}
          onChange={(e) => onChange({ topic: e.target.value, campaign: "", post: "" })}
        >
          <option value="">{t("reports.moodByPost.allTopics")}</option>
          {topics.map((x) => (
            <option key={x.topic} value={x.topic}>
              {x.label}
            </option>
          ))}
        </select>
      </label>
      <p id={hintId} className="muted filter-hint">
        {t("reports.moodByPost.filterHint")}
      </p>
    </>
  );
}
