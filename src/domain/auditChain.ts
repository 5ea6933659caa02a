// The audit trail's hash chain: each event's hash covers its content and the previous event's hash
// in the same chain (one chain per organisation, plus one for the installation), so any altered,
// inserted or deleted event breaks verification.
import { createHash } from "node:crypto";

export const GENESIS_HASH = "0".repeat(64);
export const INSTALLATION_CHAIN = "installation";

export interface AuditEventContent {
  chainId: string;
  seq: number;
  occurredAt: Date;
  actorUserId: string | null;
  actorLabel: string;
  action: string;
  targetType: string | null;
  targetId: string | null;
  data: unknown;
  prevHash: string;
}

/** JSON with object keys sorted at every level, so that storage (jsonb reorders keys) cannot change the hash. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

export function computeAuditHash(event: AuditEventContent): string {
  const payload = canonicalJson([
    event.chainId,
    event.seq,
    event.occurredAt.toISOString(),
    event.actorUserId,
    event.actorLabel,
    event.action,
    event.targetType,
    event.targetId,
    event.data ?? null,
    event.prevHash,
  ]);
  return createHash("sha256").update(payload).digest("hex");
}

export interface StoredAuditEvent extends AuditEventContent {
  id: string;
  hash: string;
}

export type ChainProblem =
  | { kind: "hash_mismatch"; seq: number; eventId: string }
  | { kind: "broken_link"; seq: number; eventId: string }
  | { kind: "sequence_gap"; expectedSeq: number; foundSeq: number }
  | { kind: "head_mismatch"; expectedSeq: number; foundSeq: number };

/**
 * Checks one chain, events ordered by seq. `head` is the chain's recorded last position; it catches
 * deletion of the newest events, which the links alone cannot.
 */
export function verifyChain(
  events: readonly StoredAuditEvent[],
  head: { lastSeq: number; lastHash: string } | null,
): ChainProblem[] {
  const problems: ChainProblem[] = [];
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  for (const event of events) {
    if (event.seq !== expectedSeq) problems.push({ kind: "sequence_gap", expectedSeq, foundSeq: event.seq });
    if (event.prevHash !== prevHash) problems.push({ kind: "broken_link", seq: event.seq, eventId: event.id });
    if (computeAuditHash(event) !== event.hash) {
      problems.push({ kind: "hash_mismatch", seq: event.seq, eventId: event.id });
    }
    prevHash = event.hash;
    expectedSeq = event.seq + 1;
  }
  const lastSeq = expectedSeq - 1;
  if (head && (head.lastSeq !== lastSeq || head.lastHash !== prevHash)) {
    problems.push({ kind: "head_mismatch", expectedSeq: head.lastSeq, foundSeq: lastSeq });
  }
  return problems;
}
