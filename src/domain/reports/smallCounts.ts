// The "small counts" rule for every figure shown to the public: a count from 1 to 4 is never shown
// ("weniger als 5"), nor a median or share computed from fewer than 5 answers, so that no figure points at
// a few people. Where a row shows a total, a single hidden cell could be worked out as the total minus the
// others, so the next smallest cell is withheld as well. Pure.

/** Counts below this (and above zero) are not shown to the public. */
export const SMALL_COUNT = 5;

/**
 * A public figure: shown, "few" (fewer than 5 behind it), "withheld" (shown it would give a hidden one away)
 * or "none" (nothing to compute it from: a median of no answers).
 */
export type TPublicFigure =
  | { status: "shown"; value: number; atLeast?: boolean }
  | { status: "few" }
  | { status: "withheld" }
  | { status: "none" };

/** A count as the public sees it: zero is shown (it points at nobody), 1–4 are "few". */
export function publicCount(count: number): TPublicFigure {
  if (count > 0 && count < SMALL_COUNT) return { status: "few" };
  return { status: "shown", value: count };
}

/** A figure computed from `basis` items (a median, a share): none without any, "few" from fewer than 5. */
export function publicFigureOf(basis: number, value: () => { value: number; atLeast?: boolean } | null): TPublicFigure {
  if (basis <= 0) return { status: "none" };
  if (basis < SMALL_COUNT) return { status: "few" };
  const computed = value();
  if (!computed) return { status: "none" };
  return computed.atLeast
    ? { status: "shown", value: computed.value, atLeast: true }
    : { status: "shown", value: computed.value };
}

/** A share (0–1) of `part` in `whole`, shown only when the whole counts at least 5. */
export function publicShare(part: number, whole: number): TPublicFigure {
  return publicFigureOf(whole, () => ({ value: part / whole }));
}

/**
 * A row of counts with its total, each by the small-counts rule. When exactly one cell is "few" and the total
 * is shown, the smallest other non-zero cell is withheld, so that no subtraction recovers the few.
 */
export function publicRow(counts: readonly number[]): { cells: TPublicFigure[]; total: TPublicFigure } {
  const cells = counts.map(publicCount);
  const total = publicCount(counts.reduce((sum, n) => sum + n, 0));
  const few = cells.filter((cell) => cell.status === "few").length;
  if (few === 1 && total.status === "shown") {
    let smallest = -1;
    cells.forEach((cell, i) => {
      if (cell.status !== "shown" || cell.value === 0) return;
      const best = cells[smallest];
      if (smallest < 0 || (best?.status === "shown" && cell.value < best.value)) smallest = i;
    });
    if (smallest >= 0) cells[smallest] = { status: "withheld" };
  }
  return { cells, total };
}
