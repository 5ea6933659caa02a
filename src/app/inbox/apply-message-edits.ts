// A citizen changed a message on the network after draht received it. The earlier version is kept
// (inbound_message_edits, append-only — the inbox shows it, evidence includes it), the new text is
// analysed and passes the moderation pipeline again like a new message, in the caller's transaction:
//   - the visibility only ever becomes stricter by an edit (a held message stays held until a person decides);
//   - a message the pipeline now holds, hides or flags gets a moderation case if it had none;
//   - an open case takes on the new verdict (priority only rises);
//   - a decided case reopens: the decision was about a text that no longer exists;
//   - a threat escalates at once (evidence of the edited text, the people who must know notified).
// An edit of something draht never received, or one that leaves the text as it was, changes nothing.
import { and, eq } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.js";
import { inboundMessageEdits, inboundMessages, moderationCases, moderationDecisions } from "../../db/schema/index.js";
import {
  stricterVisibility,
  type TInboundMessage,
  type TInboundMessageInput,
  type TInboundVisibility,
} from "../../domain/inbound.js";
import { casePriority } from "../../domain/moderation/decisions.js";
import { needsEscalation, type PipelineResult } from "../../domain/moderation/pipeline.js";
import type { TextAnalyser } from "../../text/analysis.js";
import { cleanValue } from "../../text/inputText.js";
import { topicsOf } from "../../text/keyTerms.js";
import { appendAuditEvent } from "../audit/auditTrail.js";
import { moderateBatch } from "../moderation/moderateBatch.js";
import { escalateThreat } from "../moderation/escalateThreat.js";
import { openModerationCases } from "../moderation/openModerationCases.js";
import { notifyConversationsChanged } from "./inboxEvents.js";

export interface MessageEdit {
  externalId: string;
  text: string;
  raw: TInboundMessageInput["raw"];
  /** When the network says the edit happened (else: now). */
  editedAt?: Date;
}

export interface EditOutcome {
  externalId: string;
  status: "updated" | "unchanged" | "unknown";
  visibility?: TInboundVisibility;
  caseId?: string;
}

export async function applyMessageEdits(
  tx: Db | Tx,
  options: {
    orgId: string;
    channelAccountId: string;
    edits: readonly MessageEdit[];
    analyser: TextAnalyser;
    now: Date;
    publicUrl: string;
  },
): Promise<EditOutcome[]> {
  const outcomes: EditOutcome[] = [];
  const conversationIds = new Set<string>();
  // One after the other, each against what the one before left (an item edited twice within a round is
  // moderated at each version, and its visibility and case only grow stricter).
  for (const edit of options.edits) {
    // The same cleaning as a new message gets (ZInboundMessage): no control characters, no NUL.
    const outcome = await applyEdit(tx, options, cleanValue(edit, { tooDeep: "drop" }));
    outcomes.push(outcome.result);
    if (outcome.conversationId) conversationIds.add(outcome.conversationId);
  }
  if (conversationIds.size > 0)
    await notifyConversationsChanged(tx, { orgId: options.orgId, conversationIds: [...conversationIds] });
  return outcomes;
}

async function applyEdit(
  tx: Db | Tx,
  options: { orgId: string; channelAccountId: string; analyser: TextAnalyser; now: Date; publicUrl: string },
  edit: MessageEdit,
): Promise<{ result: EditOutcome; conversationId: string | null }> {
  const [row] = await tx
    .select()
    .from(inboundMessages)
    .where(
      and(
        eq(inboundMessages.orgId, options.orgId),
        eq(inboundMessages.channelAccountId, options.channelAccountId),
        eq(inboundMessages.externalId, edit.externalId),
      ),
    )
    .for("update");
  if (!row) return { result: { externalId: edit.externalId, status: "unknown" }, conversationId: null };
  if (row.text === edit.text)
    return { result: { externalId: edit.externalId, status: "unchanged" }, conversationId: null };

  const editedAt = edit.editedAt ?? options.now;
  await tx.insert(inboundMessageEdits).values({
    orgId: options.orgId,
    inboundMessageId: row.id,
    previousText: row.text,
    previousRaw: row.raw,
    replacedAt: editedAt,
  });
  const analysis = options.analyser.analyse(edit.text);
  const { results, settings } = await moderateBatch(tx, {
    orgId: options.orgId,
    items: [{ message: asInboundMessage(row, edit), analysis, stored: true }],
    now: options.now,
  });
  const moderation = results[0] as PipelineResult;
  const visibility = stricterVisibility(row.visibility, moderation.status);
  await tx
    .update(inboundMessages)
    .set({
      text: edit.text,
      raw: edit.raw,
      editedAt,
      visibility,
      intent: analysis.intent,
      sentiment: analysis.sentiment,
      flagged: analysis.flagged,
      ...topicsOf(edit.text),
      analysis: {
        analyser: options.analyser.name,
        ...analysis,
        moderation: moderation.trail,
        editedAt: editedAt.toISOString(),
      },
    })
    .where(eq(inboundMessages.id, row.id));
  await appendAuditEvent(tx, {
    orgId: options.orgId,
    actor: { userId: null, label: "system" },
    action: "inbox.message_edited",
    target: { type: "inbound_message", id: row.id },
    data: { visibilityBefore: row.visibility, visibility, pipeline: moderation.status, flagged: analysis.flagged },
    occurredAt: options.now,
  });
  const result: EditOutcome = { externalId: edit.externalId, status: "updated", visibility };

  const [existing] = await tx
    .select()
    .from(moderationCases)
    .where(eq(moderationCases.inboundMessageId, row.id))
    .for("update");
  const threat = needsEscalation({
    analysis: { scores: analysis.scores, labels: analysis.labels, reasons: analysis.reasons },
    settings,
  });
  if (!existing) {
    if (moderation.status !== "visible" || analysis.flagged) {
      await openModerationCases(tx, {
        orgId: options.orgId,
        settings,
        now: options.now,
        publicUrl: options.publicUrl,
        stored: [
          {
            messageId: row.id,
            channelAccountId: row.channelAccountId,
            conversationId: row.conversationId,
            moderation,
            analysis,
          },
        ],
      });
      const [opened] = await tx
        .select({ id: moderationCases.id })
        .from(moderationCases)
        .where(eq(moderationCases.inboundMessageId, row.id));
      if (opened) result.caseId = opened.id;
    }
    return { result, conversationId: row.conversationId };
  }
  await tx
    .update(moderationCases)
    .set({
      status: existing.status === "decided" ? "reopened" : existing.status,
      priority: Math.max(
        existing.priority,
        casePriority({ threat, pipelineStatus: moderation.status, appealed: false }),
      ),
      pipelineStatus: moderation.status,
      pipelineReason: moderation.reason,
      pipelineClause: moderation.clause,
      trail: moderation.trail,
      threat: existing.threat || threat,
      offense: analysis.scores.offense,
    })
    .where(eq(moderationCases.id, existing.id));
  await tx.insert(moderationDecisions).values({
    orgId: options.orgId,
    caseId: existing.id,
    kind: "edit",
    reason: row.text,
    actorUserId: null,
    actorLabel: row.authorHandle,
    at: options.now,
  });
  if (threat && !existing.threat)
    await escalateThreat(tx, {
      orgId: options.orgId,
      moderationCase: existing,
      settings,
      now: options.now,
      publicUrl: options.publicUrl,
    });
  result.caseId = existing.id;
  return { result, conversationId: row.conversationId };
}

function asInboundMessage(row: typeof inboundMessages.$inferSelect, edit: MessageEdit): TInboundMessage {
  return {
    // An edit changes the text; the files stay as they came (and stay stored).
    attachments: [],
    channelAccountId: row.channelAccountId,
    externalId: row.externalId,
    kind: row.kind,
    authorHandle: row.authorHandle,
    authorName: row.authorName,
    text: edit.text,
    language: row.language,
    threadExternalId: row.threadExternalId,
    inReplyToExternalId: row.inReplyToExternalId,
    visibility: row.visibility,
    media: row.media,
    receivedAt: row.receivedAt,
    raw: edit.raw,
  };
}
