// A moderator decides a case: approve, hide, delete, remind (a public reply with a Netiquette reminder),
// warn, mute or block the author, report to the platform, or escalate to named colleagues. Every decision
// cites a clause of the Netiquette in force and gives a reason; it is kept in the case's history and the
// audit trail. Actions on the network go through its connector after the decision commits; what the
// network cannot do is refused up front with CHANNEL_UNSUPPORTED. The moderator may say whether the message
// is a threat: kept as the organisation's labelled example, and a threat the pipeline missed is escalated.
import { and, eq, inArray, isNull } from "drizzle-orm";
import { memberships, userNotifications } from "../../db/schema/index.js";
import type { ChannelModerationKind, ConnectorRegistry } from "../../domain/connector.js";
import { connectorAccountOf } from "../channels/channelCredentials.js";
import { AppError } from "../../domain/errors.js";
import {
  CHANNEL_ACTIONS,
  VISIBILITY_AFTER,
  ZModerationDecision,
  canDecide,
  type TModerationAction,
} from "../../domain/moderation/decisions.js";
import { appendAuditEvent } from "../audit/auditTrail.js";
import type { OrgActor } from "../authorization.js";
import type { AppContext } from "../context.js";
import { replyToConversation } from "../inbox/reply-to-conversation.js";
import { netiquetteInForce } from "../website/publicOrg.js";
import { applyVisibility, loadCase, recordCaseDecision } from "./caseRecords.js";
import { moderateOnNetwork } from "./moderateOnNetwork.js";
import { recordThreatLabel } from "./threatLabelRecords.js";

/** On the website channel draht is the platform: it hides and deletes itself; the rest has no meaning there. */
const WEBSITE_ACTIONS: readonly TModerationAction[] = ["approve", "hide", "delete", "remind", "escalate"];

function channelKind(action: TModerationAction, wasHidden: boolean): ChannelModerationKind | null {
  if (action === "approve") return wasHidden ? "unhide" : null;
  if (action === "warn") return "warn";
  return CHANNEL_ACTIONS.includes(action) ? (action as ChannelModerationKind) : null;
}

export async function decideModerationCase(
  ctx: AppContext,
  deps: { connectors: ConnectorRegistry },
  options: { actor: OrgActor; orgId: string; caseId: string; input: unknown },
) {
  const input = ZModerationDecision.parse(options.input);
  const now = ctx.clock();
  const decided = await ctx.db.transaction(async (tx) => {
    const row = await loadCase(ctx, tx, { ...options, action: "moderation.decide", forUpdate: true });
    if (!canDecide(row.case.status)) throw new AppError("INVALID_TRANSITION", { details: { status: row.case.status } });
    const netiquette = await netiquetteInForce(tx, options.orgId);
    if (!netiquette?.clauses.some((c) => c.number === input.clause))
      throw new AppError("VALIDATION_FAILED", { details: { field: "clause", problem: "not_in_netiquette" } });
    if ((input.action === "remind" || input.action === "warn") && !input.message)
      throw new AppError("VALIDATION_FAILED", { details: { field: "message", problem: "required" } });
    if (input.action === "escalate") {
      if (!input.escalateTo?.length)
        throw new AppError("VALIDATION_FAILED", { details: { field: "escalateTo", problem: "required" } });
      const members = await tx
        .select({ userId: memberships.userId })
        .from(memberships)
        .where(
          and(
            eq(memberships.orgId, options.orgId),
            inArray(memberships.userId, input.escalateTo),
            isNull(memberships.disabledAt),
          ),
        );
      if (members.length !== new Set(input.escalateTo).size)
        throw new AppError("VALIDATION_FAILED", { details: { field: "escalateTo", problem: "not_a_member" } });
    }
    const network = row.account.network;
    const kind = network === "website" ? null : channelKind(input.action, row.message.visibility === "hidden");
    const connector = deps.connectors.get(network);
    const unsupported =
      network === "website"
        ? !WEBSITE_ACTIONS.includes(input.action)
        : kind !== null && !(connector?.moderate && connector.moderationKinds?.includes(kind));
    if (unsupported) throw new AppError("CHANNEL_UNSUPPORTED", { details: { action: input.action, network } });
    const visibility = VISIBILITY_AFTER[input.action];
    if (visibility) await applyVisibility(tx, row, visibility, now);
    const escalating = input.action === "escalate";
    const decisionId = await recordCaseDecision(tx, {
      caseRow: row.case,
      action: input.action,
      clause: input.clause,
      netiquetteId: netiquette.id,
      reason: input.reason,
      channelOutcome: kind ? "pending" : null,
      actor: options.actor,
      now,
    });
    if (escalating && input.escalateTo) {
      await tx.insert(userNotifications).values(
        input.escalateTo.map((userId) => ({
          orgId: options.orgId,
          userId,
          kind: "moderation_escalation" as const,
          moderationCaseId: row.case.id,
          conversationId: row.case.conversationId,
          actorLabel: options.actor.label,
          createdAt: now,
        })),
      );
    }
    await appendAuditEvent(tx, {
      orgId: options.orgId,
      actor: options.actor,
      action: "moderation.decided",
      target: { type: "moderation_case", id: row.case.id },
      data: {
        action: input.action,
        clause: input.clause,
        netiquetteId: netiquette.id,
        netiquetteVersion: netiquette.version,
        messageId: row.message.id,
        escalateTo: input.escalateTo ?? [],
        threatLabel: input.threat ?? null,
      },
      occurredAt: now,
    });
    // After the decision (its row and audit event): the label may escalate the case as a threat.
    if (input.threat)
      await recordThreatLabel(tx, { row, label: input.threat, actor: options.actor, now, publicUrl: ctx.publicUrl });
    return { row, kind, decisionId };
  });
  const { row, kind, decisionId } = decided;
  if (input.action === "remind" && input.message && row.case.conversationId) {
    await replyToConversation(ctx, deps, {
      actor: options.actor,
      orgId: options.orgId,
      conversationId: row.case.conversationId,
      input: { text: input.message, inReplyToMessageId: row.message.id },
    });
  }
  if (kind) await carryOutOnChannel(ctx, deps, { row, kind, decisionId, reason: input.message ?? input.reason });
  return {
    id: row.case.id,
    action: input.action,
    status: input.action === "escalate" ? row.case.status : ("decided" as const),
  };
}

async function carryOutOnChannel(
  ctx: AppContext,
  deps: { connectors: ConnectorRegistry },
  args: { row: Awaited<ReturnType<typeof loadCase>>; kind: ChannelModerationKind; decisionId: string; reason: string },
) {
  const { account, message } = args.row;
  const outcome = await moderateOnNetwork(ctx, {
    connector: deps.connectors.get(account.network),
    target: await connectorAccountOf(ctx.db, ctx, {
      id: account.id,
      orgId: account.orgId,
      settings: account.settings as Record<string, unknown>,
    }),
    decisionId: args.decisionId,
    caseId: args.row.case.id,
    request: {
      kind: args.kind,
      externalId: message.externalId,
      authorHandle: message.authorHandle,
      reason: args.reason,
    },
  });
  if (outcome !== "done") throw new AppError("CHANNEL_FAILED", { details: { message: outcome } });
}
