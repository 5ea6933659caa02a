// Verifies every audit chain (or one organisation's) against its keyed hashes, links, anchor and
// signed head; given heads exported earlier (`draht audit export-head`), also that each is still there.
import { and, asc, eq, gt } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { auditChains, auditEvents } from "../../db/schema/index.js";
import {
  type ChainProblem,
  type StoredAuditEvent,
  checkExportedHead,
  exportMac,
  macsEqual,
  verifyChain,
} from "../../domain/auditChain.js";
import { AppError } from "../../domain/errors.js";
import type { AppContext } from "../context.js";
import type { TExportedHeads } from "./exportedHeads.js";

export interface ChainReport {
  chainId: string;
  events: number;
  lastSeq: number;
  lastHash: string | null;
  /** Events before this seq predate the audit key and carry the public hash (null: keyed throughout). */
  keyedFromSeq: number | null;
  problems: ChainProblem[];
}

const PAGE = 5_000;

export async function verifyAuditTrail(
  ctx: AppContext,
  options: { chainId?: string; exportedHeads?: TExportedHeads } = {},
): Promise<ChainReport[]> {
  const exported = options.exportedHeads;
  if (exported && !macsEqual(exported.mac, exportMac(ctx.auditKey, exported.exportedAt, exported.heads)))
    throw new AppError("VALIDATION_FAILED", {
      userMessage: "The head file was not exported by this installation (its MAC does not match the audit key).",
      details: { field: "head" },
    });
  const heads = await ctx.db.select().from(auditChains).orderBy(asc(auditChains.chainId));
  const chainIds = new Set(heads.map((h) => h.chainId));
  // Events whose chain has no head (the head row deleted) are verified too, and reported.
  const orphanChains = await ctx.db.selectDistinct({ chainId: auditEvents.chainId }).from(auditEvents);
  for (const { chainId } of orphanChains) chainIds.add(chainId);
  for (const head of exported?.heads ?? []) chainIds.add(head.chainId);

  const reports: ChainReport[] = [];
  for (const chainId of [...chainIds].sort()) {
    if (options.chainId && chainId !== options.chainId) continue;
    const events = await loadChain(ctx.db, chainId);
    const head = heads.find((h) => h.chainId === chainId);
    const problems = verifyStoredChain(ctx, chainId, events, head);
    for (const position of exported?.heads.filter((h) => h.chainId === chainId) ?? []) {
      const problem = checkExportedHead(events, position);
      if (problem) problems.push(problem);
    }
    reports.push({
      chainId,
      events: events.length,
      lastSeq: events.at(-1)?.seq ?? 0,
      lastHash: events.at(-1)?.hash ?? null,
      keyedFromSeq: head?.anchorPrevHash != null && head.anchorMac != null ? head.keyedFromSeq : null,
      problems,
    });
  }
  return reports;
}

/** A head that cannot match: a chain's events without its head row are reported as damaged. */
export const missingHead = { lastSeq: -1, lastHash: "", mac: null };

/** The chain's events checked against its stored head and anchor (if any) under the installed key. */
export function verifyStoredChain(
  ctx: AppContext,
  chainId: string,
  events: StoredAuditEvent[],
  head: typeof auditChains.$inferSelect | undefined,
) {
  const anchored = head?.keyedFromSeq != null && head.anchorPrevHash != null && head.anchorMac != null;
  return verifyChain(chainId, events, {
    key: ctx.auditKey,
    head: head ? { lastSeq: head.lastSeq, lastHash: head.lastHash, mac: head.headMac } : missingHead,
    anchor:
      head && anchored
        ? { keyedFromSeq: head.keyedFromSeq ?? 1, prevHash: head.anchorPrevHash ?? "", mac: head.anchorMac ?? "" }
        : null,
  });
}

export async function loadChain(db: Db, chainId: string): Promise<StoredAuditEvent[]> {
  const all: StoredAuditEvent[] = [];
  let afterSeq = -2_147_483_648; // seq is a PostgreSQL integer
  for (;;) {
    const rows = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.chainId, chainId), gt(auditEvents.seq, afterSeq)))
      .orderBy(asc(auditEvents.seq))
      .limit(PAGE);
    all.push(...rows);
    const last = rows.at(-1);
    if (!last || rows.length < PAGE) return all;
    afterSeq = last.seq;
  }
}
