// Anchors chains begun before draht had an audit key, once, when upgrading: an HMAC records from which
// event on the chain is keyed and which hash its plain prefix ended with, so that nobody without the
// key can later rewrite the prefix or pass off keyed events as plain ones. Run it before anyone could
// have tampered with the database: it vouches for the prefix as it finds it (after checking its links).
import { eq } from "drizzle-orm";
import { auditChains } from "../../db/schema/index.js";
import {
  type ChainProblem,
  anchorMac,
  headMac,
  proposeAnchor,
  refuseToExtend,
  verifyChain,
} from "../../domain/auditChain.js";
import type { AppContext } from "../context.js";
import { loadChain } from "./verify-audit-trail.js";

export type AnchorOutcome =
  | { chainId: string; outcome: "anchored"; keyedFromSeq: number }
  | { chainId: string; outcome: "not_needed" | "already_anchored" }
  | { chainId: string; outcome: "refused"; problems: ChainProblem[] };

export async function anchorAuditChains(ctx: AppContext, options: { chainId?: string } = {}): Promise<AnchorOutcome[]> {
  const heads = await ctx.db.select().from(auditChains).orderBy(auditChains.chainId);
  const outcomes: AnchorOutcome[] = [];
  for (const head of heads) {
    if (options.chainId && head.chainId !== options.chainId) continue;
    outcomes.push(await anchorChain(ctx, head.chainId));
  }
  return outcomes;
}

async function anchorChain(ctx: AppContext, chainId: string): Promise<AnchorOutcome> {
  return ctx.db.transaction(async (tx) => {
    // The head's row lock keeps appends out while the prefix is checked and anchored.
    const [head] = await tx.select().from(auditChains).where(eq(auditChains.chainId, chainId)).for("update");
    if (!head) return { chainId, outcome: "not_needed" };
    if (head.anchorMac) return { chainId, outcome: "already_anchored" };
    const events = await loadChain(tx, chainId);
    // Anchoring signs the head anew: never one that was set by hand (see refuseToExtend).
    const found = { lastSeq: head.lastSeq, lastHash: head.lastHash, mac: head.headMac, anchored: false };
    const lastEvent = events.find((e) => e.seq === head.lastSeq);
    const refusal = refuseToExtend(chainId, found, ctx.auditKey, lastEvent);
    if (refusal === "head_not_signed") return { chainId, outcome: "refused", problems: [{ kind: refusal }] };
    const proposed = proposeAnchor(events, ctx.auditKey);
    if (!proposed) return { chainId, outcome: "not_needed" };
    const anchor = { ...proposed, mac: anchorMac(ctx.auditKey, chainId, proposed) };
    const signedHead = { lastSeq: head.lastSeq, lastHash: head.lastHash, mac: headMac(ctx.auditKey, chainId, head) };
    const problems = verifyChain(chainId, events, { key: ctx.auditKey, head: signedHead, anchor });
    if (problems.length > 0) return { chainId, outcome: "refused", problems };
    await tx
      .update(auditChains)
      .set({
        keyedFromSeq: anchor.keyedFromSeq,
        anchorPrevHash: anchor.prevHash,
        anchorMac: anchor.mac,
        headMac: signedHead.mac,
      })
      .where(eq(auditChains.chainId, chainId));
    return { chainId, outcome: "anchored", keyedFromSeq: anchor.keyedFromSeq };
  });
}
