import { describe, expect, it } from "vitest";
import { emptyHistogram, responseBucketOf } from "./responseHistogram.js";
import {
  type DecisionRecord,
  type ResponseRow,
  appealFigures,
  appealOutcome,
  moderationByClause,
  transparencyPeriod,
  transparencyResponses,
} from "./transparency.js";

const MINUTE = 60_000;

/** One rollup row holding answers that took the given business minutes, `within` of them inside the target. */
function row(day: string, channelAccountId: string, minutes: number[], within = minutes.length): ResponseRow {
  const histogram = emptyHistogram();
  for (const m of minutes) {
    const bucket = responseBucketOf(m * MINUTE);
    histogram[bucket] = (histogram[bucket] ?? 0) + 1;
  }
  return {
    day,
    channelAccountId,
    answered: minutes.length,
    withTarget: minutes.length,
    withinTarget: within,
    histogram,
  };
}

// Sunday 6 December 2026: the last complete week ran from Monday 23 to Sunday 29 November.
const period = transparencyPeriod("2026-12-06");

describe("the transparency page's weeks", () => {
  it("covers the 12 complete weeks before the running one, Monday to Sunday", () => {
    expect(period.weeks).toHaveLength(12);
    expect(period.from).toBe("2026-09-07");
    expect(period.weeks.at(-1)).toBe("2026-11-23");
    expect(period.to).toBe("2026-11-29");
    // On a Monday the week just begun is left out as well.
    expect(transparencyPeriod("2026-11-30").to).toBe("2026-11-29");
  });

  it("gives each week's median and share within target per channel and overall, hiding figures of fewer than 5", () => {
    const rows = [
      // Week of 23 November: the website answered 6 times (10 to 60 minutes, one late), Mastodon twice.
      row("2026-11-23", "web", [10, 20, 25]),
      row("2026-11-27", "web", [35, 40, 60], 2),
      row("2026-11-24", "masto", [5, 7]),
      // Outside the period: the running week and a day before it.
      row("2026-11-30", "web", [1, 1, 1, 1, 1]),
      row("2026-09-06", "masto", [1, 1, 1, 1, 1]),
    ];
    const figures = transparencyResponses(period, rows);
    expect(figures.channelIds).toEqual(["web", "masto"]);
    const last = figures.weeks.at(-1);
    expect(last).toMatchObject({ start: "2026-11-23", end: "2026-11-29" });
    const [web, masto] = last?.byChannel ?? [];
    // True median of 10, 20, 25, 35, 40, 60 lies between 25 and 35 minutes: read from the [20, 30) and [30, 45) buckets.
    expect(web?.medianMs.status).toBe("shown");
    const median = web?.medianMs.status === "shown" ? web.medianMs.value : 0;
    expect(median).toBeGreaterThanOrEqual(20 * MINUTE);
    expect(median).toBeLessThan(45 * MINUTE);
    expect(web?.withinTarget).toEqual({ status: "shown", value: 5 / 6 });
    // Mastodon's 2 answers: count, median and share hidden; the website's count withheld, or 8 − 6 would tell.
    expect(masto).toEqual({
      answered: { status: "few" },
      medianMs: { status: "few" },
      withinTarget: { status: "few" },
    });
    expect(web?.answered).toEqual({ status: "withheld" });
    expect(last?.overall).toMatchObject({
      answered: { status: "shown", value: 8 },
      withinTarget: { status: "shown", value: 7 / 8 },
    });
    // A week without answers: counts of zero, no median.
    expect(figures.weeks[0]?.overall).toEqual({
      answered: { status: "shown", value: 0 },
      medianMs: { status: "none" },
      withinTarget: { status: "none" },
    });
    // The 12 weeks together: the website's 6 answers suffice, Mastodon's 2 do not.
    expect(figures.byChannel[0]?.withinTarget).toEqual({ status: "shown", value: 5 / 6 });
    expect(figures.byChannel[1]?.medianMs).toEqual({ status: "few" });
  });
});

const record = (over: Partial<DecisionRecord> & Pick<DecisionRecord, "caseId">): DecisionRecord => ({
  kind: "decision",
  action: "hide",
  clause: 3,
  day: "2026-11-10",
  at: Date.parse("2026-11-10T10:00:00Z"),
  ...over,
});

describe("the transparency page's moderation figures", () => {
  it("counts the period's decisions by clause and public kind, hiding small counts", () => {
    const records = [
      ...Array.from({ length: 6 }, (_, i) => record({ caseId: `h${i}` })),
      record({ caseId: "d1", action: "delete" }),
      record({ caseId: "w1", action: "warn", clause: 5 }),
      record({ caseId: "e1", action: "escalate", clause: 5 }),
      record({ caseId: "old", day: "2026-09-06" }),
      record({ caseId: "x", kind: "appeal", action: null, clause: null }),
    ];
    const clauses = moderationByClause(period, records);
    expect(clauses.map((c) => c.clause)).toEqual([3, 5]);
    expect(clauses[0]).toEqual({
      clause: 3,
      cells: [{ status: "withheld" }, { status: "few" }, { status: "shown", value: 0 }, { status: "shown", value: 0 }],
      total: { status: "shown", value: 7 },
    });
    expect(clauses[1]?.total).toEqual({ status: "few" });
  });

  it("tells an objection's outcome from the next decision on its case", () => {
    const at = (hour: number) => Date.parse(`2026-11-10T${String(hour).padStart(2, "0")}:00:00Z`);
    const hidden = record({ caseId: "c", at: at(8) });
    const appeal = record({ caseId: "c", kind: "appeal", action: null, clause: null, at: at(9) });
    expect(appealOutcome(appeal, [hidden, appeal])).toBe("open");
    expect(appealOutcome(appeal, [hidden, appeal, record({ caseId: "c", action: "approve", at: at(10) })])).toBe(
      "changed",
    );
    expect(appealOutcome(appeal, [hidden, appeal, record({ caseId: "c", action: "mute", at: at(10) })])).toBe("upheld");
    const many = Array.from({ length: 6 }, (_, i) => [
      record({ caseId: `a${i}`, at: at(8) }),
      record({ caseId: `a${i}`, kind: "appeal", action: null, clause: null, at: at(9) }),
      record({ caseId: `a${i}`, action: i < 5 ? "hide" : "approve", at: at(10) }),
    ]).flat();
    expect(appealFigures(period, many)).toEqual({
      cells: [{ status: "few" }, { status: "withheld" }, { status: "shown", value: 0 }],
      total: { status: "shown", value: 6 },
    });
  });
});
