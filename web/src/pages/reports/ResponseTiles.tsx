// The Antwortzeiten report's key figures against the period before: first answers (how many, median,
// 90th percentile, within the target), resolution (how many closed, median and 90th percentile to the closing),
// and what waits right now.
import { useTranslation } from "react-i18next";
import type { ResponseFigures, ResponseReport } from "../../api/reports";
import { shareOf, useReportFormat } from "./reportFormat";

interface Tile {
  label: string;
  value: string;
  was: string;
}

function Tiles({ label, tiles }: { label: string; tiles: Tile[] }) {
  return (
    <dl className="figures" aria-label={label}>
      {tiles.map((tile) => (
        <div key={tile.label}>
          <dt>{tile.label}</dt>
          <dd>
            <span className="figure">{tile.value}</span> <span className="muted">{tile.was}</span>
          </dd>
        </div>
      ))}
    </dl>
  );
}

export function ResponseTiles({ report }: { report: ResponseReport }) {
  const { t } = useTranslation();
  const format = useReportFormat();
  const { totals: now, previous: before } = report;
  const within = (f: ResponseFigures) => shareOf(f.withinTarget, f.withTarget);
  const was = (value: string) => t("reports.previousValue", { value });
  const answers: Tile[] = [
    {
      label: t("reports.answered"),
      value: format.number(now.answered),
      was: t("reports.againstPrevious", { change: format.change(now.answered, before.answered) }),
    },
    {
      label: t("reports.median"),
      value: format.duration(now.medianMs, now.medianAtLeast),
      was: was(format.duration(before.medianMs, before.medianAtLeast)),
    },
    {
      label: t("reports.p90"),
      value: format.duration(now.p90Ms, now.p90AtLeast),
      was: was(format.duration(before.p90Ms, before.p90AtLeast)),
    },
    { label: t("reports.withinTarget"), value: format.percent(within(now)), was: was(format.percent(within(before))) },
  ];
  const r = now.resolution;
  const rBefore = before.resolution;
  const resolution: Tile[] = [
    {
      label: t("reports.resolution.resolved"),
      value: format.number(r.resolved),
      was: t("reports.againstPrevious", { change: format.change(r.resolved, rBefore.resolved) }),
    },
    {
      label: t("reports.resolution.median"),
      value: format.duration(r.medianMs, r.medianAtLeast),
      was: was(format.duration(rBefore.medianMs, rBefore.medianAtLeast)),
    },
    {
      label: t("reports.resolution.p90"),
      value: format.duration(r.p90Ms, r.p90AtLeast),
      was: was(format.duration(rBefore.p90Ms, rBefore.p90AtLeast)),
    },
  ];
  return (
    <>
      <Tiles label={t("reports.resolution.firstAnswerFigures")} tiles={answers} />
      <Tiles label={t("reports.resolution.figures")} tiles={resolution} />
      <p>
        {t("reports.waitingNow", { count: report.waitingNow, waiting: report.waitingNow, overdue: report.overdueNow })}
      </p>
    </>
  );
}
