// The start page's other sections: posts awaiting my Freigabe, the moderation queue (threats first), open
// shitstorm warnings, channel accounts that need someone, and the guideline in force.
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Overview } from "../../api/overview";
import { useDates } from "../../components/formatDates";
import { useWords } from "../../components/useWords";
import { OverviewSection } from "./OverviewSection";

type Section<K extends keyof Overview> = { orgId: string; section: NonNullable<Overview[K]> };

export function PostApprovalsSection({ orgId, section }: Section<"postApprovals">) {
  const { t } = useTranslation();
  const dates = useDates();
  return (
    <OverviewSection
      id="overview-posts"
      title={t("overview.posts.title")}
      summary={t("overview.posts.summary", { count: section.count })}
      empty={t("overview.posts.empty")}
      more={{ to: `/o/${orgId}/publish`, label: t("overview.posts.all") }}
      items={section.items.map((post) => (
        <li key={post.id}>
          <Link to={`/o/${orgId}/publish/${post.id}`}>{post.title || post.excerpt}</Link>{" "}
          <span className="muted">
            {t("overview.posts.by", { author: post.authorName, time: dates.format(post.submittedAt, "compact") })}
            {post.steps > 1 ? ` · ${t("overview.posts.step", { step: post.step, steps: post.steps })}` : ""}
            {post.scheduledAt
              ? ` · ${t("overview.posts.scheduled", { time: dates.format(post.scheduledAt, "compact") })}`
              : ""}
          </span>
        </li>
      ))}
    />
  );
}

export function ModerationSection({ orgId, section }: Section<"moderation">) {
  const { t } = useTranslation();
  const dates = useDates();
  return (
    <OverviewSection
      id="overview-moderation"
      title={t("overview.moderation.title")}
      summary={[
        t("overview.moderation.summary", { count: section.count }),
        section.threats > 0 ? t("overview.moderation.threats", { count: section.threats }) : "",
      ].join("")}
      empty={t("overview.moderation.empty")}
      more={{ to: `/o/${orgId}/moderation`, label: t("overview.moderation.all") }}
      items={section.items.map((c) => (
        <li key={c.id}>
          {c.threat ? <strong className="overview-threat">{t("overview.moderation.threat")} </strong> : null}
          <Link to={`/o/${orgId}/moderation/cases/${c.id}`}>
            {t("overview.moderation.item", { author: c.authorName, channel: c.channelName })}
          </Link>{" "}
          <span className="muted">{dates.format(c.openedAt, "compact")}</span>
          <br />
          <q>{c.excerpt}</q>
        </li>
      ))}
    />
  );
}

export function AlertsSection({ orgId, section }: Section<"alerts">) {
  const { t } = useTranslation();
  const dates = useDates();
  return (
    <OverviewSection
      id="overview-alerts"
      title={t("overview.alerts.title")}
      summary={t("overview.alerts.summary", { count: section.count })}
      empty={t("overview.alerts.empty")}
      items={section.items.map((a) => (
        <li key={a.id}>
          <Link to={`/o/${orgId}/moderation`}>
            {t("overview.alerts.item", { channel: a.channelName, offensive: a.offensive, total: a.total })}
          </Link>{" "}
          <span className="muted">{t("overview.alerts.since", { time: dates.format(a.windowStart, "compact") })}</span>
        </li>
      ))}
    />
  );
}

export function ChannelsSection({ orgId, section, canManage }: Section<"channels"> & { canManage: boolean }) {
  const { t } = useTranslation();
  const words = useWords();
  return (
    <OverviewSection
      id="overview-channels"
      title={t("overview.channels.title")}
      summary={t("overview.channels.summary", { count: section.count })}
      empty={t("overview.channels.empty")}
      more={canManage ? { to: `/o/${orgId}/admin/channels`, label: t("overview.channels.manage") } : null}
      items={section.items.map((c) => (
        <li key={c.channelAccountId}>
          <strong>{c.name}</strong> <span className="muted">({words.network(c.network)})</span>:{" "}
          {t(`overview.channels.${c.problem}`, { days: section.idleWarningDays })}
          {canManage ? "" : ` ${t("overview.channels.askAdmin")}`}
        </li>
      ))}
    />
  );
}

export function GuidelineSection({ orgId, guideline }: { orgId: string; guideline: Overview["guideline"] }) {
  const { t } = useTranslation();
  const dates = useDates();
  const items = [];
  if (guideline && !guideline.acknowledged)
    items.push(
      <li key="acknowledge">
        <Link to={`/o/${orgId}/guidelines`}>
          {t("overview.guideline.acknowledge", { title: guideline.title, version: guideline.version })}
        </Link>
      </li>,
    );
  if (guideline?.review && guideline.review.state !== "current")
    items.push(
      <li key="review">
        <Link to={`/o/${orgId}/guidelines`}>
          {t(`overview.guideline.review_${guideline.review.state}`, {
            title: guideline.title,
            date: dates.plainDate(guideline.review.reviewBy, { dateStyle: "medium" }),
          })}
        </Link>
      </li>,
    );
  return (
    <OverviewSection
      id="overview-guideline"
      title={t("overview.guideline.title")}
      empty={guideline ? t("overview.guideline.done", { title: guideline.title }) : t("overview.guideline.none")}
      items={items}
      more={items.length === 0 ? { to: `/o/${orgId}/guidelines`, label: t("overview.guideline.read") } : null}
    />
  );
}
