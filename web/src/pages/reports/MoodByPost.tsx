// Stimmung by post and by key term: the posts that drew the most negative and the most positive reactions
// (each linking to the post, with the rule that ranks them said in words), and tables with CSV of the mood
// per post and per chosen term; TopicLinks lead from Themen's terms to Stimmung filtered by one.
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { MoodReport } from "../../api/reports";
import { DataTable } from "../../components/DataTable";
import { useOrg } from "../../components/OrgLayout";
import { useDates } from "../../components/formatDates";
import { shareOf, useReportFormat } from "./reportFormat";
import "./MoodReport.css";

type PostMood = NonNullable<MoodReport["byPost"]>[number];
type TopicMood = NonNullable<MoodReport["byTopic"]>[number];

/** What the figures count, when a filter narrowed them to posts or terms. */
export function MoodBasisNote({ report }: { report: MoodReport }) {
  const { t } = useTranslation();
  if (report.basis === "messages") return null;
  return <p className="muted mood-basis">{t(`reports.moodByPost.basis.${report.basis}`)}</p>;
}

export function PostRanking({ report }: { report: MoodReport }) {
  const { t } = useTranslation();
  if (!report.mostNegativePosts || !report.mostPositivePosts) return null;
  const lists = [
    { mood: "negative", posts: report.mostNegativePosts },
    { mood: "positive", posts: report.mostPositivePosts },
  ] as const;
  return (
    <section aria-labelledby="post-ranking-heading" className="post-ranking">
      <h2 id="post-ranking-heading">{t("reports.moodByPost.rankingTitle")}</h2>
      <p className="muted">{t("reports.moodByPost.rankingRule", { count: report.minimumReactions })}</p>
      <div className="post-ranking-lists">
        {lists.map(({ mood, posts }) => (
          <section key={mood} aria-labelledby={`ranking-${mood}`}>
            <h3 id={`ranking-${mood}`}>{t(`reports.moodByPost.most.${mood}`)}</h3>
            {posts.length === 0 ? (
              <p className="empty">{t("reports.moodByPost.noneRanked", { count: report.minimumReactions })}</p>
            ) : (
              <ol className="post-ranking-list">
                {posts.map((post) => (
                  <RankedPost key={post.postId} post={post} mood={mood} />
                ))}
              </ol>
            )}
          </section>
        ))}
      </div>
    </section>
  );
}

function RankedPost({ post, mood }: { post: PostMood; mood: "negative" | "positive" }) {
  const { t } = useTranslation();
  const org = useOrg();
  const dates = useDates();
  const format = useReportFormat();
  const { current } = post;
  return (
    <li>
      <Link to={`/o/${org.id}/publish/${post.postId}`}>{post.title || t("reports.moodByPost.untitled")}</Link>
      <span className="post-ranking-share">
        {t(`reports.moodByPost.shareOf.${mood}`, {
          share: format.percent(shareOf(current[mood], current.messages)),
          count: current[mood],
          messages: format.number(current.messages),
        })}
      </span>
      <span className="muted">
        {[post.channels.map((c) => c.name).join(", "), post.publishedAt ? dates.format(post.publishedAt, "date") : ""]
          .filter(Boolean)
          .join(" · ")}
      </span>
    </li>
  );
}

export function PostMoodTable({ posts }: { posts: PostMood[] }) {
  const { t } = useTranslation();
  const dates = useDates();
  const format = useReportFormat();
  return (
    <DataTable
      caption={t("reports.moodByPost.byPostTable")}
      fileName="stimmung-beitraege"
      rows={posts}
      rowKey={(p) => p.postId}
      columns={[
        { label: t("reports.moodByPost.post"), value: (p) => p.title || t("reports.moodByPost.untitled") },
        {
          label: t("reports.moodByPost.channels"),
          value: (p) => p.channels.map((c) => c.name).join(", "),
          text: true,
        },
        { label: t("reports.moodByPost.published"), value: (p) => dates.format(p.publishedAt, "date") },
        { label: t("reports.moodByPost.reactions"), value: (p) => p.current.messages },
        { label: t("reports.previousMessages"), value: (p) => p.previous.messages },
        {
          label: t("reports.negativeShare"),
          value: (p) => shareOf(p.current.negative, p.current.messages),
          share: true,
        },
        {
          label: t("reports.positiveShare"),
          value: (p) => shareOf(p.current.positive, p.current.messages),
          share: true,
        },
        {
          label: t("reports.negativeChange"),
          value: (p) =>
            format.pointsChange(
              shareOf(p.current.negative, p.current.messages),
              shareOf(p.previous.negative, p.previous.messages),
            ),
        },
      ]}
    />
  );
}

export function TopicMoodTable({ topics }: { topics: TopicMood[] }) {
  const { t } = useTranslation();
  return (
    <DataTable
      caption={t("reports.moodByPost.byTopicTable")}
      fileName="stimmung-begriffe"
      rows={topics}
      rowKey={(x) => x.topic}
      columns={[
        { label: t("reports.topic"), value: (x) => x.label },
        { label: t("reports.messages"), value: (x) => x.current.messages },
        { label: t("reports.previousMessages"), value: (x) => x.previous.messages },
        {
          label: t("reports.negativeShare"),
          value: (x) => shareOf(x.current.negative, x.current.messages),
          share: true,
        },
        {
          label: t("reports.positiveShare"),
          value: (x) => shareOf(x.current.positive, x.current.messages),
          share: true,
        },
        { label: t("reports.questions"), value: (x) => x.current.questions },
      ]}
    />
  );
}

/** Links to Stimmung filtered by each term (from the term table here, and from Themen). */
export function TopicLinks({
  topics,
  hrefOf,
}: {
  topics: { topic: string; label: string }[];
  hrefOf(topic: string): string;
}) {
  const { t } = useTranslation();
  return (
    <nav className="topic-links" aria-label={t("reports.moodByPost.filterByTopic")}>
      <span aria-hidden="true">{t("reports.moodByPost.filterByTopic")}</span>
      {topics.map((x) => (
        <Link key={x.topic} to={hrefOf(x.topic)}>
          {x.label}
        </Link>
      ))}
    </nav>
  );
}
