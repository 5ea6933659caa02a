// Staff report a message the pipeline let through ("zur Moderation melden"): it opens a case like the
// pipeline's, at the lowest priority unless the analysis saw a threat.
import { and, eq } from "drizzle-orm";
import {
  channelAccounts,
  conversations,
  inboundMessages,
  moderationCases,
  moderationDecisions,
} from "../../db/schema/index.js";
import { AppError } from "../../domain/errors.js";
import { casePriority } from "../../domain/moderation/decisions.js";
import { appendAuditEvent } from "../audit/auditTrail.js";
import { type OrgActor, requireAllowed } from "../authorization.js";
import type { AppContext } from "../context.js";
import { conversationResource } from "../inbox/conversationAccess.js";
import { ZReport } from "../../contract/moderation.js";

export async function reportMessage(ctx: AppContext, options: { actor: OrgActor; orgId: string; input: unknown }) {
  const input = ZReport.parse(options.input);
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ message: inboundMessages, account: channelAccounts, departmentId: conversations.departmentId })
      .from(inboundMessages)
      .innerJoin(channelAccounts, eq(channelAccounts.id, inboundMessages.channelAccountId))
      .leftJoin(conversations, eq(conversations.id, inboundMessages.conversationId))
      .where(and(eq(inboundMessages.id, input.messageId), eq(inboundMessages.orgId, options.orgId)));
    if (!row) throw new AppError("NOT_FOUND");
    requireAllowed(
      ctx,
      options.actor,
      "inbox.view",
      conversationResource({ orgId: options.orgId, departmentId: row.departmentId, channelAccountId: row.account.id }),
    );
    const threat = ((row.message.analysis ?? {}) as { labels?: string[] }).labels?.includes("THREAT") ?? false;
    const [opened] = await tx
      .insert(moderationCases)
      .values({
        orgId: options.orgId,
        inboundMessageId: row.message.id,
        channelAccountId: row.account.id,
        conversationId: row.message.conversationId,
        status: "open",
        priority: casePriority({ threat, pipelineStatus: "visible", appealed: false }),
        pipelineStatus: "visible",
        trail: [],
        threat,
        offense: ((row.message.analysis ?? {}) as { scores?: { offense?: number } }).scores?.offense ?? 0,
        openedAt: now,
      })
      .onConflictDoNothing()
      .returning({ id: moderationCases.id });
    if (!opened) throw new AppError("CONFLICT", { details: { reason: "case_exists" } });
    await tx.insert(moderationDecisions).values({
      orgId: options.orgId,
      caseId: opened.id,
      kind: "report",
      reason: input.reason,
      actorUserId: options.actor.userId,
      actorLabel: options.actor.label,
      at: now,
    });
    await appendAuditEvent(tx, {
      orgId: options.orgId,
      actor: options.actor,
      action: "moderation.reported",
      target: { type: "moderation_case", id: opened.id },
      data: { messageId: row.message.id },
      occurredAt: now,
    });
    return { id: opened.id };
  });
}
