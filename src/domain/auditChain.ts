// The audit trail's hash chain: each event's hash covers its content and the previous event's hash
// in the same chain (one chain per organisation, plus one for the installation), so any altered,
// inserted or deleted event breaks verification. The hash is an HMAC under the installation's audit
// key, which the database does not hold: someone who can write the database but lacks the key cannot
// recompute a consistent chain. Chains begun before draht had an audit key keep their plain SHA-256
// prefix, vouched for by an anchor (an HMAC naming where keyed hashing began).
import { createHash, createHmac, timingSafeEqual } from "node:crypto";

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

function eventPayload(event: AuditEventContent): unknown[] {
  return [
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
  ];
}

/** The public, unkeyed hash of events written before the audit key existed (anyone can compute it). */
export function computeAuditHash(event: AuditEventContent): string {
  return createHash("sha256")
    .update(canonicalJson(eventPayload(event)))
    .digest("hex");
}

const mac = (key: Buffer, label: string, parts: unknown[]) =>
  createHmac("sha256", key)
    .update(canonicalJson([label, ...parts]))
    .digest("hex");

/** The hash of every event written with the audit key. */
export function computeKeyedAuditHash(event: AuditEventContent, key: Buffer): string {
  return mac(key, "draht.audit.event", eventPayload(event));
}

/** Vouches that a chain's events before `keyedFromSeq` were hashed before the key existed, ending at `prevHash`. */
export interface ChainAnchor {
  keyedFromSeq: number;
  prevHash: string;
  mac: string;
}

export function anchorMac(key: Buffer, chainId: string, anchor: Omit<ChainAnchor, "mac">): string {
  return mac(key, "draht.audit.anchor", [chainId, anchor.keyedFromSeq, anchor.prevHash]);
}

export interface ChainHead {
  lastSeq: number;
  lastHash: string;
  /** HMAC of the head, so that a head set by hand (after deleting the newest events) is noticed. */
  mac: string | null;
}

export function headMac(key: Buffer, chainId: string, head: { lastSeq: number; lastHash: string }): string {
  return mac(key, "draht.audit.head", [chainId, head.lastSeq, head.lastHash]);
}

/** Why a chain's head must not be extended: appending signs the head anew and would vouch for it. */
export type HeadRefusal = "head_mismatch" | "head_not_signed";

/**
 * Whether an appender may extend this head (checked under its row lock). A signed head must verify
 * under the key: otherwise signing the next head would launder a head set by hand after the newest
 * events were deleted. An unsigned head is only accepted where draht left one before the audit key:
 * a chain never anchored whose last event (`lastEvent`, the stored event at `head.lastSeq`) is plain-hashed
 * and named by the head. Checking the signed head needs no query, so appends cost no extra statement.
 */
export function refuseToExtend(
  chainId: string,
  head: ChainHead & { anchored: boolean },
  key: Buffer,
  lastEvent: StoredAuditEvent | undefined,
): HeadRefusal | null {
  if (head.mac !== null) return macsEqual(head.mac, headMac(key, chainId, head)) ? null : "head_not_signed";
  if (head.anchored || !lastEvent) return "head_not_signed";
  if (lastEvent.seq !== head.lastSeq || lastEvent.hash !== head.lastHash) return "head_mismatch";
  return computeAuditHash(lastEvent) === lastEvent.hash ? null : "head_not_signed";
}

/** A chain position an operator exported and keeps outside the database. */
export interface ExportedHead {
  chainId: string;
  seq: number;
  hash: string;
}

export function exportMac(key: Buffer, exportedAt: string, heads: readonly ExportedHead[]): string {
  return mac(key, "draht.audit.export", [exportedAt, heads.map((h) => [h.chainId, h.seq, h.hash])]);
}

export function macsEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

export interface StoredAuditEvent extends AuditEventContent {
  id: string;
  hash: string;
}

export type ChainProblem =
  | { kind: "hash_mismatch"; seq: number; eventId: string }
  /** Hashed with the public algorithm where the audit key is required: forged, or older than the key and not anchored. */
  | { kind: "not_keyed"; fromSeq: number; toSeq: number }
  | { kind: "broken_link"; seq: number; eventId: string }
  | { kind: "sequence_gap"; expectedSeq: number; foundSeq: number }
  | { kind: "head_mismatch"; expectedSeq: number; foundSeq: number }
  | { kind: "head_not_signed" }
  | { kind: "anchor_invalid" }
  | { kind: "exported_head_missing"; seq: number; hash: string };

/**
 * Checks one chain, events ordered by seq. `head` is the chain's recorded last position; it catches
 * deletion of the newest events, which the links alone cannot. Events before a valid anchor's
 * `keyedFromSeq` are checked with the public hash, all others with the audit key.
 */
export function verifyChain(
  chainId: string,
  events: readonly StoredAuditEvent[],
  options: { key: Buffer; head: ChainHead | null; anchor: ChainAnchor | null },
): ChainProblem[] {
  const { key, head, anchor } = options;
  const problems: ChainProblem[] = [];
  const anchorValid = anchor !== null && macsEqual(anchor.mac, anchorMac(key, chainId, anchor));
  if (anchor && !anchorValid) problems.push({ kind: "anchor_invalid" });
  const keyedFromSeq = anchorValid ? anchor.keyedFromSeq : 1;
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  const unkeyed: number[] = [];
  for (const event of events) {
    if (event.seq !== expectedSeq) problems.push({ kind: "sequence_gap", expectedSeq, foundSeq: event.seq });
    if (event.prevHash !== prevHash) problems.push({ kind: "broken_link", seq: event.seq, eventId: event.id });
    if (anchorValid && event.seq === keyedFromSeq && event.prevHash !== anchor.prevHash)
      problems.push({ kind: "anchor_invalid" });
    if (event.seq < keyedFromSeq) {
      if (computeAuditHash(event) !== event.hash)
        problems.push({ kind: "hash_mismatch", seq: event.seq, eventId: event.id });
    } else if (!macsEqual(computeKeyedAuditHash(event, key), event.hash)) {
      if (computeAuditHash(event) === event.hash) unkeyed.push(event.seq);
      else problems.push({ kind: "hash_mismatch", seq: event.seq, eventId: event.id });
    }
    prevHash = event.hash;
    expectedSeq = event.seq + 1;
  }
  problems.push(...runsOf(unkeyed));
  const lastSeq = expectedSeq - 1;
  // An anchor placed after the last event vouches for the whole (plain) chain as it stood.
  if (anchorValid && keyedFromSeq === lastSeq + 1 && prevHash !== anchor.prevHash)
    problems.push({ kind: "anchor_invalid" });
  if (head && (head.lastSeq !== lastSeq || head.lastHash !== prevHash)) {
    problems.push({ kind: "head_mismatch", expectedSeq: head.lastSeq, foundSeq: lastSeq });
  } else if (head && (head.mac === null || !macsEqual(head.mac, headMac(key, chainId, head)))) {
    problems.push({ kind: "head_not_signed" });
  }
  return problems;
}

function runsOf(seqs: readonly number[]): ChainProblem[] {
  const runs: ChainProblem[] = [];
  for (const seq of seqs) {
    const last = runs.at(-1);
    if (last?.kind === "not_keyed" && last.toSeq === seq - 1) last.toSeq = seq;
    else runs.push({ kind: "not_keyed", fromSeq: seq, toSeq: seq });
  }
  return runs;
}

/** The exported position must still be in the chain: otherwise events were deleted or rewritten since. */
export function checkExportedHead(events: readonly StoredAuditEvent[], exported: ExportedHead): ChainProblem | null {
  const event = events.find((e) => e.seq === exported.seq);
  return event?.hash === exported.hash
    ? null
    : { kind: "exported_head_missing", seq: exported.seq, hash: exported.hash };
}

/**
 * Where a chain begun before the audit key should be anchored: at its first event hashed with the key,
 * or after its last event if none is. Null when the chain needs no anchor (keyed from its first event).
 */
export function proposeAnchor(events: readonly StoredAuditEvent[], key: Buffer): Omit<ChainAnchor, "mac"> | null {
  const firstKeyed = events.find((e) => macsEqual(computeKeyedAuditHash(e, key), e.hash));
  const keyedFromSeq = firstKeyed?.seq ?? (events.at(-1)?.seq ?? 0) + 1;
  if (keyedFromSeq === 1) return null;
  const before = events.filter((e) => e.seq < keyedFromSeq).at(-1);
  return { keyedFromSeq, prevHash: before?.hash ?? GENESIS_HASH };
}
