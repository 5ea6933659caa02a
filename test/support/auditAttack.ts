// The attack of issue #16.4 as someone with database rights (but not the audit key) would run it:
// change one event, recompute every later hash with the published algorithm, and set the chain's head
// to the new last hash, bypassing the append-only trigger.
import { asc, eq, sql } from "drizzle-orm";
import type { Db } from "../../src/db/client.js";
import { auditChains, auditEvents } from "../../src/db/schema/index.js";
import { computeAuditHash } from "../../src/domain/auditChain.js";

export async function rewriteChainWithPublicAlgorithm(
  db: Db,
  options: { chainId: string; seq: number; change: { actorLabel?: string; data?: Record<string, unknown> } },
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only`);
    const events = await tx
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.chainId, options.chainId))
      .orderBy(asc(auditEvents.seq));
    let prevHash: string | null = null;
    for (const event of events) {
      if (event.seq < options.seq) {
        prevHash = event.hash;
        continue;
      }
      const changed = event.seq === options.seq ? { ...event, ...options.change } : event;
      const rewritten = { ...changed, prevHash: prevHash ?? changed.prevHash };
      const hash = computeAuditHash(rewritten);
      await tx
        .update(auditEvents)
        .set({ actorLabel: rewritten.actorLabel, data: rewritten.data, prevHash: rewritten.prevHash, hash })
        .where(eq(auditEvents.id, event.id));
      prevHash = hash;
    }
    const last = events.at(-1);
    if (last && prevHash) {
      await tx
        .update(auditChains)
        .set({ lastSeq: last.seq, lastHash: prevHash })
        .where(eq(auditChains.chainId, options.chainId));
    }
    await tx.execute(sql`ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only`);
  });
}
