// Verifies every audit chain (or one organisation's) against its hashes, links and recorded head.
import { and, asc, eq, gt } from "drizzle-orm";
import { auditChains, auditEvents } from "../../db/schema/index.js";
import { type ChainProblem, type StoredAuditEvent, verifyChain } from "../../domain/auditChain.js";
import type { AppContext } from "../context.js";

export interface ChainReport {
  chainId: string;
  events: number;
  lastHash: string | null;
  problems: ChainProblem[];
}

const PAGE = 5_000;

export async function verifyAuditTrail(ctx: AppContext, options: { chainId?: string } = {}): Promise<ChainReport[]> {
  const heads = await ctx.db.select().from(auditChains).orderBy(asc(auditChains.chainId));
  const chainIds = new Set(heads.map((h) => h.chainId));
  // Events whose chain has no head (the head row deleted) are verified too, and reported.
  const orphanChains = await ctx.db.selectDistinct({ chainId: auditEvents.chainId }).from(auditEvents);
  for (const { chainId } of orphanChains) chainIds.add(chainId);

  const reports: ChainReport[] = [];
  for (const chainId of [...chainIds].sort()) {
    if (options.chainId && chainId !== options.chainId) continue;
    const events = await loadChain(ctx, chainId);
    const head = heads.find((h) => h.chainId === chainId) ?? null;
    const problems = verifyChain(events, head ?? { lastSeq: -1, lastHash: "" });
    reports.push({ chainId, events: events.length, lastHash: events.at(-1)?.hash ?? null, problems });
  }
  return reports;
}

async function loadChain(ctx: AppContext, chainId: string): Promise<StoredAuditEvent[]> {
  const all: StoredAuditEvent[] = [];
  let afterSeq = -2_147_483_648; // seq is a PostgreSQL integer
  for (;;) {
    const rows = await ctx.db
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
