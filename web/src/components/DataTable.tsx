// A table of figures with a caption and a CSV download of exactly what it shows. The CSV is made for
// German spreadsheets: semicolons, decimal commas in German, UTF-8 with a byte order mark.
// Every row is on the page — no box of fixed height that ends mid-row: a long table shows its first rows and
// a button for the rest (a disclosure; print shows them all). A table wider than the window scrolls sideways
// in a labelled region that takes the keyboard focus (BITV/WCAG 1.4.10, 2.1.1), with a shadow at the edge
// where more columns follow. Text columns are left-aligned, figures right-aligned in tabular numerals.
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { formatLocale } from "../i18n";

/** A table longer than this shows its first FOLDED_ROWS rows and a button for all. */
const FOLD_ABOVE = 12;
const FOLDED_ROWS = 10;

export interface Column<R> {
  label: string;
  /** The cell: text, or a number shown in the UI language's format. */
  value: (row: R) => string | number | null;
  /** A number as a share (0.25 → 25 %). */
  share?: boolean;
  /** Words, not a figure (a channel's name, an outcome): left-aligned. Figures, durations and dates are right-aligned. */
  text?: boolean;
  /** Where the cell leads (a post, say), or null for a plain cell; the CSV holds the text only. */
  link?: (row: R) => string | null;
}

export function DataTable<R>({
  caption,
  columns,
  rows,
  rowKey,
  fileName,
}: {
  caption: string;
  columns: Column<R>[];
  rows: R[];
  rowKey: (row: R) => string;
  fileName: string;
}) {
  const { t, i18n } = useTranslation();
  const bodyId = useId();
  const [unfolded, setUnfolded] = useState(false);
  const foldable = rows.length > FOLD_ABOVE;
  const locale = formatLocale(i18n.language);
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const percent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 });
  const text = (column: Column<R>, row: R) => {
    const value = column.value(row);
    if (value === null) return "–";
    if (typeof value === "string") return value;
    return column.share ? percent.format(value) : number.format(value);
  };
  const download = () => {
    const cell = (value: string) => (/[";\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
    const plain = new Intl.NumberFormat(locale, { maximumFractionDigits: 4, useGrouping: false });
    const csvValue = (column: Column<R>, row: R) => {
      const value = column.value(row);
      if (value === null) return "";
      if (typeof value === "string") return value;
      return plain.format(column.share ? value * 100 : value);
    };
    const lines = [
      columns.map((c) => cell(c.share ? `${c.label} (%)` : c.label)).join(";"),
      ...rows.map((row) => columns.map((c) => cell(csvValue(c, row))).join(";")),
    ];
    const blob = new Blob([`\uFEFF${lines.join("\r\n")}\r\n`], { type: "text/csv;charset=utf-8" });
    const link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = `${fileName}.csv`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  };
  const [first, ...rest] = columns;
  const align = (column: Column<R>) => (column.text ? undefined : "number");
  const content = (column: Column<R>, row: R) => {
    const to = column.link?.(row) ?? null;
    return to === null ? text(column, row) : <Link to={to}>{text(column, row)}</Link>;
  };
  return (
    <div className={foldable && !unfolded ? "data-table folded" : "data-table"}>
      <div className="table-scroll" tabIndex={0} role="region" aria-label={caption}>
        <table>
          <caption>{caption}</caption>
          <thead>
            <tr>
              {columns.map((c, i) => (
                <th key={c.label} scope="col" className={i === 0 ? undefined : align(c)}>
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody id={bodyId}>
            {rows.map((row, i) => (
              <tr key={rowKey(row)} className={foldable && i >= FOLDED_ROWS ? "foldable" : undefined}>
                {first ? <th scope="row">{content(first, row)}</th> : null}
                {rest.map((c) => (
                  <td key={c.label} className={align(c)}>
                    {content(c, row)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="data-table-actions">
        {foldable ? (
          <button
            type="button"
            className="link-button"
            aria-expanded={unfolded}
            aria-controls={bodyId}
            onClick={() => setUnfolded(!unfolded)}
          >
            {unfolded ? t("reports.fewerRows", { count: FOLDED_ROWS }) : t("reports.allRows", { count: rows.length })}
          </button>
        ) : null}
        <button type="button" className="link-button" onClick={download}>
          {t("reports.csv", { table: caption })}
        </button>
      </p>
    </div>
  );
}
