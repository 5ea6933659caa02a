// Kalender: scheduled and published posts by month, week or as a list, with the Bundesland's public
// holidays, filters by department and channel, and rescheduling by drag and drop or by keyboard.
// The server re-checks rules and permissions on every move.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type Answer, api } from "../../api/client";
import { type Campaign, type ChannelAccount, type PostSummary, publishingApi } from "../../api/publishing";
import type { Department } from "../../api/types";
import { ErrorMessage, Notice } from "../../components/ErrorMessage";
import { useOrg } from "../../components/OrgLayout";
import { PageHeading } from "../../components/PageHeading";
import { NotAllowedPage } from "../NotAllowedPage";
import { CalendarEntry, calendarTime } from "./CalendarEntry";
import {
  type CalendarView,
  dayKey,
  daysBetween,
  onDay,
  startInstant,
  step,
  today,
  visibleRange,
} from "./calendarDates";
import { useDates } from "../../components/formatDates";
import { useLoad } from "../../api/useLoad";

type Holiday = Answer<"GET /api/orgs/:orgId/holidays">["holidays"][number];

export function CalendarPage() {
  const { t, i18n } = useTranslation();
  const org = useOrg();
  const dates = useDates();
  const { timeZone } = dates;
  const [view, setView] = useState<CalendarView>("month");
  const [anchor, setAnchor] = useState(() => today(timeZone));
  const [filters, setFilters] = useState({ departmentId: "", channelAccountId: "", campaignId: "" });
  const [campaigns, setCampaigns] = useState<Campaign[]>([]);
  const [posts, setPosts] = useState<PostSummary[]>([]);
  const [holidays, setHolidays] = useState<Holiday[]>([]);
  const [departments, setDepartments] = useState<Department[]>([]);
  const [channels, setChannels] = useState<ChannelAccount[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const { from, to } = visibleRange(view, anchor);
  // Days are plain dates: their names are written without shifting them into any zone.
  const dayName = (day: Date, options: Intl.DateTimeFormatOptions) => dates.plainDate(dayKey(day), options);

  const load = useLoad(
    (signal) => {
      const range = visibleRange(view, anchor);
      return Promise.all([
        publishingApi.calendar(org.id, startInstant(range.from, timeZone), startInstant(range.to, timeZone), filters, {
          signal,
        }),
        publishingApi.holidays(org.id, range.from.getUTCFullYear(), range.to.getUTCFullYear(), { signal }),
      ]);
    },
    ([list, days]) => {
      setPosts(list.posts);
      setHolidays(days.holidays);
    },
    [org.id, view, anchor, filters, timeZone],
    { onError: setError },
  );
  useLoad(
    (signal) =>
      Promise.all([
        api.departments(org.id, { signal }),
        org.myActions.includes("channel.view") ? publishingApi.channels(org.id, { signal }) : null,
        org.myActions.includes("post.draft") ? publishingApi.campaigns(org.id, { signal }) : null,
      ]),
    ([d, c, k]) => {
      setDepartments(d.departments);
      if (c) setChannels(c.channels);
      if (k) setCampaigns(k.campaigns);
    },
    [org.id],
    { onError: setError },
  );

  if (!org.myActions.includes("calendar.view")) return <NotAllowedPage />;
  const canMove = org.myActions.includes("post.schedule");

  async function move(post: PostSummary, target: Date): Promise<boolean> {
    setError(null);
    setNotice(null);
    try {
      await publishingApi.reschedule(org.id, post.id, target.toISOString());
      setNotice(t("calendar.moved", { time: dates.format(target) }));
      await load();
      return true;
    } catch (failure) {
      setError(failure);
      return false;
    }
  }

  async function drop(day: string, postId: string) {
    const post = posts.find((p) => p.id === postId);
    if (post) await move(post, onDay(calendarTime(post), day, timeZone));
  }

  const byDay = new Map<string, PostSummary[]>();
  for (const post of posts) {
    const key = dates.dayOf(calendarTime(post));
    byDay.set(key, [...(byDay.get(key) ?? []), post]);
  }
  const holidayOf = (key: string) => holidays.find((h) => h.date === key)?.name[i18n.language === "en" ? "en" : "de"];
  const days = daysBetween(from, to);
  const title =
    view === "week"
      ? t("calendar.weekOf", { date: dayName(from, { dateStyle: "medium" }) })
      : dayName(anchor, { month: "long", year: "numeric" });
  const todayKey = dayKey(today(timeZone));

  const dayCell = (day: Date) => {
    const key = dayKey(day);
    const holiday = holidayOf(key);
    const outside = view === "month" && day.getUTCMonth() !== anchor.getUTCMonth();
    return (
      <td
        key={key}
        className={`day${outside ? " day-outside" : ""}${holiday ? " day-holiday" : ""}${key === todayKey ? " day-today" : ""}`}
        onDragOver={(e) => canMove && e.preventDefault()}
        onDrop={(e) => {
          e.preventDefault();
          void drop(key, e.dataTransfer.getData("text/plain"));
        }}
      >
        <span className="day-number">
          {dayName(day, view === "week" ? { weekday: "short", day: "numeric", month: "numeric" } : { day: "numeric" })}
        </span>
        {holiday && <span className="holiday">{holiday}</span>}
        {(byDay.get(key) ?? []).map((p) => (
          <CalendarEntry key={p.id} post={p} orgId={org.id} canMove={canMove} onMove={move} />
        ))}
      </td>
    );
  };

  return (
    <section aria-labelledby="page-heading">
      <PageHeading title={t("nav.calendar")} id="page-heading" />
      <div className="toolbar" role="group" aria-label={t("calendar.viewLabel")}>
        {(["month", "week", "list"] as const).map((v) => (
          <button key={v} type="button" aria-pressed={view === v} onClick={() => setView(v)}>
            {t(`calendar.view.${v}`)}
          </button>
        ))}
        <button type="button" onClick={() => setAnchor(step(view, anchor, -1))} aria-label={t("calendar.previous")}>
          ←
        </button>
        <button type="button" onClick={() => setAnchor(today(timeZone))}>
          {t("calendar.today")}
        </button>
        <button type="button" onClick={() => setAnchor(step(view, anchor, 1))} aria-label={t("calendar.next")}>
          →
        </button>
        <label className="inline-field">
          <span>{t("calendar.department")}</span>
          <select
            value={filters.departmentId}
            onChange={(e) => setFilters({ ...filters, departmentId: e.target.value })}
          >
            <option value="">{t("calendar.all")}</option>
            {departments.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        </label>
        <label className="inline-field">
          <span>{t("calendar.channel")}</span>
          <select
            value={filters.channelAccountId}
            onChange={(e) => setFilters({ ...filters, channelAccountId: e.target.value })}
          >
            <option value="">{t("calendar.all")}</option>
            {channels.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        {campaigns.length > 0 && (
          <label className="inline-field">
            <span>{t("calendar.campaign")}</span>
            <select value={filters.campaignId} onChange={(e) => setFilters({ ...filters, campaignId: e.target.value })}>
              <option value="">{t("calendar.all")}</option>
              {campaigns.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      <Notice text={notice} />
      <ErrorMessage error={error} />
      {canMove && view !== "list" && <p className="hint">{t("calendar.dragHint")}</p>}
      {view === "list" ? (
        <table>
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t("calendar.day")}</th>
              <th scope="col">{t("calendar.posts")}</th>
            </tr>
          </thead>
          <tbody>
            {days
              .filter((d) => byDay.has(dayKey(d)) || holidayOf(dayKey(d)))
              .map((d) => (
                <tr key={dayKey(d)}>
                  <th scope="row">
                    {dayName(d, { weekday: "long", day: "numeric", month: "long" })}
                    {holidayOf(dayKey(d)) && <span className="holiday">{holidayOf(dayKey(d))}</span>}
                  </th>
                  <td>
                    {(byDay.get(dayKey(d)) ?? []).map((p) => (
                      <CalendarEntry key={p.id} post={p} orgId={org.id} canMove={canMove} onMove={move} />
                    ))}
                  </td>
                </tr>
              ))}
          </tbody>
        </table>
      ) : (
        <table className="calendar">
          <caption>{title}</caption>
          <thead>
            <tr>
              {days.slice(0, 7).map((d) => (
                <th scope="col" key={dayKey(d)}>
                  {dayName(d, { weekday: "short" })}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: days.length / 7 }, (_, week) => (
              <tr key={week}>{days.slice(week * 7, week * 7 + 7).map(dayCell)}</tr>
            ))}
          </tbody>
        </table>
      )}
      {posts.length === 0 && <p>{t("calendar.none")}</p>}
    </section>
  );
}
