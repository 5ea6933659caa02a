// After a batch is stored: a moderation case for every message the pipeline held or hid, or the analysis
// flagged; for a threat, at once an evidence package and a notification to the people who must know.
import type { Db, Tx } from "../../db/client.js";
import { moderationCases } from "../../db/schema/index.js";
import { casePriority } from "../../domain/moderation/decisions.js";
import { needsEscalation, type PipelineResult } from "../../domain/moderation/pipeline.js";
import type { TModerationSettings } from "../../domain/moderation/settings.js";
import type { TextAnalysis } from "../../text/analysis.js";
import { escalateThreat } from "./escalateThreat.js";

export interface StoredForModeration {
  messageId: string;
  channelAccountId: string;
  conversationId: string | null;
  moderation: PipelineResult;
  analysis: TextAnalysis;
}

export async function openModerationCases(
  tx: Db | Tx,
  args: {
    orgId: string;
    stored: readonly StoredForModeration[];
    settings: TModerationSettings;
    now: Date;
    publicUrl: string;
  },
) {
  const needing = args.stored.filter((s) => s.moderation.status !== "visible" || s.analysis.flagged);
  if (needing.length === 0) return { opened: 0, escalated: 0 };
  const values = needing.map((s) => {
    const threat = needsEscalation({
      analysis: { scores: s.analysis.scores, labels: s.analysis.labels, reasons: s.analysis.reasons },
      settings: args.settings,
    });
    return {
      orgId: args.orgId,
      inboundMessageId: s.messageId,
      channelAccountId: s.channelAccountId,
      conversationId: s.conversationId,
      status: "open" as const,
      priority: casePriority({ threat, pipelineStatus: s.moderation.status, appealed: false }),
      pipelineStatus: s.moderation.status,
      pipelineReason: s.moderation.reason,
      pipelineClause: s.moderation.clause,
      trail: s.moderation.trail,
      threat,
      offense: s.analysis.scores.offense,
      openedAt: args.now,
    };
  });
  const cases = await tx.insert(moderationCases).values(values).onConflictDoNothing().returning({
    id: moderationCases.id,
    threat: moderationCases.threat,
    channelAccountId: moderationCases.channelAccountId,
    conversationId: moderationCases.conversationId,
  });
  let escalated = 0;
  for (const c of cases.filter((x) => x.threat)) {
    await escalateThreat(tx, {
      orgId: args.orgId,
      moderationCase: c,
      settings: args.settings,
      now: args.now,
      publicUrl: args.publicUrl,
    });
    escalated++;
  }
  return { opened: cases.length, escalated };
}
