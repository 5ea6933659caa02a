// The response rollup rows of a report's two periods, summed by the database in one pass: per period, and
// for each step, channel account, department and person (grouping sets), histograms bucket by bucket — so a
// year of answers arrives as a few hundred rows, not one per day, channel, department and person.
import { type SQL, and, between, sql } from "drizzle-orm";
import { rowsOf } from "../../db/queries/rows.js";
import { responseDailyRollups as r } from "../../db/schema/index.js";
import { RESPONSE_BUCKETS, type ResolutionTally, type ResponseTally } from "../../domain/reports/responseHistogram.js";
import type { AppContext } from "../context.js";
import type { ReportScope } from "./reportScope.js";

export type SumGrouping = "all" | "step" | "channel" | "department" | "person";

export interface SummedResponseRow {
  /** In the period asked for (else in the one before). */
  current: boolean;
  by: SumGrouping;
  /** The step's first day, the channel account, department or person; null for "all" (and no department/person). */
  key: string | null;
  answers: ResponseTally;
  resolution: ResolutionTally;
}

interface SqlRow {
  current: boolean;
  step: string | null;
  channel: string | null;
  department: string | null;
  person: string | null;
  g_step: number;
  g_channel: number;
  g_department: number;
  g_person: number;
  answered: number;
  with_target: number;
  within_target: number;
  asked_again: number;
  ms: number;
  histogram: number[];
  resolved: number;
  resolution_ms: number;
  resolution_histogram: number[];
}

const bucketSums = (column: string) =>
  sql.raw(
    `array[${Array.from({ length: RESPONSE_BUCKETS }, (_, i) => `coalesce(sum(x.${column}[${i + 1}]), 0)::int`).join(", ")}]`,
  );

export async function summedResponseRollups(ctx: AppContext, scope: ReportScope): Promise<SummedResponseRow[]> {
  const [current, previous] = await Promise.all([sums(ctx, scope, true), sums(ctx, scope, false)]);
  return [
    ...current.map(presentRow),
    ...previous.map((row) => ({ ...presentRow(row), by: "all" as const, key: null })),
  ];
}

async function sums(ctx: AppContext, scope: ReportScope, current: boolean): Promise<SqlRow[]> {
  const { period } = scope;
  const step = period.step === "week" ? sql`date_trunc('week', ${r.day})::date` : sql`${r.day}`;
  const days = current
    ? between(r.day, period.from, period.to)
    : between(r.day, period.previousFrom, period.previousTo);
  // The period before only gives its totals: its rows stay out of the other groupings (half the work).
  const sets = current
    ? sql`grouping sets ((x.current), (x.current, x.step), (x.current, x.channel), (x.current, x.department),
                         (x.current, x.person))`
    : sql`x.current, x.step, x.channel, x.department, x.person`;
  const key = (column: SQL) => (current ? sql`${column}::text` : sql`null::text`);
  return rowsOf<SqlRow>(
    await ctx.db.execute(sql`
      select x.current, x.step, x.channel, x.department, x.person,
             grouping(x.step) as g_step, grouping(x.channel) as g_channel, grouping(x.department) as g_department,
             grouping(x.person) as g_person,
             sum(x.answered)::int as answered, sum(x.with_target)::int as with_target,
             sum(x.within_target)::int as within_target, sum(x.asked_again)::int as asked_again,
             sum(x.business_ms_sum)::float8 as ms, ${bucketSums("histogram")} as histogram,
             sum(x.resolved)::int as resolved, sum(x.resolution_ms)::float8 as resolution_ms,
             ${bucketSums("resolution_histogram")} as resolution_histogram
        from (select ${sql.raw(current ? "true" : "false")} as current, ${key(step)} as step,
                     ${key(sql`${r.channelAccountId}`)} as channel, ${key(sql`${r.departmentId}`)} as department,
                     ${key(sql`${r.responderUserId}`)} as person, ${r.answered} as answered,
                     ${r.withTarget} as with_target, ${r.withinTarget} as within_target, ${r.askedAgain} as asked_again,
                     ${r.businessMsSum} as business_ms_sum, ${r.histogram} as histogram, ${r.resolved} as resolved,
                     ${r.resolutionBusinessMsSum} as resolution_ms, ${r.resolutionHistogram} as resolution_histogram
                from ${r} where ${and(scope.within(r), days)}) as x
       group by ${sets}`),
  );
}

function presentRow(row: SqlRow): SummedResponseRow {
  const by = groupingOf(row);
  return {
    current: row.current,
    by,
    key: by === "all" ? null : row[by],
    answers: {
      answered: row.answered,
      withTarget: row.with_target,
      withinTarget: row.within_target,
      askedAgain: row.asked_again,
      msSum: Number(row.ms),
      histogram: row.histogram.map(Number),
    },
    resolution: {
      resolved: row.resolved,
      msSum: Number(row.resolution_ms),
      histogram: row.resolution_histogram.map(Number),
    },
  };
}

/** Which grouping set a row belongs to (the one column that is grouped, not rolled up). */
function groupingOf(row: SqlRow): SumGrouping {
  if (row.g_step === 0) return "step";
  if (row.g_channel === 0) return "channel";
  if (row.g_department === 0) return "department";
  if (row.g_person === 0) return "person";
  return "all";
}
