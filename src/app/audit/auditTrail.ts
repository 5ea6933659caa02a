// Appends events to the hash-chained audit trail. Call inside the use case's transaction so that
// the state change and its audit event commit together or not at all. Hashes are HMACs under the
// process's audit key (security/auditKey.ts), so the database alone cannot recompute them.
import { eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { auditChains, auditEvents } from "../../db/schema/index.js";
import { GENESIS_HASH, INSTALLATION_CHAIN, computeKeyedAuditHash, headMac } from "../../domain/auditChain.js";
import type { AuditAction, AuditTarget } from "../../domain/words/codes.js";
import type { Principal } from "../context.js";
import { installedAuditKey } from "../security/auditKey.js";

export interface AuditEntry {
  /** Organisation whose chain receives the event; null for installation-level events. */
  orgId: string | null;
  actor: Principal;
  /** From the registry in domain/words/codes.ts, so every event has words people read. */
  action: AuditAction;
  target?: { type: AuditTarget; id: string };
  /** Ids and changed field names, never secrets or citizen texts. */
  data?: Record<string, unknown>;
  occurredAt: Date;
}

export async function appendAuditEvent(tx: Db, entry: AuditEntry): Promise<void> {
  await appendAuditEvents(tx, [entry]);
}

/**
 * Appends several events in order, locking each chain's head once (the publishing worker records a
 * whole round this way). Chains are locked in a fixed order so concurrent writers never deadlock.
 */
export async function appendAuditEvents(tx: Db, entries: readonly AuditEntry[]): Promise<void> {
  const byChain = new Map<string, AuditEntry[]>();
  for (const entry of entries) {
    const chainId = entry.orgId ?? INSTALLATION_CHAIN;
    byChain.set(chainId, [...(byChain.get(chainId) ?? []), entry]);
  }
  for (const chainId of [...byChain.keys()].sort()) await appendToChain(tx, chainId, byChain.get(chainId) ?? []);
}

async function appendToChain(tx: Db, chainId: string, entries: AuditEntry[]): Promise<void> {
  // Row lock on the chain head serialises appends per chain, on PGlite and on a server alike.
  const lockHead = () => tx.select().from(auditChains).where(eq(auditChains.chainId, chainId)).for("update");
  let [head] = await lockHead();
  if (!head) {
    // The chain's first event: create its head (a concurrent first writer may win; then lock theirs).
    await tx.insert(auditChains).values({ chainId, lastSeq: 0, lastHash: GENESIS_HASH }).onConflictDoNothing();
    [head] = await lockHead();
  }
  if (!head) throw new Error(`audit chain ${chainId} vanished while appending`);
  const key = installedAuditKey();
  let { lastSeq, lastHash } = head;
  const rows = entries.map((entry) => {
    const content = {
      chainId,
      seq: lastSeq + 1,
      occurredAt: new Date(entry.occurredAt.getTime()),
      actorUserId: entry.actor.userId,
      actorLabel: entry.actor.label,
      action: entry.action,
      targetType: entry.target?.type ?? null,
      targetId: entry.target?.id ?? null,
      data: normaliseData(entry.data ?? {}),
      prevHash: lastHash,
    };
    const hash = computeKeyedAuditHash(content, key);
    lastSeq = content.seq;
    lastHash = hash;
    return { ...content, orgId: entry.orgId, requestId: entry.actor.requestId ?? null, hash };
  });
  if (rows.length === 0) return;
  await tx.insert(auditEvents).values(rows);
  await tx
    .update(auditChains)
    .set({ lastSeq, lastHash, headMac: headMac(key, chainId, { lastSeq, lastHash }) })
    .where(eq(auditChains.chainId, chainId));
}

/** Round-trips through JSON so the hashed value equals what jsonb gives back (dates become strings). */
function normaliseData(data: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(JSON.stringify(data)) as Record<string, unknown>;
}
