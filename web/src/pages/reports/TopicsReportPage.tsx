// Themen: what citizens wrote about — terms ranked against the organisation's year, with volume, trend
// against the period before, mood and (for people who read the inbox) example messages; the most asked
// questions with the latest answer and a button that turns it into a Textbaustein; by campaign or post, the same
// for the reactions to those posts (the pickers are Stimmung's, PostFilters.tsx).
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { type TopicsReport, reportsApi } from "../../api/reports";
import { inboxApi } from "../../api/inbox";
import { useLoad } from "../../api/useLoad";
import { Chart } from "../../components/charts/Chart";
import { LINE_STYLES } from "../../components/charts/palette";
import { DataTable } from "../../components/DataTable";
import { ErrorMessage } from "../../components/ErrorMessage";
import { useOrg } from "../../components/OrgLayout";
import { PageHeading } from "../../components/PageHeading";
import { useDates } from "../../components/formatDates";
import { TopicLinks } from "./MoodByPost";
import { PeriodLine } from "./PeriodLine";
import { ReportFilters } from "./ReportFilters";
import { useReportFilter } from "./reportFilter";
import { shareOf, useReportFormat } from "./reportFormat";

type Topic = TopicsReport["topics"][number];
type Format = ReturnType<typeof useReportFormat>;
type T = ReturnType<typeof useTranslation>["t"];

export function TopicsReportPage() {
  const { t } = useTranslation();
  const org = useOrg();
  const format = useReportFormat();
  const filter = useReportFilter();
  const [report, setReport] = useState<TopicsReport | null>(null);
  const [error, setError] = useState<unknown>(null);
  useLoad((signal) => reportsApi.topics(org.id, filter.query, { signal }), setReport, [org.id, filter.query], {
    onError: setError,
  });
  const option = useMemo(() => (report ? chartOption(report, t, format) : null), [report, t, format]);
  return (
    <section aria-labelledby="page-heading">
      <PageHeading title={t("reports.tab.topics")} id="page-heading" />
      <ReportFilters
        address={filter.address}
        choices={report?.choices ?? null}
        shown={report?.period}
        postChoices={report?.postChoices ?? null}
        onChange={filter.change}
      />
      <ErrorMessage error={error} />
      {report ? (
        <>
          <PeriodLine period={report.period} />
          {report.basis === "posts" ? <p className="muted mood-basis">{t("reports.topicsByPost.basis")}</p> : null}
          {report.topics.length === 0 ? (
            <p className="empty">{t("reports.noTopics")}</p>
          ) : (
            <>
              <Chart
                title={t("reports.topicsOverTime")}
                summary={summaryOf(report, t, format)}
                option={option ?? {}}
                table={
                  <DataTable
                    caption={t("reports.topicsTable")}
                    fileName="themen"
                    rows={report.topics}
                    rowKey={(topic) => topic.topic}
                    columns={[
                      { label: t("reports.topic"), value: (x) => x.label },
                      { label: t("reports.messages"), value: (x) => x.messages },
                      { label: t("reports.previousMessages"), value: (x) => x.previousMessages },
                      {
                        label: t("reports.shareOfMessages"),
                        value: (x) => shareOf(x.messages, report.messages),
                        share: true,
                      },
                      { label: t("reports.negativeShare"), value: (x) => shareOf(x.negative, x.messages), share: true },
                      { label: t("reports.positiveShare"), value: (x) => shareOf(x.positive, x.messages), share: true },
                      { label: t("reports.questions"), value: (x) => x.questions },
                    ]}
                  />
                }
              />
              <TopicLinks
                topics={report.topics}
                hrefOf={(topic) => `/o/${org.id}/reports/mood${filter.moodOfTopic(topic)}`}
              />
              {report.showsExamples ? (
                <Examples topics={report.topics.filter((x) => x.examples.length > 0).slice(0, 8)} />
              ) : null}
              <RepeatedQuestions report={report} />
            </>
          )}
        </>
      ) : null}
    </section>
  );
}

function Examples({ topics }: { topics: Topic[] }) {
  const { t } = useTranslation();
  const org = useOrg();
  const dates = useDates();
  return (
    <section aria-labelledby="examples-heading">
      <h2 id="examples-heading">{t("reports.examples")}</h2>
      {topics.map((topic) => (
        <section key={topic.topic} aria-label={topic.label} className="topic-examples">
          <h3>{topic.label}</h3>
          <ul>
            {topic.examples.map((e) => (
              <li key={`${e.conversationId}-${e.receivedAt}`}>
                <q>{e.excerpt}</q>{" "}
                <span className="muted">
                  ({dates.format(e.receivedAt, "compact")},{" "}
                  <Link to={`/o/${org.id}/inbox?conversation=${e.conversationId}&status=all`}>
                    {t("reports.openConversation")}
                  </Link>
                  )
                </span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}

function RepeatedQuestions({ report }: { report: TopicsReport }) {
  const { t } = useTranslation();
  const org = useOrg();
  const [saved, setSaved] = useState<Set<string>>(new Set());
  const [error, setError] = useState<unknown>(null);
  const mayEdit = org.myActions.includes("knowledge.edit");
  if (report.repeatedQuestions.length === 0) return null;
  const keep = async (topic: string, label: string, text: string) => {
    setError(null);
    try {
      await inboxApi.saveTemplate(org.id, null, {
        title: label,
        body: text,
        tags: [label.toLowerCase()],
        // Someone limited to departments keeps it in their first; others share it with everyone.
        departmentId: org.myScope.departmentIds?.[0] ?? null,
      });
      setSaved((before) => new Set(before).add(topic));
    } catch (e) {
      setError(e);
    }
  };
  return (
    <section aria-labelledby="repeated-heading">
      <h2 id="repeated-heading">{t("reports.repeatedQuestions")}</h2>
      <ErrorMessage error={error} />
      <ol>
        {report.repeatedQuestions.map((q) => (
          <li key={q.topic}>
            <strong>{q.label}</strong>: {t("reports.questionsCount", { count: q.questions })}
            {q.answer ? (
              <>
                <p>
                  {t("reports.lastAnswer")} <q>{q.answer.text}</q>
                </p>
                {mayEdit ? (
                  saved.has(q.topic) ? (
                    <p role="status">{t("reports.templateSaved")}</p>
                  ) : (
                    <button type="button" onClick={() => void keep(q.topic, q.label, q.answer?.text ?? "")}>
                      {t("reports.makeTemplate", { topic: q.label })}
                    </button>
                  )
                ) : null}
              </>
            ) : report.showsExamples ? (
              <p className="muted">{t("reports.noAnswerYet")}</p>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

function summaryOf(report: TopicsReport, t: T, format: Format): string {
  const top = report.topics.slice(0, 3).map((x) => `${x.label} (${format.number(x.messages)})`);
  return t("reports.topicsSummary", { topics: top.join(", "), messages: format.number(report.messages) });
}

function chartOption(report: TopicsReport, t: T, format: Format) {
  const shown = report.topics.filter((x) => x.trend !== null).slice(0, 3);
  const labels = report.steps.map((start) => format.step(start, report.period.step));
  return {
    legend: { top: 0 },
    grid: { left: 48, right: 16, top: 40, bottom: 32 },
    xAxis: { type: "category", data: labels },
    yAxis: { type: "value", name: t("reports.messages"), minInterval: 1 },
    series: shown.map((topic, i) => {
      const style = LINE_STYLES[i % LINE_STYLES.length] ?? LINE_STYLES[0];
      return {
        name: topic.label,
        type: "line",
        data: topic.trend,
        symbol: style.symbol,
        symbolSize: 7,
        itemStyle: { color: style.color },
        lineStyle: { color: style.color, type: style.type, width: 2 },
      };
    }),
  };
}
