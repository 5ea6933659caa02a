// Antwortzeiten: first answers in business hours in a period and the one before — median and 90th
// percentile read from the rollups' histograms, the share sent within the running target, answers to
// citizens who had asked again — over time, per channel account, department and person, and what waits
// right now. Per person everyone only for those who may see the members; others see their own line.
import { and, eq, inArray, sql } from "drizzle-orm";
import type { z } from "zod";
import { conversations, responseDailyRollups as r, users } from "../../db/schema/index.js";
import type { ZResponseFigures, ZResponseReport } from "../../contract/reports.js";
import { authorize, inOrganisation } from "../../domain/policy.js";
import {
  RESPONSE_BUCKETS,
  addHistogram,
  emptyHistogram,
  histogramQuantile,
} from "../../domain/reports/responseHistogram.js";
import { stepStart, stepsOf } from "../../domain/reports/reportPeriod.js";
import type { OrgActor } from "../authorization.js";
import type { AppContext } from "../context.js";
import { rowsOf } from "../../db/queries/rows.js";
import { visibleConversations } from "../inbox/conversationAccess.js";
import { type ReportScope, openReportScope } from "./reportScope.js";

type Figures = z.output<typeof ZResponseFigures>;
interface Tally {
  answered: number;
  withTarget: number;
  withinTarget: number;
  askedAgain: number;
  msSum: number;
  histogram: number[];
}

const emptyTally = (): Tally => ({
  answered: 0,
  withTarget: 0,
  withinTarget: 0,
  askedAgain: 0,
  msSum: 0,
  histogram: emptyHistogram(),
});

function add(into: Tally, row: Tally): void {
  into.answered += row.answered;
  into.withTarget += row.withTarget;
  into.withinTarget += row.withinTarget;
  into.askedAgain += row.askedAgain;
  into.msSum += row.msSum;
  addHistogram(into.histogram, row.histogram);
}

function figuresOf(t: Tally): Figures {
  const median = histogramQuantile(t.histogram, 0.5);
  const p90 = histogramQuantile(t.histogram, 0.9);
  return {
    answered: t.answered,
    withTarget: t.withTarget,
    withinTarget: t.withinTarget,
    askedAgain: t.askedAgain,
    medianMs: median?.ms ?? null,
    p90Ms: p90?.ms ?? null,
    medianAtLeast: median?.atLeast ?? false,
    p90AtLeast: p90?.atLeast ?? false,
    meanMs: t.answered > 0 ? Math.round(t.msSum / t.answered) : null,
  };
}

function tallyIn<K>(map: Map<K, Tally>, key: K): Tally {
  let tally = map.get(key);
  if (!tally) map.set(key, (tally = emptyTally()));
  return tally;
}

export async function getResponseReport(
  ctx: AppContext,
  options: { actor: OrgActor; orgId: string; query: unknown },
): Promise<z.input<typeof ZResponseReport>> {
  const scope = await openReportScope(ctx, options);
  const { period } = scope;
  const seesEveryone = authorize({
    actor: options.actor,
    action: "member.view",
    resource: inOrganisation(options.orgId),
    now: ctx.clock(),
  }).allowed;
  const now = ctx.clock().toISOString();
  const [rows, waiting] = await Promise.all([
    summedRollups(ctx, scope),
    ctx.db
      .select({
        waiting: sql<number>`count(*)::int`,
        overdue: sql<number>`(count(*) filter (where ${conversations.responseDueAt} <= ${now}::timestamptz))::int`,
      })
      .from(conversations)
      .where(
        and(
          eq(conversations.orgId, options.orgId),
          inArray(conversations.status, ["new", "open"]),
          sql`${conversations.waitingSince} is not null`,
          visibleConversations(options.actor),
          scope.within(conversations),
        ),
      ),
  ]);
  const firstStep = stepStart(period.from, period.step);
  const totals = emptyTally();
  const previous = emptyTally();
  const steps = new Map(stepsOf(period).map((start) => [start, emptyTally()]));
  const channels = new Map<string, Tally>();
  const teams = new Map<string | null, Tally>();
  const people = new Map<string | null, Tally>();
  for (const row of rows) {
    if (!row.current) {
      if (row.by === "all") add(previous, row);
      continue;
    }
    if (row.by === "all") add(totals, row);
    else if (row.by === "step") {
      const step = steps.get(row.key ?? "");
      if (step) add(step, row);
    } else if (row.by === "channel" && row.key) add(tallyIn(channels, row.key), row);
    else if (row.by === "department") add(tallyIn(teams, row.key), row);
    else if (row.by === "person" && (seesEveryone || row.key === options.actor.userId))
      add(tallyIn(people, row.key), row);
  }
  const names = people.size
    ? await ctx.db
        .select({ id: users.id, name: users.name })
        .from(users)
        .where(
          inArray(
            users.id,
            [...people.keys()].filter((id): id is string => id !== null),
          ),
        )
    : [];
  const nameOf = new Map(names.map((u) => [u.id, u.name]));
  const byAnswers = (a: { current: Figures }, b: { current: Figures }) => b.current.answered - a.current.answered;
  return {
    period,
    choices: scope.choices,
    totals: figuresOf(totals),
    previous: figuresOf(previous),
    series: [...steps.entries()]
      .filter(([start]) => start >= firstStep)
      .map(([start, t]) => ({ start, figures: figuresOf(t) })),
    byChannel: [...channels.entries()]
      .map(([id, t]) => ({
        channelAccountId: id,
        name: scope.channelNames.get(id)?.name ?? "",
        network: scope.channelNames.get(id)?.network ?? "",
        current: figuresOf(t),
      }))
      .sort(byAnswers),
    byDepartment: [...teams.entries()]
      .map(([id, t]) => ({
        departmentId: id,
        name: id === null ? null : (scope.departmentNames.get(id) ?? null),
        current: figuresOf(t),
      }))
      .sort(byAnswers),
    byPerson: [...people.entries()]
      .map(([id, t]) => ({ userId: id, name: id === null ? null : (nameOf.get(id) ?? null), current: figuresOf(t) }))
      .sort(byAnswers),
    waitingNow: waiting[0]?.waiting ?? 0,
    overdueNow: waiting[0]?.overdue ?? 0,
  };
}

interface SummedRow extends Tally {
  current: boolean;
  by: "all" | "step" | "channel" | "department" | "person";
  key: string | null;
}

/**
 * The rollup rows of both periods summed by the database, in one pass: per period, and for each step, channel
 * account, department and person (grouping sets), the histograms bucket by bucket — so a year of answers arrives
 * as a few hundred rows, not one per day, channel, department and person.
 */
async function summedRollups(ctx: AppContext, scope: ReportScope): Promise<SummedRow[]> {
  const { period } = scope;
  const step = period.step === "week" ? sql`date_trunc('week', ${r.day})::date::text` : sql`${r.day}::text`;
  const buckets = sql.raw(
    Array.from({ length: RESPONSE_BUCKETS }, (_, i) => `coalesce(sum(x.histogram[${i + 1}]), 0)::int`).join(", "),
  );
  const rows = rowsOf<{
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
  }>(
    await ctx.db.execute(sql`
      select x.current, x.step, x.channel, x.department, x.person,
             grouping(x.step) as g_step, grouping(x.channel) as g_channel, grouping(x.department) as g_department,
             grouping(x.person) as g_person,
             sum(x.answered)::int as answered, sum(x.with_target)::int as with_target,
             sum(x.within_target)::int as within_target, sum(x.asked_again)::int as asked_again,
             sum(x.business_ms_sum)::float8 as ms, array[${buckets}] as histogram
        from (select ${r.day} >= ${period.from} as current, ${step} as step, ${r.channelAccountId}::text as channel,
                     ${r.departmentId}::text as department, ${r.responderUserId}::text as person, ${r.answered} as answered,
                     ${r.withTarget} as with_target, ${r.withinTarget} as within_target, ${r.askedAgain} as asked_again,
                     ${r.businessMsSum} as business_ms_sum, ${r.histogram} as histogram
                from ${r} where ${scope.where(r)}) as x
       group by grouping sets ((x.current), (x.current, x.step), (x.current, x.channel), (x.current, x.department),
                               (x.current, x.person))`),
  );
  return rows.map((row) => {
    const by =
      row.g_step === 0
        ? "step"
        : row.g_channel === 0
          ? "channel"
          : row.g_department === 0
            ? "department"
            : row.g_person === 0
              ? "person"
              : "all";
    const key =
      by === "step" ? row.step : by === "channel" ? row.channel : by === "department" ? row.department : row.person;
    return {
      current: row.current,
      by,
      key: by === "all" ? null : key,
      answered: row.answered,
      withTarget: row.with_target,
      withinTarget: row.within_target,
      askedAgain: row.asked_again,
      msSum: Number(row.ms),
      histogram: row.histogram.map(Number),
    };
  });
}
