// Lets draht extend a chain again that appends refuse (its head not signed with the audit key, or its head
// row gone), once an operator has looked into it with `draht audit verify`: signs a head naming the chain's
// actual last event and appends an `audit.chain_resealed` event that keeps the head as it was found and what
// verify reported, so the break stays in the trail. Events are never rewritten: damage among them (altered,
// inserted, missing in the middle) is still reported afterwards. The newest events deleted and the head set
// back by hand is not: from then on the reseal event is the trace of it.
import { eq } from "drizzle-orm";
import { auditChains } from "../../db/schema/index.js";
import { type ChainProblem, GENESIS_HASH, INSTALLATION_CHAIN, headMac } from "../../domain/auditChain.js";
import { AppError } from "../../domain/errors.js";
import type { AppContext, Principal } from "../context.js";
import { appendAuditEvent } from "./auditTrail.js";
import { loadChain, verifyStoredChain } from "./verify-audit-trail.js";

export type ResealOutcome =
  | { chainId: string; outcome: "not_needed"; problems: ChainProblem[] }
  | { chainId: string; outcome: "resealed"; problems: ChainProblem[]; resealedAtSeq: number };

/** Problems that make appends refuse (see refuseToExtend): only these are resealed. */
const HEAD_PROBLEMS: ReadonlySet<ChainProblem["kind"]> = new Set(["head_mismatch", "head_not_signed"]);
const KEPT_PROBLEMS = 50;

export async function resealAuditChain(
  ctx: AppContext,
  options: { chainId: string; actor: Principal },
): Promise<ResealOutcome> {
  const { chainId } = options;
  return ctx.db.transaction(async (tx) => {
    const [head] = await tx.select().from(auditChains).where(eq(auditChains.chainId, chainId)).for("update");
    const events = await loadChain(tx, chainId);
    if (!head && events.length === 0) throw new AppError("NOT_FOUND", { userMessage: `No audit chain "${chainId}".` });
    const problems = verifyStoredChain(ctx, chainId, events, head);
    if (!problems.some((p) => HEAD_PROBLEMS.has(p.kind))) return { chainId, outcome: "not_needed", problems };

    const last = events.at(-1);
    const position = { lastSeq: last?.seq ?? 0, lastHash: last?.hash ?? GENESIS_HASH };
    const signed = { ...position, headMac: headMac(ctx.auditKey, chainId, position) };
    if (head) await tx.update(auditChains).set(signed).where(eq(auditChains.chainId, chainId));
    else await tx.insert(auditChains).values({ chainId, ...signed });
    await appendAuditEvent(tx, {
      orgId: chainId === INSTALLATION_CHAIN ? null : chainId,
      actor: options.actor,
      action: "audit.chain_resealed",
      data: {
        foundHead: head ? { lastSeq: head.lastSeq, lastHash: head.lastHash, signed: head.headMac !== null } : null,
        resealedAfterSeq: position.lastSeq,
        problems: problems.slice(0, KEPT_PROBLEMS),
        problemCount: problems.length,
      },
      occurredAt: ctx.clock(),
    });
    return { chainId, outcome: "resealed", problems, resealedAtSeq: position.lastSeq + 1 };
  });
}
