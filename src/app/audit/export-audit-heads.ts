// Exports the current head of every intact chain (or one), signed with the audit key, for the
// operator to keep outside the database. Damaged chains are not exported: their head proves nothing.
import { exportMac } from "../../domain/auditChain.js";
import type { AppContext } from "../context.js";
import type { TExportedHeads } from "./exportedHeads.js";
import { type ChainReport, verifyAuditTrail } from "./verify-audit-trail.js";

export async function exportAuditHeads(
  ctx: AppContext,
  options: { chainId?: string } = {},
): Promise<{ exported: TExportedHeads | null; damaged: ChainReport[] }> {
  const reports = await verifyAuditTrail(ctx, { chainId: options.chainId });
  const damaged = reports.filter((r) => r.problems.length > 0);
  if (damaged.length > 0) return { exported: null, damaged };
  const heads = reports.flatMap((r) => (r.lastHash ? [{ chainId: r.chainId, seq: r.lastSeq, hash: r.lastHash }] : []));
  const exportedAt = ctx.clock().toISOString();
  return {
    exported: { format: "draht-audit-heads/1", exportedAt, heads, mac: exportMac(ctx.auditKey, exportedAt, heads) },
    damaged,
  };
}
