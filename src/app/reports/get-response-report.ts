// Antwortzeiten: first answers in business hours in a period and the one before — median and 90th
// percentile read from the rollups' histograms, the share sent within the running target, answers to
// citizens who had asked again — and resolution (business time from the first citizen message to the last
// closing), over time, per channel account, department and person; what waited and was overdue at the end of
// each step, and what waits right now. Per person everyone only for those who may see the members; others see
// their own line. By campaign and post too (responseByPost.ts).
import { inArray } from "drizzle-orm";
import type { z } from "zod";
import { users } from "../../db/schema/index.js";
import { ZPostReportFilter, type ZResponseReport } from "../../contract/reports.js";
import { authorize, inOrganisation } from "../../domain/policy.js";
import { stepStart, stepsOf } from "../../domain/reports/reportPeriod.js";
import type { OrgActor } from "../authorization.js";
import type { AppContext } from "../context.js";
import { postChoicesOf } from "./postChoices.js";
import { type ReportScope, openReportScope } from "./reportScope.js";
import { chosenConversations } from "./responseByPost.js";
import { summedResponseRollups } from "./responseRollupSums.js";
import { type ResponseTallies, figuresOf, tallyResponseRows } from "./responseReportTallies.js";
import { waitingSeries } from "./waitingSeries.js";

type Report = z.input<typeof ZResponseReport>;

export async function getResponseReport(
  ctx: AppContext,
  options: {
    actor: OrgActor;
    orgId: string;
    query: unknown;
    /** Without what the campaign and post filters offer (the weekly PDF has no filters): they stay empty. */
    withoutPostChoices?: boolean;
  },
): Promise<Report> {
  const scope = await openReportScope(ctx, { ...options, filters: ZPostReportFilter });
  const seesEveryone = authorize({
    actor: options.actor,
    action: "member.view",
    resource: inOrganisation(options.orgId),
    now: ctx.clock(),
  }).allowed;
  const figures = async () => {
    const chosen = await chosenConversations(ctx, scope, options.actor);
    return Promise.all([summedResponseRollups(ctx, scope, chosen), waitingSeries(ctx, scope, options.actor, chosen)]);
  };
  // What the pickers offer does not depend on the chosen conversations: read meanwhile.
  const [[rows, waiting], postChoices] = await Promise.all([
    figures(),
    options.withoutPostChoices ? { campaigns: [], posts: [] } : postChoicesOf(ctx, options.actor, scope),
  ]);
  const tallies = tallyResponseRows(rows, {
    steps: stepsOf(scope.period),
    showsPerson: (userId) => seesEveryone || userId === options.actor.userId,
  });
  const names = await namesOf(ctx, [...tallies.people.keys()]);
  return {
    ...presentTallies(scope, tallies, names),
    waitingNow: waiting.now.waiting,
    overdueNow: waiting.now.overdue,
    waitingSeries: waiting.series,
    postChoices,
  };
}

async function namesOf(ctx: AppContext, userIds: (string | null)[]): Promise<Map<string, string>> {
  const ids = userIds.filter((id): id is string => id !== null);
  if (ids.length === 0) return new Map();
  const rows = await ctx.db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids));
  return new Map(rows.map((u) => [u.id, u.name]));
}

function presentTallies(
  scope: ReportScope,
  t: ResponseTallies,
  names: Map<string, string>,
): Omit<Report, "waitingNow" | "overdueNow" | "waitingSeries" | "postChoices"> {
  const { period } = scope;
  const firstStep = stepStart(period.from, period.step);
  // Most answers first; those who only closed conversations after them, most closings first.
  type Line = { current: { answered: number; resolution: { resolved: number } } };
  const byAnswers = (a: Line, b: Line) =>
    b.current.answered - a.current.answered || b.current.resolution.resolved - a.current.resolution.resolved;
  return {
    period,
    choices: scope.choices,
    totals: figuresOf(t.totals),
    previous: figuresOf(t.previous),
    series: [...t.steps.entries()]
      .filter(([start]) => start >= firstStep)
      .map(([start, tally]) => ({ start, figures: figuresOf(tally) })),
    byChannel: [...t.channels.entries()]
      .map(([id, tally]) => ({
        channelAccountId: id,
        name: scope.channelNames.get(id)?.name ?? "",
        network: scope.channelNames.get(id)?.network ?? "",
        current: figuresOf(tally),
      }))
      .sort(byAnswers),
    byDepartment: [...t.departments.entries()]
      .map(([id, tally]) => ({
        departmentId: id,
        name: id === null ? null : (scope.departmentNames.get(id) ?? null),
        current: figuresOf(tally),
      }))
      .sort(byAnswers),
    byPerson: [...t.people.entries()]
      .map(([id, tally]) => ({
        userId: id,
        name: id === null ? null : (names.get(id) ?? null),
        current: figuresOf(tally),
      }))
      .sort(byAnswers),
  };
}
