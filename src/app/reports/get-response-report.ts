// Antwortzeiten: first answers in business hours in a period and the one before — median and 90th
// percentile read from the rollups' histograms, the share sent within the running target, answers to
// citizens who had asked again — over time, per channel account, department and person, and what waits
// right now. Per person everyone only for those who may see the members; others see their own line.
import { and, eq, inArray, sql } from "drizzle-orm";
import type { z } from "zod";
import { conversations, responseDailyRollups as r, users } from "../../db/schema/index.js";
import type { ZResponseFigures, ZResponseReport } from "../../contract/reports.js";
import { authorize, inOrganisation } from "../../domain/policy.js";
import { addHistogram, emptyHistogram, histogramQuantile } from "../../domain/reports/responseHistogram.js";
import { stepStart, stepsOf } from "../../domain/reports/reportPeriod.js";
import type { OrgActor } from "../authorization.js";
import type { AppContext } from "../context.js";
import { visibleConversations } from "../inbox/conversationAccess.js";
import { openReportScope } from "./reportScope.js";

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
    ctx.db
      .select({
        day: r.day,
        channelAccountId: r.channelAccountId,
        departmentId: r.departmentId,
        userId: r.responderUserId,
        answered: r.answered,
        withTarget: r.withTarget,
        withinTarget: r.withinTarget,
        askedAgain: r.askedAgain,
        msSum: r.businessMsSum,
        histogram: r.histogram,
      })
      .from(r)
      .where(scope.where(r)),
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
    if (row.day < period.from) {
      add(previous, row);
      continue;
    }
    add(totals, row);
    const step = steps.get(stepStart(row.day, period.step));
    if (step) add(step, row);
    add(tallyIn(channels, row.channelAccountId), row);
    add(tallyIn(teams, row.departmentId), row);
    if (seesEveryone || row.userId === options.actor.userId) add(tallyIn(people, row.userId), row);
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
