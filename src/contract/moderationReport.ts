// Contract of the moderation report (Berichte → Moderation): how many messages were held, hidden, deleted
// and flagged, the moderators' decisions by Netiquette clause and action, citizens' objections (Einsprüche)
// and how they ended, threats and evidence packages, shitstorm alerts — counts only, never a case's text or
// a person, in the viewer's departments and channel accounts.
import { z } from "zod";
import { MODERATION_ACTIONS } from "../domain/moderation/decisions.js";
import { ZDay, ZId, ZOrgParams, ZTimestamp } from "./common.js";
import { ZReportChoices, ZReportFilter, ZReportPeriod } from "./reports.js";
import type { ContractGroup } from "./route.js";

const tag = "reports";
const count = z.number().int();

export const ZModerationFigures = z
  .object({
    /** Citizens' messages of the period (by the day they arrived) as they stand now: held, hidden, deleted, flagged. */
    held: count,
    hidden: count,
    deleted: count,
    flagged: count,
    /** Moderators' decisions made in the period (every action, a repeated decision on a case counted again). */
    decisions: count,
    /** Objections (Einsprüche) received in the period, by how they ended: the next decision kept the action
     * objected to (upheld), changed it (overturned), or none came yet (pending). */
    appeals: count,
    appealsUpheld: count,
    appealsOverturned: count,
    appealsPending: count,
    /** Cases opened in the period that the analysis or a moderator classified as a threat. */
    threats: count,
    /** Evidence packages secured in the period (threats are secured at once, others on request). */
    evidencePackages: count,
    /** Shitstorm alerts raised in the period. */
    alerts: count,
    /** Cases first decided in the period, and the median business time from the message to that decision. */
    firstDecisions: count,
    medianDecisionMs: z.number().nullable(),
  })
  .meta({ id: "ModerationFigures" });

export const ZModerationReport = z
  .object({
    period: ZReportPeriod,
    choices: ZReportChoices,
    totals: ZModerationFigures,
    previous: ZModerationFigures,
    series: z.array(
      z.object({ start: ZDay, held: count, hidden: count, deleted: count, flagged: count, decisions: count }),
    ),
    /** Decisions by the clause they cite; `title` as the Netiquette in force names it (null: no such clause now). */
    byClause: z.array(
      z.object({ clause: z.number().int().nullable(), title: z.string().nullable(), current: count, previous: count }),
    ),
    byAction: z.array(z.object({ action: z.enum(MODERATION_ACTIONS), current: count, previous: count })),
    /** The period's alerts, latest first (at most 100): when, where, and how each ended. */
    alertList: z.array(
      z.object({
        id: ZId,
        channelAccountId: ZId,
        channelName: z.string(),
        network: z.string(),
        /** Under one post rather than across the whole account. */
        onePost: z.boolean(),
        /**
         * That post, where it is one of ours and the viewer may see it (their departments and channel accounts,
         * as the post list's rule); null otherwise — the report then says only "under one post".
         */
        post: z.object({ id: ZId, title: z.string() }).nullable(),
        windowStart: ZTimestamp,
        windowEnd: ZTimestamp,
        offensive: count,
        total: count,
        /** open: nobody acknowledged it yet; pre_moderated: acknowledged and every website comment held first. */
        outcome: z.enum(["open", "acknowledged", "pre_moderated"]),
        acknowledgedAt: ZTimestamp.nullable(),
      }),
    ),
  })
  .meta({ id: "ModerationReport" });

export const moderationReportContract = {
  "GET /api/orgs/:orgId/reports/moderation": {
    tag,
    summary:
      "Moderation: held, hidden, deleted and flagged messages, decisions by Netiquette clause, objections, threats, alerts",
    params: ZOrgParams,
    query: ZReportFilter,
    responses: { 200: ZModerationReport },
  },
} satisfies ContractGroup;
