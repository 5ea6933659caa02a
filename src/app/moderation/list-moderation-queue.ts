// The moderation queue: open and reopened cases (threats first, then appeals, hidden, held; oldest first
// within), or the decided ones for review, with the message, its scores and reasons; plus open
// shitstorm alerts. Limited to the cases and alerts the moderator may see (a case is part of its conversation).
import { and, asc, desc, eq, isNull, ne } from "drizzle-orm";
import {
  channelAccounts,
  conversations,
  inboundMessages,
  moderationAlerts,
  moderationCases,
} from "../../db/schema/index.js";
import { inOrganisation } from "../../domain/policy.js";
import { type OrgActor, requireAllowed } from "../authorization.js";
import type { AppContext } from "../context.js";
import { withinScope } from "../scope.js";
import { ZQueueFilter } from "../../contract/moderation.js";

/** A case belongs to its message's conversation; an alert to its channel account. */
export const visibleCases = (actor: OrgActor) =>
  withinScope(actor, { departmentId: conversations.departmentId, channelAccountId: moderationCases.channelAccountId });
export const visibleAlerts = (actor: OrgActor) =>
  withinScope(actor, { departmentId: channelAccounts.departmentId, channelAccountId: channelAccounts.id });

export async function listModerationQueue(
  ctx: AppContext,
  options: { actor: OrgActor; orgId: string; filter: unknown },
) {
  const filter = ZQueueFilter.parse(options.filter ?? {});
  requireAllowed(ctx, options.actor, "moderation.view", inOrganisation(options.orgId));
  const view =
    filter.view === "open"
      ? ne(moderationCases.status, "decided")
      : filter.view === "unreviewed"
        ? and(eq(moderationCases.status, "decided"), isNull(moderationCases.review))
        : eq(moderationCases.status, "decided");
  const rows = await ctx.db
    .select({
      case: moderationCases,
      message: inboundMessages,
      channelName: channelAccounts.name,
      network: channelAccounts.network,
    })
    .from(moderationCases)
    .innerJoin(inboundMessages, eq(inboundMessages.id, moderationCases.inboundMessageId))
    .innerJoin(channelAccounts, eq(channelAccounts.id, moderationCases.channelAccountId))
    .leftJoin(conversations, eq(conversations.id, moderationCases.conversationId))
    .where(
      and(
        eq(moderationCases.orgId, options.orgId),
        view,
        filter.channelAccountId ? eq(moderationCases.channelAccountId, filter.channelAccountId) : undefined,
        visibleCases(options.actor),
      ),
    )
    .orderBy(
      ...(filter.view === "open"
        ? [desc(moderationCases.priority), asc(moderationCases.openedAt)]
        : [desc(moderationCases.decidedAt)]),
    )
    .limit(filter.limit);
  const alerts = await ctx.db
    .select({ alert: moderationAlerts, channelName: channelAccounts.name })
    .from(moderationAlerts)
    .innerJoin(channelAccounts, eq(channelAccounts.id, moderationAlerts.channelAccountId))
    .where(
      and(eq(moderationAlerts.orgId, options.orgId), eq(moderationAlerts.status, "open"), visibleAlerts(options.actor)),
    )
    .orderBy(desc(moderationAlerts.createdAt))
    .limit(20);
  return {
    cases: rows.map(({ case: c, message, channelName, network }) => ({
      ...presentCase(c),
      channel: { id: c.channelAccountId, name: channelName, network },
      message: presentMessage(message),
    })),
    alerts: alerts.map(({ alert, channelName }) => ({
      id: alert.id,
      channelAccountId: alert.channelAccountId,
      channelName,
      threadExternalId: alert.threadExternalId || null,
      windowStart: alert.windowStart.toISOString(),
      windowEnd: alert.windowEnd.toISOString(),
      offensive: alert.offensive,
      total: alert.total,
      baselineMedian: alert.baselineMedian,
      score: alert.score,
    })),
  };
}

/** A case's state as moderators see it (queue and case page). */
export function presentCase(c: typeof moderationCases.$inferSelect) {
  return {
    id: c.id,
    status: c.status,
    priority: c.priority,
    threat: c.threat,
    pipelineStatus: c.pipelineStatus,
    pipelineReason: c.pipelineReason,
    pipelineClause: c.pipelineClause,
    action: c.action,
    clause: c.clause,
    review: c.review,
    openedAt: c.openedAt.toISOString(),
    decidedAt: c.decidedAt?.toISOString() ?? null,
  };
}

export function presentMessage(message: typeof inboundMessages.$inferSelect) {
  const analysis = (message.analysis ?? {}) as {
    scores?: Record<string, number>;
    labels?: string[];
    reasons?: string[];
    evidence?: { feature: string; weight: number }[];
  };
  return {
    id: message.id,
    kind: message.kind,
    authorName: message.authorName,
    authorHandle: message.authorHandle,
    text: message.text,
    visibility: message.visibility,
    receivedAt: message.receivedAt.toISOString(),
    editedAt: message.editedAt?.toISOString() ?? null,
    threadExternalId: message.threadExternalId,
    scores: analysis.scores ?? {},
    labels: analysis.labels ?? [],
    reasons: analysis.reasons ?? [],
  };
}
