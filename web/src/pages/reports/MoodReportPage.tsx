// Stimmung: negative, neutral and positive messages in the period against the one before, over time (with
// notable shifts marked and said in words), per channel account, department, post and key term, and the
// posts that drew the most negative and positive reactions (MoodByPost.tsx); every chart with its table and CSV.
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { type MoodReport, reportsApi } from "../../api/reports";
import { useLoad } from "../../api/useLoad";
import { Chart } from "../../components/charts/Chart";
import { MOOD_COLOURS } from "../../components/charts/palette";
import { DataTable } from "../../components/DataTable";
import { ErrorMessage } from "../../components/ErrorMessage";
import { useOrg } from "../../components/OrgLayout";
import { PageHeading } from "../../components/PageHeading";
import { MoodBasisNote, PostMoodTable, PostRanking, TopicMoodTable } from "./MoodByPost";
import { ReportFilters } from "./ReportFilters";
import { PeriodLine } from "./PeriodLine";
import { ShortCampaignNote } from "./ShortCampaignNote";
import { addressFor, useReportFilter } from "./reportFilter";
import { shareOf, useReportFormat } from "./reportFormat";

const MOODS = ["negative", "neutral", "positive"] as const;
type Counts = MoodReport["totals"];
type Row = { key: string; name: string; current: Counts; previous: Counts };

export function MoodReportPage() {
  const { t } = useTranslation();
  const org = useOrg();
  const format = useReportFormat();
  const filter = useReportFilter();
  const [report, setReport] = useState<MoodReport | null>(null);
  const [error, setError] = useState<unknown>(null);
  useLoad((signal) => reportsApi.mood(org.id, filter.query, { signal }), setReport, [org.id, filter.query], {
    onError: setError,
  });
  const option = useMemo(() => (report ? chartOption(report, t, format) : null), [report, t, format]);
  const summary = report ? summaryOf(report, t, format) : "";
  const breakdown = (caption: string, fileName: string, rows: Row[]) => (
    <DataTable
      caption={caption}
      fileName={fileName}
      rows={rows}
      rowKey={(r) => r.key}
      columns={[
        { label: t("reports.name"), value: (r) => r.name },
        { label: t("reports.messages"), value: (r) => r.current.messages },
        { label: t("reports.previousMessages"), value: (r) => r.previous.messages },
        {
          label: t("reports.negativeShare"),
          value: (r) => shareOf(r.current.negative, r.current.messages),
          share: true,
        },
        {
          label: t("reports.positiveShare"),
          value: (r) => shareOf(r.current.positive, r.current.messages),
          share: true,
        },
        {
          label: t("reports.negativeChange"),
          value: (r) =>
            format.pointsChange(
              shareOf(r.current.negative, r.current.messages),
              shareOf(r.previous.negative, r.previous.messages),
            ),
        },
      ]}
    />
  );
  return (
    <section aria-labelledby="page-heading">
      <PageHeading title={t("reports.tab.mood")} id="page-heading" />
      <ReportFilters
        address={filter.address}
        choices={report?.choices ?? null}
        shown={report?.period}
        postChoices={report?.postChoices ?? null}
        topicChoice={
          report
            ? {
                topics: report.byTopic ?? [],
                topicsHref: `/o/${org.id}/reports/topics${addressFor("topics", filter.search)}`,
              }
            : null
        }
        onChange={filter.change}
      />
      <ErrorMessage error={error} />
      {report ? (
        <>
          <PeriodLine period={report.period} />
          <ShortCampaignNote report={report} campaignId={filter.address.campaign} onChange={filter.change} />
          <MoodBasisNote report={report} />
          <MoodFigures report={report} />
          {report.totals.messages === 0 ? (
            <p className="empty">{t("reports.noMessages")}</p>
          ) : (
            <>
              <Chart
                title={t("reports.moodOverTime")}
                summary={summary}
                option={option ?? {}}
                table={
                  <DataTable
                    caption={t("reports.moodTable")}
                    fileName="stimmung-verlauf"
                    rows={report.series}
                    rowKey={(s) => s.start}
                    columns={[
                      { label: t("reports.date"), value: (s) => format.step(s.start, report.period.step) },
                      { label: t("reports.messages"), value: (s) => s.messages },
                      ...MOODS.map((m) => ({
                        label: t(`inbox.sentiment.${m}`),
                        value: (s: MoodReport["series"][number]) => s[m],
                      })),
                      { label: t("reports.negativeShare"), value: (s) => shareOf(s.negative, s.messages), share: true },
                    ]}
                  />
                }
              />
              {report.shifts.length > 0 ? (
                <section aria-labelledby="shifts-heading">
                  <h2 id="shifts-heading">{t("reports.shifts")}</h2>
                  <ul>
                    {report.shifts.map((s) => (
                      <li key={s.start}>
                        {t(`reports.shift.${s.direction}`, {
                          step: format.step(s.start, report.period.step),
                          share: format.percent(s.share),
                          usual: format.percent(s.usualShare),
                        })}
                      </li>
                    ))}
                  </ul>
                </section>
              ) : null}
              <h2>{t("reports.byChannel")}</h2>
              {breakdown(
                t("reports.moodByChannel"),
                "stimmung-kanaele",
                report.byChannel.map((c) => ({ key: c.channelAccountId, ...c })),
              )}
              <h2>{t("reports.byDepartment")}</h2>
              {breakdown(
                t("reports.moodByDepartment"),
                "stimmung-fachbereiche",
                report.byDepartment.map((d) => ({
                  key: d.departmentId ?? "none",
                  ...d,
                  name: d.name ?? t(d.departmentId ? "reports.deletedDepartment" : "inbox.noDepartment"),
                })),
              )}
              <PostRanking report={report} />
              {report.byPost && report.byPost.length > 0 ? (
                <>
                  <h2>{t("reports.moodByPost.byPost")}</h2>
                  <PostMoodTable posts={report.byPost} />
                </>
              ) : null}
              {report.byTopic && report.byTopic.length > 0 ? (
                <>
                  <h2>{t("reports.moodByPost.byTopic")}</h2>
                  <TopicMoodTable topics={report.byTopic} />
                </>
              ) : null}
            </>
          )}
        </>
      ) : null}
    </section>
  );
}

function MoodFigures({ report }: { report: MoodReport }) {
  const { t } = useTranslation();
  const format = useReportFormat();
  const { totals: now, previous: before } = report;
  const tiles = [
    {
      label: t("reports.messages"),
      value: format.number(now.messages),
      was: format.change(now.messages, before.messages),
    },
    ...(["negative", "positive"] as const).map((m) => ({
      label: t(`reports.${m}Share`),
      value: format.percent(shareOf(now[m], now.messages)),
      was: format.pointsChange(shareOf(now[m], now.messages), shareOf(before[m], before.messages)),
    })),
    {
      label: t("reports.questions"),
      value: format.number(now.questions),
      was: format.change(now.questions, before.questions),
    },
  ];
  return (
    <dl className="figures">
      {tiles.map((tile) => (
        <div key={tile.label}>
          <dt>{tile.label}</dt>
          <dd>
            <span className="figure">{tile.value}</span>{" "}
            <span className="muted">{t("reports.againstPrevious", { change: tile.was })}</span>
          </dd>
        </div>
      ))}
    </dl>
  );
}

type Format = ReturnType<typeof useReportFormat>;
type T = ReturnType<typeof useTranslation>["t"];

function summaryOf(report: MoodReport, t: T, format: Format): string {
  const { totals, previous } = report;
  const parts = [
    t(previous.messages === 0 ? "reports.moodSummaryNoPrevious" : "reports.moodSummary", {
      messages: format.number(totals.messages),
      negative: format.percent(shareOf(totals.negative, totals.messages)),
      positive: format.percent(shareOf(totals.positive, totals.messages)),
      previousNegative: format.percent(shareOf(previous.negative, previous.messages)),
      change: format.change(totals.messages, previous.messages),
    }),
  ];
  const negative = report.shifts.filter((s) => s.direction === "more_negative");
  if (negative.length)
    parts.push(
      t("reports.moodSummaryShift", {
        count: negative.length,
        steps: format.list(negative.map((s) => format.step(s.start, report.period.step))),
      }),
    );
  const [angriest] = report.mostNegativePosts ?? [];
  if (angriest)
    parts.push(
      t("reports.moodByPost.summaryWorst", {
        title: angriest.title,
        share: format.percent(shareOf(angriest.current.negative, angriest.current.messages)),
      }),
    );
  const [praised] = report.mostPositivePosts ?? [];
  if (praised)
    parts.push(
      t("reports.moodByPost.summaryBest", {
        title: praised.title,
        share: format.percent(shareOf(praised.current.positive, praised.current.messages)),
      }),
    );
  return parts.join(" ");
}

function chartOption(report: MoodReport, t: T, format: Format) {
  const labels = report.series.map((s) => format.step(s.start, report.period.step));
  const shiftLabels = new Set(report.shifts.map((s) => format.step(s.start, report.period.step)));
  return {
    legend: { top: 0 },
    grid: { left: 48, right: 16, top: 40, bottom: 32 },
    xAxis: { type: "category", data: labels },
    yAxis: { type: "value", name: t("reports.messages"), minInterval: 1 },
    series: MOODS.map((mood, i) => ({
      name: t(`inbox.sentiment.${mood}`),
      type: "bar",
      stack: "mood",
      itemStyle: { color: MOOD_COLOURS[mood] },
      data: report.series.map((s) => s[mood]),
      ...(i === 0 && shiftLabels.size > 0
        ? {
            markLine: {
              symbol: "none",
              lineStyle: { color: "#1b1f24", type: "dashed" },
              label: { formatter: t("reports.shiftMark") },
              data: [...shiftLabels].map((x) => ({ xAxis: x })),
            },
          }
        : {}),
    })),
  };
}
