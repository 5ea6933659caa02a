// Lists an organisation's audit events, newest first, with keyset paging.
import { and, desc, eq, lt } from "drizzle-orm";
import { auditEvents } from "../../db/schema/index.js";
import { organisationWide } from "../../domain/policy.js";
import type { AppContext } from "../context.js";
import { type OrgActor, requireAllowed } from "../authorization.js";

export async function listAuditEvents(
  ctx: AppContext,
  options: { actor: OrgActor; orgId: string; beforeSeq?: number; limit?: number },
) {
  // The trail spans every department: only a grant without limits reads it.
  requireAllowed(ctx, options.actor, "audit.view", organisationWide(options.orgId));
  const limit = Math.min(Math.max(options.limit ?? 50, 1), 200);
  const rows = await ctx.db
    .select({
      id: auditEvents.id,
      seq: auditEvents.seq,
      occurredAt: auditEvents.occurredAt,
      actorLabel: auditEvents.actorLabel,
      action: auditEvents.action,
      targetType: auditEvents.targetType,
      targetId: auditEvents.targetId,
      data: auditEvents.data,
      hash: auditEvents.hash,
    })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.chainId, options.orgId),
        options.beforeSeq === undefined ? undefined : lt(auditEvents.seq, options.beforeSeq),
      ),
    )
    .orderBy(desc(auditEvents.seq))
    .limit(limit);
  return { events: rows, nextBeforeSeq: rows.length === limit ? rows.at(-1)?.seq : undefined };
}
