// Room for a chart's legend: ECharts places the legend (top, centred) and the y-axis name (above the axis) each on
// its own, so on a narrow chart a legend that fills the width or wraps onto a second row covers the axis name.
// The legend's rows are counted here from the widths of its names, as ECharts lays them out, and the plot
// starts below them with room for the axis name.

/** ECharts' legend defaults: symbol width, gap from symbol to text, gap between items and rows, padding. */
const ICON = 25;
const ICON_TEXT_GAP = 5;
const GAP = 10;
const PADDING = 5;
/** A row's height: the symbol's 14 px, or a line of 12 px text. */
const ROW = 16;
/** Above the plot, below the legend: the axis name (12 px text) and its distance from the axis (15 px). */
const AXIS_NAME_ROOM = 34;

/** How many rows the legend takes for names of these widths (px) in a chart this wide. */
export function legendRows(textWidths: number[], chartWidth: number): number {
  const available = chartWidth - 2 * PADDING;
  let rows = textWidths.length > 0 ? 1 : 0;
  let x = 0;
  for (const text of textWidths) {
    const item = ICON + ICON_TEXT_GAP + text;
    if (x > 0 && x + item > available) {
      rows += 1;
      x = 0;
    }
    x += item + GAP;
  }
  return rows;
}

/** Where the plot begins: below the legend's rows and the axis name above the plot. */
export function plotTop(rows: number): number {
  const legend = rows > 0 ? 2 * PADDING + rows * ROW + (rows - 1) * GAP : 0;
  return legend + AXIS_NAME_ROOM;
}
