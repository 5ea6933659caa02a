// A moderator's word on whether a case's message is a threat, given with a decision and written in its
// transaction: kept as the organisation's labelled example (one per case, a later decision replaces it),
// with the text and the analyser's verdict as they are now. A "threat" on a case the pipeline did not take
// for one sends the case down the pipeline's threat path: threat priority, evidence, the alert. Where the
// citizen deletes the text, its label goes with it.
import { and, eq, inArray } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.js";
import { inboundMessages, moderationCases, threatLabels } from "../../db/schema/index.js";
import { casePriority } from "../../domain/moderation/decisions.js";
import { type TThreatLabel, threatLabelEffect } from "../../domain/moderation/threatLabels.js";
import type { Principal } from "../context.js";
import type { CaseRow } from "./caseRecords.js";
import { escalateThreat } from "./escalateThreat.js";
import { moderationSettingsOf } from "./moderationRecords.js";

/** What ingestion stored of the analysis (app/inbox/ingest-messages.ts): the analyser's name and its scores. */
function analysisOf(message: CaseRow["message"]): { analyser: string | null; threatScore: number | null } {
  const stored = (message.analysis ?? {}) as { analyser?: unknown; scores?: { threat?: unknown } };
  return {
    analyser: typeof stored.analyser === "string" ? stored.analyser : null,
    threatScore: typeof stored.scores?.threat === "number" ? stored.scores.threat : null,
  };
}

/**
 * Call after the decision is recorded on the case (recordCaseDecision writes the case's priority from the
 * row it was given). Returns whether the case was escalated as a threat.
 */
export async function recordThreatLabel(
  tx: Db | Tx,
  args: { row: CaseRow; label: TThreatLabel; actor: Principal; now: Date; publicUrl: string },
): Promise<{ escalated: boolean }> {
  const { row, label, actor, now } = args;
  const labelled = {
    text: row.message.text,
    label,
    ...analysisOf(row.message),
    decidedByUserId: actor.userId,
    decidedAt: now,
  };
  // A message whose text is gone (deleted by its author) teaches nothing; the decision still counts.
  if (row.message.text.trim() !== "")
    await tx
      .insert(threatLabels)
      .values({ orgId: row.case.orgId, caseId: row.case.id, ...labelled })
      .onConflictDoUpdate({ target: threatLabels.caseId, set: labelled });
  if (threatLabelEffect({ label, caseThreat: row.case.threat }) !== "escalate") return { escalated: false };
  const [current] = await tx
    .select({ priority: moderationCases.priority })
    .from(moderationCases)
    .where(eq(moderationCases.id, row.case.id));
  const threatPriority = casePriority({ threat: true, pipelineStatus: row.case.pipelineStatus, appealed: false });
  await tx
    .update(moderationCases)
    .set({ threat: true, priority: Math.max(current?.priority ?? 0, threatPriority) })
    .where(eq(moderationCases.id, row.case.id));
  await escalateThreat(tx, {
    orgId: row.case.orgId,
    moderationCase: row.case,
    settings: await moderationSettingsOf(tx, row.case.orgId),
    now,
    publicUrl: args.publicUrl,
    actor,
    evidence: "unless_secured",
  });
  return { escalated: true };
}

/**
 * The author deleted the message (the website's own deletion link): the labelled example keeps no copy of
 * the text. Evidence packages stay (append-only, secured for a complaint).
 */
export async function forgetThreatLabels(
  tx: Db | Tx,
  args: { channelAccountId: string; externalId: string },
): Promise<void> {
  const cases = tx
    .select({ id: moderationCases.id })
    .from(moderationCases)
    .innerJoin(inboundMessages, eq(inboundMessages.id, moderationCases.inboundMessageId))
    .where(
      and(eq(inboundMessages.channelAccountId, args.channelAccountId), eq(inboundMessages.externalId, args.externalId)),
    );
  await tx.delete(threatLabels).where(inArray(threatLabels.caseId, cases));
}
