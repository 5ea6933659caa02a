// Appends events to the hash-chained audit trail. Call inside the use case's transaction so that
// the state change and its audit event commit together or not at all. Hashes are HMACs under the
// process's audit key (security/auditKey.ts), so the database alone cannot recompute them. A head that
// is not signed with that key is never extended (see refuseToExtend in domain/auditChain.ts).
import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { auditChains, auditEvents } from "../../db/schema/index.js";
import {
  GENESIS_HASH,
  type HeadRefusal,
  INSTALLATION_CHAIN,
  computeKeyedAuditHash,
  headMac,
  refuseToExtend,
} from "../../domain/auditChain.js";
import { AppError, isAppError } from "../../domain/errors.js";
import type { AuditAction, AuditTarget } from "../../domain/words/codes.js";
import type { Logger } from "../../logger.js";
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
  const key = installedAuditKey();
  let [head] = await lockHead();
  if (!head) {
    // The chain's first event: create its head, signed (a concurrent first writer may win; then lock theirs).
    // Events without a head mean the head row was deleted: starting afresh at seq 1 would hide that.
    const [orphan] = await tx
      .select({ seq: auditEvents.seq })
      .from(auditEvents)
      .where(eq(auditEvents.chainId, chainId))
      .limit(1);
    if (orphan) throw chainDamaged(chainId, "head_mismatch");
    const genesis = { lastSeq: 0, lastHash: GENESIS_HASH };
    await tx
      .insert(auditChains)
      .values({ chainId, ...genesis, headMac: headMac(key, chainId, genesis) })
      .onConflictDoNothing();
    [head] = await lockHead();
  }
  if (!head) throw new Error(`audit chain ${chainId} vanished while appending`);
  const lastEvent =
    head.headMac === null && head.lastSeq > 0
      ? (
          await tx
            .select()
            .from(auditEvents)
            .where(and(eq(auditEvents.chainId, chainId), eq(auditEvents.seq, head.lastSeq)))
        )[0]
      : undefined;
  const refusal = refuseToExtend(
    chainId,
    { lastSeq: head.lastSeq, lastHash: head.lastHash, mac: head.headMac, anchored: head.anchorMac !== null },
    key,
    lastEvent,
  );
  if (refusal) throw chainDamaged(chainId, refusal);
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

/** An append refused because the chain's head was changed outside draht (see chainDamaged). */
export function isAuditTrailDamaged(error: unknown): boolean {
  return isAppError(error) && error.code === "AUDIT_TRAIL_DAMAGED";
}

/**
 * For jobs that go through several organisations: runs one organisation's part; where that organisation's
 * audit chain is damaged, logs it at error level and returns null, so the job goes on with the others.
 */
export async function unlessChainDamaged<T>(
  log: Logger,
  context: { orgId: string; [key: string]: unknown },
  part: () => Promise<T>,
): Promise<T | null> {
  try {
    return await part();
  } catch (error) {
    if (!isAuditTrailDamaged(error)) throw error;
    log.error(
      { err: error, ...context },
      "not recorded: the organisation's audit chain is damaged (draht audit verify)",
    );
    return null;
  }
}

/**
 * The action fails (HTTP 500, logged at error level by the server and the worker) and every later one on
 * this chain too, until an operator has run `draht audit verify` and `draht audit reseal`: extending the
 * chain would sign its head anew and so hide what was done to it.
 */
function chainDamaged(chainId: string, reason: HeadRefusal): AppError {
  return new AppError("AUDIT_TRAIL_DAMAGED", {
    userMessage:
      `The audit chain ${chainId} was changed outside draht (${reason}): refusing to extend it, so that the damage ` +
      "stays visible. The operator runs `draht audit verify`, then `draht audit reseal`.",
    details: { chainId, reason },
  });
}

/** Round-trips through JSON so the hashed value equals what jsonb gives back (dates become strings). */
function normaliseData(data: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(JSON.stringify(data)) as Record<string, unknown>;
}
