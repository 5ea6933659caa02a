// One post in the calendar: its time, title and state; draggable to another day when it may be moved,
// with a keyboard alternative (a date-and-time field) for everyone who does not drag.
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { PostSummary } from "../../api/publishing";
import { useDates } from "../../components/formatDates";
import { DateTimeField } from "../../components/DateTimeFields";
import { excerpt } from "../../../../src/text/excerpt";

const MOVABLE = new Set(["draft", "changes_requested", "scheduled"]);

export function calendarTime(post: PostSummary): Date {
  return new Date(post.scheduledAt ?? post.publishedAt ?? post.updatedAt);
}

export function CalendarEntry({
  post,
  orgId,
  canMove,
  onMove,
}: {
  post: PostSummary;
  orgId: string;
  canMove: boolean;
  onMove: (post: PostSummary, to: Date) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const dates = useDates();
  const [moving, setMoving] = useState(false);
  const movable = canMove && MOVABLE.has(post.status);
  const time = dates.format(calendarTime(post), "time");
  const title = post.title || excerpt(post.excerpt, 40) || t("review.untitled");

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = dates.fromInput(String(new FormData(event.currentTarget).get("when")));
    if (value && (await onMove(post, new Date(value)))) setMoving(false);
  }

  return (
    <div
      className={`entry entry-${post.status}`}
      draggable={movable}
      onDragStart={(e) => e.dataTransfer.setData("text/plain", post.id)}
    >
      <span className="entry-time">{time}</span> <Link to={`/o/${orgId}/publish/${post.id}`}>{title}</Link>
      <span className="entry-status"> · {t(`status.${post.status}`)}</span>
      {post.channels.length > 0 && <span className="muted"> · {post.channels.map((c) => c.name).join(", ")}</span>}
      {movable && !moving && (
        <button
          type="button"
          className="link-button"
          onClick={() => setMoving(true)}
          aria-label={t("calendar.moveLabel", { title })}
        >
          {t("calendar.move")}
        </button>
      )}
      {moving && (
        <form className="inline-form" onSubmit={(e) => void save(e)}>
          <DateTimeField
            id={`move-${post.id}`}
            label={t("calendar.newTime", { title })}
            hideLabel
            name="when"
            defaultValue={dates.toInput(calendarTime(post).toISOString())}
            required
          />
          <button type="submit">{t("calendar.save")}</button>
          <button type="button" onClick={() => setMoving(false)}>
            {t("calendar.cancel")}
          </button>
        </form>
      )}
    </div>
  );
}
