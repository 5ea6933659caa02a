// Numbers of the reports in words people read: shares in percent, changes against the period before,
// business time in hours and minutes, steps as dates — in the UI language's format.
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { formatLocale } from "../../i18n";
import { formatPlainDate } from "../../components/formatDates";

export const shareOf = (part: number, total: number): number | null => (total > 0 ? part / total : null);

export function useReportFormat() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(() => {
    const locale = formatLocale(language);
    const percent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 });
    const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
    const points = new Intl.NumberFormat(locale, { maximumFractionDigits: 1, signDisplay: "exceptZero" });
    const list = new Intl.ListFormat(locale, { type: "conjunction" });
    return {
      number: (n: number) => number.format(n),
      /** Names in a sentence: "A, B und C". */
      list: (items: string[]) => list.format(items),
      percent: (share: number | null) => (share === null ? "–" : percent.format(share)),
      /** Change of a count against the period before: "+25 %", or "neu" when there was nothing. */
      change: (current: number, previous: number) => {
        if (current === previous) return t("reports.unchanged");
        if (previous === 0) return t("reports.new");
        return new Intl.NumberFormat(locale, {
          style: "percent",
          maximumFractionDigits: 0,
          signDisplay: "exceptZero",
        }).format((current - previous) / previous);
      },
      /** Change of a share in percentage points: "+12,5 Prozentpunkte". */
      pointsChange: (current: number | null, previous: number | null) =>
        current === null || previous === null
          ? "–"
          : t("reports.points", { value: points.format((current - previous) * 100) }),
      /** Business time: "45 Min.", "3 Std. 10 Min."; "mehr als …" for a lower bound. */
      duration: (ms: number | null, atLeast = false) => {
        if (ms === null) return "–";
        const minutes = Math.round(ms / 60_000);
        const text =
          minutes < 60
            ? t("reports.minutes", { count: minutes })
            : t("reports.hoursMinutes", { hours: Math.floor(minutes / 60), minutes: minutes % 60 });
        return atLeast ? t("reports.atLeast", { value: text }) : text;
      },
      day: (date: string) => formatPlainDate(date, language, { dateStyle: "medium" }),
      /** A chart step: "01.12." for a day, "ab 30.11." for a week. */
      step: (start: string, step: "day" | "week") => {
        const short = formatPlainDate(start, language, { day: "2-digit", month: "2-digit" });
        return step === "week" ? t("reports.weekFrom", { date: short }) : short;
      },
    };
  }, [language, t]);
}
