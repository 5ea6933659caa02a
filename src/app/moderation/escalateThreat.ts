// A threat: evidence secured, the people who must know notified, the escalation audited — in the caller's
// transaction. The pipeline raises it for a message it takes for a threat (at ingestion, or when an edit
// makes one); a moderator by labelling as a threat a message the pipeline did not take for one.
import { desc, eq } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.js";
import { evidencePackages, userNotifications } from "../../db/schema/index.js";
import type { TModerationSettings } from "../../domain/moderation/settings.js";
import { appendAuditEvent } from "../audit/auditTrail.js";
import type { Principal } from "../context.js";
import { alertRecipients } from "./moderationRecords.js";
import { secureEvidence } from "./secureEvidence.js";

const PIPELINE: Principal = { userId: null, label: "system" };

export async function escalateThreat(
  tx: Db | Tx,
  args: {
    orgId: string;
    moderationCase: { id: string; channelAccountId: string; conversationId: string | null };
    settings: TModerationSettings;
    now: Date;
    publicUrl: string;
    /** Who raised it: the pipeline (the default) or the moderator who labelled the message a threat. */
    actor?: Principal;
    /**
     * "always" (the pipeline: the text as it is now, also after an edit) or "unless_secured": a package
     * secured earlier, on request, is the evidence, and none is added.
     */
    evidence?: "always" | "unless_secured";
  },
): Promise<void> {
  const c = args.moderationCase;
  const actor = args.actor ?? PIPELINE;
  const earlier =
    args.evidence === "unless_secured"
      ? (
          await tx
            .select({ id: evidencePackages.id, sha256: evidencePackages.sha256 })
            .from(evidencePackages)
            .where(eq(evidencePackages.caseId, c.id))
            .orderBy(desc(evidencePackages.securedAt))
            .limit(1)
        )[0]
      : undefined;
  const evidence =
    earlier ??
    (await secureEvidence(tx, {
      orgId: args.orgId,
      caseId: c.id,
      securedBy: actor.label,
      now: args.now,
      publicUrl: args.publicUrl,
    }));
  const recipients = await alertRecipients(tx, {
    orgId: args.orgId,
    channelAccountId: c.channelAccountId,
    contacts: args.settings.threatContacts,
  });
  if (recipients.length) {
    await tx.insert(userNotifications).values(
      recipients.map((userId) => ({
        orgId: args.orgId,
        userId,
        kind: "threat" as const,
        conversationId: c.conversationId,
        moderationCaseId: c.id,
        channelAccountId: c.channelAccountId,
        actorLabel: actor.label,
        createdAt: args.now,
      })),
    );
  }
  await appendAuditEvent(tx, {
    orgId: args.orgId,
    actor,
    action: "moderation.threat_escalated",
    target: { type: "moderation_case", id: c.id },
    data: {
      evidenceId: evidence.id,
      sha256: evidence.sha256,
      ...(earlier ? { evidenceSecuredBefore: true } : {}),
      notified: recipients,
    },
    occurredAt: args.now,
  });
}
