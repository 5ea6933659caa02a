// Issues signed proof-of-work challenges and redeems them once. A challenge carries its expiry and
// difficulty under an HMAC, so the server keeps no state until it is redeemed.
import { createHash, randomBytes } from "node:crypto";
import { lt } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.js";
import { usedChallenges } from "../../db/schema/index.js";
import { AppError } from "../../domain/errors.js";
import { leadingZeroBits, workInput } from "../../domain/website/proofOfWork.js";
import type { AppContext } from "../context.js";
import { tokensEqual } from "../security/tokens.js";
import { hmacHex, instanceSecret } from "../security/instanceSecret.js";

const VALID_MS = 10 * 60_000;

export interface Challenge {
  challenge: string;
  bits: number;
  expiresAt: string;
}

export async function issueChallenge(ctx: AppContext): Promise<Challenge> {
  const secret = await instanceSecret(ctx.db, "proof-of-work");
  const expiresAt = ctx.clock().getTime() + VALID_MS;
  const body = `${expiresAt}.${ctx.public.powBits}.${randomBytes(12).toString("base64url")}`;
  return {
    challenge: `${body}.${hmacHex(secret, body).slice(0, 32)}`,
    bits: ctx.public.powBits,
    expiresAt: new Date(expiresAt).toISOString(),
  };
}

export interface Work {
  challenge: string;
  nonce: string;
}

/** Checks the work and marks the challenge used inside the caller's transaction (a rollback frees it). */
export async function redeemWork(ctx: AppContext, tx: Db | Tx, work: Work): Promise<void> {
  const refuse = (reason: string) => new AppError("PROOF_OF_WORK_FAILED", { details: { reason } });
  const parts = work.challenge.split(".");
  if (parts.length !== 4) throw refuse("malformed");
  const [expires, bits, random, mac] = parts as [string, string, string, string];
  const secret = await instanceSecret(ctx.db, "proof-of-work");
  if (!tokensEqual(hmacHex(secret, `${expires}.${bits}.${random}`).slice(0, 32), mac)) throw refuse("forged");
  const expiresAt = Number(expires);
  if (!(expiresAt > ctx.clock().getTime())) throw refuse("expired");
  if (Number(bits) < ctx.public.powBits) throw refuse("too_easy");
  const hash = createHash("sha256").update(workInput(work.challenge, work.nonce)).digest();
  if (leadingZeroBits(hash) < Number(bits)) throw refuse("wrong_nonce");
  const used = await tx
    .insert(usedChallenges)
    .values({
      challengeHash: createHash("sha256").update(work.challenge).digest("hex"),
      expiresAt: new Date(expiresAt),
    })
    .onConflictDoNothing()
    .returning({ hash: usedChallenges.challengeHash });
  if (used.length === 0) throw refuse("reused");
}

export async function forgetExpiredChallenges(db: Db, now: Date): Promise<number> {
  const gone = await db
    .delete(usedChallenges)
    .where(lt(usedChallenges.expiresAt, now))
    .returning({ hash: usedChallenges.challengeHash });
  return gone.length;
}

/** Solves a challenge (tests, benchmarks; browsers run the widget's solver). */
export function solveChallenge(challenge: string, bits: number): string {
  for (let n = 0; ; n++) {
    const nonce = n.toString(36);
    if (leadingZeroBits(createHash("sha256").update(workInput(challenge, nonce)).digest()) >= bits) return nonce;
  }
}
