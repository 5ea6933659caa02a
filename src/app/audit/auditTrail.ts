// Appends events to the hash-chained audit trail. Call inside the use case's transaction so that
// the state change and its audit event commit together or not at all.
import { eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { auditChains, auditEvents } from "../../db/schema/index.js";
import { GENESIS_HASH, INSTALLATION_CHAIN, computeAuditHash } from "../../domain/auditChain.js";
import type { Principal } from "../context.js";

export interface AuditEntry {
  /** Organisation whose chain receives the event; null for installation-level events. */
  orgId: string | null;
  actor: Principal;
  action: string;
  target?: { type: string; id: string };
  /** Ids and changed field names, never secrets or citizen texts. */
  data?: Record<string, unknown>;
  occurredAt: Date;
}

export async function appendAuditEvent(tx: Db, entry: AuditEntry): Promise<void> {
  const chainId = entry.orgId ?? INSTALLATION_CHAIN;
  // Row lock on the chain head serialises appends per chain, on PGlite and on a server alike.
  const lockHead = () => tx.select().from(auditChains).where(eq(auditChains.chainId, chainId)).for("update");
  let [head] = await lockHead();
  if (!head) {
    // The chain's first event: create its head (a concurrent first writer may win; then lock theirs).
    await tx.insert(auditChains).values({ chainId, lastSeq: 0, lastHash: GENESIS_HASH }).onConflictDoNothing();
    [head] = await lockHead();
  }
  if (!head) throw new Error(`audit chain ${chainId} vanished while appending`);
  const occurredAt = new Date(entry.occurredAt.getTime());
  const content = {
    chainId,
    seq: head.lastSeq + 1,
    occurredAt,
    actorUserId: entry.actor.userId,
    actorLabel: entry.actor.label,
    action: entry.action,
    targetType: entry.target?.type ?? null,
    targetId: entry.target?.id ?? null,
    data: normaliseData(entry.data ?? {}),
    prevHash: head.lastHash,
  };
  const hash = computeAuditHash(content);
  await tx.insert(auditEvents).values({
    ...content,
    orgId: entry.orgId,
    requestId: entry.actor.requestId ?? null,
    hash,
  });
  await tx
    .update(auditChains)
    .set({ lastSeq: sql`${auditChains.lastSeq} + 1`, lastHash: hash })
    .where(eq(auditChains.chainId, chainId));
}

/** Round-trips through JSON so the hashed value equals what jsonb gives back (dates become strings). */
function normaliseData(data: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(JSON.stringify(data)) as Record<string, unknown>;
}
