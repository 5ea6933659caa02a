// The figures of an organisation's public transparency page (no actor: public), only when the organisation
// has switched the page on: response times of the last 12 complete weeks read from the daily rollups (never
// from messages), and the moderation decisions and objections of those weeks by Netiquette clause. Only
// counts leave this function, each under the small-counts rule; no person's name or id.
import { and, eq, gte, inArray, lt } from "drizzle-orm";
import {
  channelAccounts,
  moderationDecisions,
  organisations,
  responseDailyRollups as r,
} from "../../db/schema/index.js";
import { AppError } from "../../domain/errors.js";
import { addDays } from "../../domain/reports/reportPeriod.js";
import {
  type DecisionRecord,
  appealFigures,
  moderationByClause,
  transparencyPeriod,
  transparencyResponses,
} from "../../domain/reports/transparency.js";
import { localDate } from "../../domain/zonedTime.js";
import type { AppContext } from "../context.js";
import { findPublicOrg, netiquetteInForce } from "./publicOrg.js";

const DAY_MS = 86_400_000;

export async function getTransparencyFigures(ctx: AppContext, options: { orgKey: string }) {
  const org = await findPublicOrg(ctx.db, options.orgKey);
  // Switched off, the page does not exist: the same answer as for any unknown address.
  if (!org.settings.transparencyPage) throw new AppError("NOT_FOUND");
  const [zone] = await ctx.db
    .select({ timeZone: organisations.timeZone })
    .from(organisations)
    .where(eq(organisations.id, org.id));
  const timeZone = zone?.timeZone ?? "Europe/Berlin";
  const computedAt = ctx.clock();
  const period = transparencyPeriod(localDate(computedAt, timeZone));
  // Decisions are instants: read a day more on each side, then keep those on the period's local days.
  const since = new Date(Date.parse(`${period.from}T00:00:00Z`) - DAY_MS);
  const until = new Date(Date.parse(`${addDays(period.to, 1)}T00:00:00Z`) + DAY_MS);
  const [rows, accounts, netiquette, steps] = await Promise.all([
    ctx.db
      .select({
        day: r.day,
        channelAccountId: r.channelAccountId,
        answered: r.answered,
        withTarget: r.withTarget,
        withinTarget: r.withinTarget,
        histogram: r.histogram,
      })
      .from(r)
      .where(and(eq(r.orgId, org.id), gte(r.day, period.from), lt(r.day, addDays(period.to, 1)))),
    ctx.db
      .select({ id: channelAccounts.id, name: channelAccounts.name, network: channelAccounts.network })
      .from(channelAccounts)
      .where(eq(channelAccounts.orgId, org.id)),
    netiquetteInForce(ctx.db, org.id),
    decisionSteps(ctx, { orgId: org.id, since, until, timeZone }),
  ]);
  const responses = transparencyResponses(period, rows);
  const accountOf = new Map(accounts.map((a) => [a.id, a]));
  const titleOf = new Map(netiquette?.clauses.map((c) => [c.number, c.title]) ?? []);
  return {
    org,
    timeZone,
    computedAt: computedAt.toISOString(),
    period,
    channels: responses.channelIds.map((id) => ({
      name: accountOf.get(id)?.name ?? "",
      network: accountOf.get(id)?.network ?? "",
    })),
    responses,
    clauses: moderationByClause(period, steps).map((c) => ({ ...c, title: titleOf.get(c.clause) ?? null })),
    appeals: appealFigures(period, steps),
  };
}

export type TransparencyFigures = Awaited<ReturnType<typeof getTransparencyFigures>>;

/**
 * The decisions and objections of the period, and for the cases objected to every decision on them (the
 * one objected to may be older than the period), each with its local day.
 */
async function decisionSteps(
  ctx: AppContext,
  options: { orgId: string; since: Date; until: Date; timeZone: string },
): Promise<DecisionRecord[]> {
  const columns = {
    caseId: moderationDecisions.caseId,
    kind: moderationDecisions.kind,
    action: moderationDecisions.action,
    clause: moderationDecisions.clause,
    at: moderationDecisions.at,
  };
  const inPeriod = await ctx.db
    .select(columns)
    .from(moderationDecisions)
    .where(
      and(
        eq(moderationDecisions.orgId, options.orgId),
        inArray(moderationDecisions.kind, ["decision", "appeal"]),
        gte(moderationDecisions.at, options.since),
        lt(moderationDecisions.at, options.until),
      ),
    );
  const appealed = [...new Set(inPeriod.filter((s) => s.kind === "appeal").map((s) => s.caseId))];
  const earlier = appealed.length
    ? await ctx.db
        .select(columns)
        .from(moderationDecisions)
        .where(
          and(
            eq(moderationDecisions.orgId, options.orgId),
            eq(moderationDecisions.kind, "decision"),
            inArray(moderationDecisions.caseId, appealed),
            lt(moderationDecisions.at, options.since),
          ),
        )
    : [];
  return [...inPeriod, ...earlier].map((s) => ({
    caseId: s.caseId,
    kind: s.kind === "appeal" ? "appeal" : "decision",
    action: s.action,
    clause: s.clause,
    day: localDate(s.at, options.timeZone),
    at: s.at.getTime(),
  }));
}
