// A table of figures with a caption and a CSV download of exactly what it shows. The CSV is made for
// German spreadsheets: semicolons, decimal commas in German, UTF-8 with a byte order mark.
import { useTranslation } from "react-i18next";
import { formatLocale } from "../i18n";

export interface Column<R> {
  label: string;
  /** The cell: text, or a number shown in the UI language's format. */
  value: (row: R) => string | number | null;
  /** A number as a share (0.25 → 25 %). */
  share?: boolean;
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
  return (
    <div className="data-table">
      <div className="table-scroll" tabIndex={0} role="region" aria-label={caption}>
        <table>
          <caption>{caption}</caption>
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c.label} scope="col">
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={rowKey(row)}>
                {first ? <th scope="row">{text(first, row)}</th> : null}
                {rest.map((c) => (
                  <td key={c.label} className="number">
                    {text(c, row)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <button type="button" className="link-button" onClick={download}>
        {t("reports.csv", { table: caption })}
      </button>
    </div>
  );
}
