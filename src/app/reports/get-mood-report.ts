// Stimmung: how citizens' messages divide into negative, neutral and positive in a period and the one
// before it — over time, per channel account and per department — and the steps where the share of
// negative messages moved far from the usual; by post and key term too (moodByPost.ts). Read from the daily
// rollups, summed by the database per step, channel and department (moodSources.ts: all messages, the
// reactions to chosen posts, or the messages with chosen terms), never from the messages.
import type { z } from "zod";
import { type ZMoodCounts, type ZMoodReport, ZMoodReportFilter } from "../../contract/reports.js";
import { authorize, inOrganisation } from "../../domain/policy.js";
import { moodShifts } from "../../domain/reports/moodShifts.js";
import { stepStart, stepsOf } from "../../domain/reports/reportPeriod.js";
import type { OrgActor } from "../authorization.js";
import type { AppContext } from "../context.js";
import { moodByPostAndTopic } from "./moodByPost.js";
import { MOOD_FIELDS as FIELDS, type MoodTally as Tally, moodBasisOf, moodGroupsOf } from "./moodSources.js";
import { openReportScope } from "./reportScope.js";

type MoodCounts = z.output<typeof ZMoodCounts>;

const emptyTally = (): Tally => ({
  messages: 0,
  negative: 0,
  neutral: 0,
  positive: 0,
  questions: 0,
  complaints: 0,
  praise: 0,
  flagged: 0,
  sentimentSum: 0,
});

function add(into: Tally, row: Tally): void {
  for (const field of FIELDS) into[field] += row[field];
  into.sentimentSum += row.sentimentSum;
}

export async function getMoodReport(
  ctx: AppContext,
  options: {
    actor: OrgActor;
    orgId: string;
    query: unknown;
  },
): Promise<z.input<typeof ZMoodReport>> {
  const scope = await openReportScope(ctx, { ...options, filters: ZMoodReportFilter });
  const { period } = scope;
  const mayReadInbox = authorize({
    actor: options.actor,
    action: "inbox.view",
    resource: inOrganisation(options.orgId),
    now: ctx.clock(),
  }).allowed;
  const basis = moodBasisOf(scope);
  const [groups, byPostAndTopic] = await Promise.all([
    moodGroupsOf(ctx, scope, { basis, mayReadInbox }),
    moodByPostAndTopic(ctx, { actor: options.actor, scope, basis, mayReadInbox }),
  ]);
  // Terms are not kept with a sentiment sum: no mean then.
  const countsOf = (t: Tally): MoodCounts => {
    const { sentimentSum, ...counts } = t;
    const mean = basis !== "topics" && t.messages > 0 ? Math.round((sentimentSum / t.messages) * 1000) / 1000 : null;
    return { ...counts, averageSentiment: mean };
  };
  const firstStep = stepStart(period.from, period.step);
  const totals = emptyTally();
  const previous = emptyTally();
  // The previous period's steps too: they are the history against which a shift is judged.
  const steps = new Map(
    stepsOf({ from: period.previousFrom, to: period.to, step: period.step }).map((start) => [start, emptyTally()]),
  );
  const channels = new Map<string, { current: Tally; previous: Tally }>();
  const teams = new Map<string | null, { current: Tally; previous: Tally }>();
  for (const group of groups) {
    const { current, key } = group;
    if (group.by === "step" && key !== null) {
      // Every row is in one step: the steps' sums are the periods'.
      add(current ? totals : previous, group);
      // A week that straddles the period's start shows only the period's own days.
      const step = steps.get(key);
      if (step && (current || key < firstStep)) add(step, group);
    } else if (group.by === "channel" && key !== null) {
      const channel = channels.get(key) ?? { current: emptyTally(), previous: emptyTally() };
      add(current ? channel.current : channel.previous, group);
      channels.set(key, channel);
    } else if (group.by === "department") {
      const team = teams.get(key) ?? { current: emptyTally(), previous: emptyTally() };
      add(current ? team.current : team.previous, group);
      teams.set(key, team);
    }
  }
  const allSteps = [...steps.entries()].map(([start, t]) => ({
    start,
    messages: t.messages,
    negative: t.negative,
    neutral: t.neutral,
    positive: t.positive,
  }));
  const series = allSteps.filter((s) => s.start >= firstStep);
  const byVolume = (a: { current: MoodCounts }, b: { current: MoodCounts }) => b.current.messages - a.current.messages;
  return {
    period,
    choices: scope.choices,
    totals: countsOf(totals),
    previous: countsOf(previous),
    series,
    byChannel: [...channels.entries()]
      .map(([id, t]) => ({
        channelAccountId: id,
        name: scope.channelNames.get(id)?.name ?? "",
        network: scope.channelNames.get(id)?.network ?? "",
        current: countsOf(t.current),
        previous: countsOf(t.previous),
      }))
      .sort(byVolume),
    byDepartment: [...teams.entries()]
      .map(([id, t]) => ({
        departmentId: id,
        name: id === null ? null : (scope.departmentNames.get(id) ?? null),
        current: countsOf(t.current),
        previous: countsOf(t.previous),
      }))
      .sort(byVolume),
    shifts: moodShifts(allSteps).filter((s) => s.start >= firstStep),
    ...byPostAndTopic,
  };
}
