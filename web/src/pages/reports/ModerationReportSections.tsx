// The moderation report's tables: decisions by kind, objections by outcome, threats and evidence packages,
// and the period's shitstorm alerts with how each ended and where (the post by its title, linked, where the viewer
// may see it) — each a table with its CSV and a sentence in words.
import { useTranslation } from "react-i18next";
import type { ModerationReport } from "../../api/moderationReport";
import { DataTable } from "../../components/DataTable";
import { useDates } from "../../components/formatDates";
import { useOrg } from "../../components/OrgLayout";
import { useReportFormat } from "./reportFormat";

type Props = { report: ModerationReport };
type CountRow = { key: string; name: string; current: number; previous: number };

function CountTable({
  caption,
  fileName,
  label,
  rows,
}: {
  caption: string;
  fileName: string;
  label: string;
  rows: CountRow[];
}) {
  const { t } = useTranslation();
  const format = useReportFormat();
  return (
    <DataTable
      caption={caption}
      fileName={fileName}
      rows={rows}
      rowKey={(r) => r.key}
      columns={[
        { label, value: (r) => r.name },
        { label: t("moderationReport.currentPeriod"), value: (r) => r.current },
        { label: t("moderationReport.previousPeriod"), value: (r) => r.previous },
        { label: t("moderationReport.change"), value: (r) => format.change(r.current, r.previous) },
      ]}
    />
  );
}

export function ActionTable({ report }: Props) {
  const { t } = useTranslation();
  if (report.byAction.length === 0) return null;
  return (
    <section aria-labelledby="by-action-heading">
      <h2 id="by-action-heading">{t("moderationReport.byAction")}</h2>
      <CountTable
        caption={t("moderationReport.byActionTable")}
        fileName="moderation-entscheidungen"
        label={t("moderationReport.actionColumn")}
        rows={report.byAction.map((a) => ({ key: a.action, name: t(`moderationReport.action.${a.action}`), ...a }))}
      />
    </section>
  );
}

export function AppealSection({ report }: Props) {
  const { t } = useTranslation();
  const format = useReportFormat();
  const { totals: now, previous: before } = report;
  const outcomes = [
    ["upheld", "appealsUpheld"],
    ["overturned", "appealsOverturned"],
    ["pending", "appealsPending"],
  ] as const;
  return (
    <section aria-labelledby="appeals-heading">
      <h2 id="appeals-heading">{t("moderationReport.appealsTitle")}</h2>
      <p>
        {now.appeals === 0
          ? t("moderationReport.appealsNone")
          : t("moderationReport.appealsSummary", {
              appeals: format.number(now.appeals),
              upheld: format.number(now.appealsUpheld),
              overturned: format.number(now.appealsOverturned),
              pending: format.number(now.appealsPending),
            })}
      </p>
      <CountTable
        caption={t("moderationReport.appealsTable")}
        fileName="moderation-einsprueche"
        label={t("moderationReport.outcome")}
        rows={[
          ...outcomes.map(([key, field]) => ({
            key,
            name: t(`moderationReport.${key}`),
            current: now[field],
            previous: before[field],
          })),
          { key: "all", name: t("moderationReport.appeals"), current: now.appeals, previous: before.appeals },
        ]}
      />
    </section>
  );
}

export function ThreatSection({ report }: Props) {
  const { t } = useTranslation();
  const { totals: now, previous: before } = report;
  return (
    <section aria-labelledby="threats-heading">
      <h2 id="threats-heading">{t("moderationReport.threatsTitle")}</h2>
      <p>{t("moderationReport.threatsNote")}</p>
      <CountTable
        caption={t("moderationReport.threatsTable")}
        fileName="moderation-drohungen"
        label={t("moderationReport.figure")}
        rows={(["threats", "evidencePackages", "flagged"] as const).map((key) => ({
          key,
          name: t(`moderationReport.${key}`),
          current: now[key],
          previous: before[key],
        }))}
      />
    </section>
  );
}

export function AlertSection({ report }: Props) {
  const { t } = useTranslation();
  const org = useOrg();
  const format = useReportFormat();
  const dates = useDates();
  const { totals: now, previous: before } = report;
  const open = report.alertList.filter((a) => a.outcome === "open").length;
  const outcome = (a: ModerationReport["alertList"][number]) => {
    if (a.outcome === "open") return t("moderationReport.alertOpen");
    const at = dates.format(a.acknowledgedAt, "dateTime");
    return t(
      a.outcome === "pre_moderated" ? "moderationReport.alertPreModerated" : "moderationReport.alertAcknowledged",
      {
        at,
      },
    );
  };
  return (
    <section aria-labelledby="alerts-heading">
      <h2 id="alerts-heading">{t("moderationReport.alertsTitle")}</h2>
      {now.alerts === 0 ? (
        <p>{t("moderationReport.alertsNone")}</p>
      ) : (
        <>
          <p>
            {t("moderationReport.alertsSummary", {
              count: format.number(now.alerts),
              change: format.change(now.alerts, before.alerts),
              open: format.number(open),
            })}
          </p>
          <DataTable
            caption={t("moderationReport.alertsTable")}
            fileName="moderation-shitstorm-warnungen"
            rows={report.alertList}
            rowKey={(a) => a.id}
            columns={[
              {
                label: t("moderationReport.alertWhen"),
                value: (a) =>
                  t("moderationReport.alertWindow", {
                    from: dates.format(a.windowStart, "dateTime"),
                    to: dates.format(a.windowEnd, "time"),
                  }),
              },
              { label: t("moderationReport.alertChannel"), value: (a) => a.channelName, text: true },
              {
                label: t("moderationReport.alertWhere"),
                // The post by its title where the viewer may see it (the server names no other), else in general.
                value: (a) =>
                  a.post
                    ? t("moderationReport.underPost", { title: a.post.title || t("reports.moodByPost.untitled") })
                    : t(a.onePost ? "moderationReport.onePost" : "moderationReport.wholeAccount"),
                link: (a) => (a.post ? `/o/${org.id}/publish/${a.post.id}` : null),
                text: true,
              },
              { label: t("moderationReport.alertOffensive"), value: (a) => a.offensive },
              { label: t("moderationReport.alertTotal"), value: (a) => a.total },
              { label: t("moderationReport.alertOutcome"), value: outcome, text: true },
            ]}
          />
          {now.alerts > report.alertList.length ? (
            <p className="muted">{t("moderationReport.alertListCapped")}</p>
          ) : null}
        </>
      )}
    </section>
  );
}
