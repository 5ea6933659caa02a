// The response rollup rows of a report's two periods, summed by the database: per period, and for each step,
// channel account and department from response_daily_totals (a row per day and pair, whoever answered); per
// person from response_monthly_rollups for the whole months and response_daily_rollups for the days at the
// edges (migration 0052 keeps both sums of the daily rows) — histograms bucket by bucket, so a year of answers
// arrives as a few hundred rows. With a campaign or post filter the chosen conversations are summed the same way
// instead (responseByPost.ts).
import { type SQL, and, between, sql } from "drizzle-orm";
import { rowsOf } from "../../db/queries/rows.js";
import { responseDailyRollups, responseDailyTotals, responseMonthlyRollups } from "../../db/schema/index.js";
import { RESPONSE_BUCKETS } from "../../domain/reports/responseHistogram.js";
import { type DayRange, wholeMonthsOf } from "../../domain/reports/wholeMonths.js";
import type { AppContext } from "../context.js";
import { type ChosenConversation, chosenConversationSums } from "./responseByPost.js";
import type { ReportScope } from "./reportScope.js";
import type { SumGrouping, SummedResponseRow } from "./summedResponseRow.js";

type Dimension = Exclude<SumGrouping, "all">;

interface SqlRow {
  current: boolean;
  by: SumGrouping;
  step: string | null;
  channel: string | null;
  department: string | null;
  person: string | null;
  answered: number;
  with_target: number;
  within_target: number;
  asked_again: number;
  business_ms_sum: number;
  histogram: number[];
  resolved: number;
  resolution_business_ms_sum: number;
  resolution_histogram: number[];
}

const bucketSums = (column: string) =>
  sql.raw(
    `array[${Array.from({ length: RESPONSE_BUCKETS }, (_, i) => `coalesce(sum(x.${column}[${i + 1}]), 0)::int`).join(", ")}]`,
  );

/** The figures' columns of a rollup table (all three have the same). */
const figuresOf = (t: typeof responseDailyTotals | typeof responseMonthlyRollups | typeof responseDailyRollups) =>
  sql`${t.answered} as answered, ${t.withTarget} as with_target, ${t.withinTarget} as within_target,
      ${t.askedAgain} as asked_again, ${t.businessMsSum} as business_ms_sum, ${t.histogram} as histogram,
      ${t.resolved} as resolved, ${t.resolutionBusinessMsSum} as resolution_business_ms_sum,
      ${t.resolutionHistogram} as resolution_histogram`;

/** `chosen`: the conversations of the chosen campaign or posts (null: none chosen, the rollups are read). */
export async function summedResponseRollups(
  ctx: AppContext,
  scope: ReportScope,
  chosen: readonly ChosenConversation[] | null,
): Promise<SummedResponseRow[]> {
  const { period } = scope;
  const current = { from: period.from, to: period.to };
  const previous = { from: period.previousFrom, to: period.previousTo };
  // The chosen conversations are few (a marathon's 5,000): read once and summed in responseByPost.ts.
  if (chosen) return chosenConversationSums(scope, chosen);
  const parts = [
    sums(ctx, scope, { rows: dailyTotals(scope, current), current: true, by: ["step", "channel", "department"] }),
    sums(ctx, scope, { rows: dailyTotals(scope, previous), current: false, by: [] }),
    sums(ctx, scope, { rows: peopleRows(scope, current), current: true, by: ["person"], withoutAll: true }),
  ];
  return (await Promise.all(parts)).flat().map(presentRow);
}

function dailyTotals(scope: ReportScope, days: DayRange): SQL {
  const t = responseDailyTotals;
  return sql`select ${t.day} as day, ${t.channelAccountId} as channel_account_id, ${t.departmentId} as department_id,
                    null::uuid as responder_user_id, ${figuresOf(t)}
               from ${t} where ${and(scope.within(t), between(t.day, days.from, days.to))}`;
}

/** Whole months from the monthly rollup, the days at the edges from the daily one (the day column unused). */
function peopleRows(scope: ReportScope, period: DayRange): SQL {
  const { months, days } = wholeMonthsOf(period);
  const m = responseMonthlyRollups;
  const d = responseDailyRollups;
  const parts = days.map(
    (range) =>
      sql`select ${d.day} as day, ${d.channelAccountId} as channel_account_id, ${d.departmentId} as department_id,
                 ${d.responderUserId} as responder_user_id, ${figuresOf(d)}
            from ${d} where ${and(scope.within(d), between(d.day, range.from, range.to))}`,
  );
  if (months)
    parts.push(sql`select ${m.month} as day, ${m.channelAccountId} as channel_account_id,
                          ${m.departmentId} as department_id, ${m.responderUserId} as responder_user_id, ${figuresOf(m)}
                     from ${m} where ${and(scope.within(m), between(m.month, months.from, months.to))}`);
  return sql.join(parts, sql` union all `);
}

/**
 * Sums of rollup-shaped rows (day, channel account, department, person and the figures) for the whole period
 * and, unless `withoutAll`, by each of `by` (grouping sets).
 */
async function sums(
  ctx: AppContext,
  scope: ReportScope,
  args: { rows: SQL; current: boolean; by: Dimension[]; withoutAll?: boolean },
): Promise<SqlRow[]> {
  const { by, current } = args;
  const column = { step: "x.step", channel: "x.channel", department: "x.department", person: "x.person" };
  const sets = [...(args.withoutAll ? [] : ["(x.current)"]), ...by.map((d) => `(x.current, ${column[d]})`)];
  const grouping = by.length
    ? `case ${by.map((d) => `when grouping(${column[d]}) = 0 then '${d}'`).join(" ")} else 'all' end`
    : `'all'`;
  // A column grouped in no set cannot be selected: those not asked for are null.
  const picked = (Object.keys(column) as Dimension[])
    .map((d) => `${by.includes(d) ? column[d] : "null::text"} as ${d}`)
    .join(", ");
  const step = scope.period.step === "week" ? sql`date_trunc('week', r.day)::date` : sql`r.day`;
  const key = (d: Dimension, expression: SQL) => (by.includes(d) ? sql`(${expression})::text` : sql`null::text`);
  // Summed by all the keys asked for first (a year of days and pairs into weeks and pairs), then by each
  // grouping set: every set reads the few pre-summed rows, not the table's.
  const figures = sql`sum(x.answered)::int as answered, sum(x.with_target)::int as with_target,
             sum(x.within_target)::int as within_target, sum(x.asked_again)::int as asked_again,
             sum(x.business_ms_sum)::float8 as business_ms_sum, ${bucketSums("histogram")} as histogram,
             sum(x.resolved)::int as resolved, sum(x.resolution_business_ms_sum)::float8 as resolution_business_ms_sum,
             ${bucketSums("resolution_histogram")} as resolution_histogram`;
  return rowsOf<SqlRow>(
    await ctx.db.execute(sql`
      select x.current, ${sql.raw(grouping)} as by, ${sql.raw(picked)}, ${figures}
        from (select x.current, x.step, x.channel, x.department, x.person, ${figures}
                from (select ${sql.raw(current ? "true" : "false")} as current, ${key("step", step)} as step,
                             ${key("channel", sql`r.channel_account_id`)} as channel,
                             ${key("department", sql`r.department_id`)} as department,
                             ${key("person", sql`r.responder_user_id`)} as person, r.answered, r.with_target,
                             r.within_target, r.asked_again, r.business_ms_sum, r.histogram, r.resolved,
                             r.resolution_business_ms_sum, r.resolution_histogram
                        from (${args.rows}) as r) as x
               group by 1, 2, 3, 4, 5) as x
       group by grouping sets (${sql.raw(sets.join(", "))})`),
  );
}

function presentRow(row: SqlRow): SummedResponseRow {
  const by = row.by;
  return {
    current: row.current,
    by,
    key: by === "all" ? null : row[by],
    answers: {
      answered: row.answered,
      withTarget: row.with_target,
      withinTarget: row.within_target,
      askedAgain: row.asked_again,
      msSum: Number(row.business_ms_sum),
      histogram: row.histogram.map(Number),
    },
    resolution: {
      resolved: row.resolved,
      msSum: Number(row.resolution_business_ms_sum),
      histogram: row.resolution_histogram.map(Number),
    },
  };
}
