// One moderation case as a moderator reviews it: the message with scores and reasons, the pipeline's
// trail, the thread before it, the decision history, evidence packages (with their verification), the
// moderators' threat label, and the Netiquette clauses to cite.
import { and, asc, desc, eq, lt } from "drizzle-orm";
import { evidencePackages, inboundMessages, moderationDecisions, threatLabels } from "../../db/schema/index.js";
import { verifyEvidence } from "../../domain/moderation/evidence.js";
import type { OrgActor } from "../authorization.js";
import type { AppContext } from "../context.js";
import { netiquetteInForce } from "../website/publicOrg.js";
import { loadCase } from "./caseRecords.js";
import { presentCase, presentMessage } from "./list-moderation-queue.js";

export async function getModerationCase(ctx: AppContext, options: { actor: OrgActor; orgId: string; caseId: string }) {
  const row = await loadCase(ctx, ctx.db, { ...options, action: "moderation.view" });
  const { message } = row;
  const thread = message.threadExternalId
    ? await ctx.db
        .select()
        .from(inboundMessages)
        .where(
          and(
            eq(inboundMessages.channelAccountId, row.account.id),
            eq(inboundMessages.threadExternalId, message.threadExternalId),
            lt(inboundMessages.receivedAt, message.receivedAt),
          ),
        )
        .orderBy(desc(inboundMessages.receivedAt))
        .limit(10)
    : [];
  const decisions = await ctx.db
    .select()
    .from(moderationDecisions)
    .where(eq(moderationDecisions.caseId, row.case.id))
    .orderBy(asc(moderationDecisions.at));
  const evidence = await ctx.db
    .select()
    .from(evidencePackages)
    .where(eq(evidencePackages.caseId, row.case.id))
    .orderBy(asc(evidencePackages.securedAt));
  const [label] = await ctx.db
    .select({ label: threatLabels.label })
    .from(threatLabels)
    .where(eq(threatLabels.caseId, row.case.id));
  const netiquette = await netiquetteInForce(ctx.db, options.orgId);
  const c = row.case;
  return {
    ...presentCase(c),
    trail: c.trail,
    decidedByUserId: c.decidedByUserId,
    conversationId: c.conversationId,
    channel: { id: row.account.id, name: row.account.name, network: row.account.network },
    message: {
      ...presentMessage(message),
      evidence: ((message.analysis ?? {}) as { evidence?: { feature: string; weight: number }[] }).evidence ?? [],
    },
    thread: thread.reverse().map(presentMessage),
    decisions: decisions.map((d) => ({
      id: d.id,
      kind: d.kind,
      action: d.action,
      clause: d.clause,
      reason: d.reason,
      channelOutcome: d.channelOutcome,
      actorLabel: d.actorLabel,
      at: d.at.toISOString(),
    })),
    evidence: evidence.map((e) => ({
      id: e.id,
      sha256: e.sha256,
      securedAt: e.securedAt.toISOString(),
      securedBy: e.content.securedBy,
      verified: verifyEvidence(e.content, e.sha256),
    })),
    threatLabel: label?.label ?? null,
    netiquette: netiquette
      ? {
          id: netiquette.id,
          version: netiquette.version,
          clauses: netiquette.clauses.map((cl) => ({ number: cl.number, title: cl.title })),
        }
      : null,
  };
}
