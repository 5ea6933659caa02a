// Rate limits of the citizen-facing endpoints, kept in the database so that every process counts the
// same events. Keys are the citizen session or a salted hash of the IP address (IPv6 by its /64, see
// domain/clientAddress.ts; the salt changes daily, so hashes of different days cannot be linked); rows
// are deleted after 7 days at the latest.
import { and, count, gte, lt, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.js";
import { publicRateEvents } from "../../db/schema/index.js";
import { throttleAddressOf } from "../../domain/clientAddress.js";
import { AppError } from "../../domain/errors.js";
import type { AppContext } from "../context.js";
import { hmacHex, instanceSecret } from "../security/instanceSecret.js";

export const RATE_EVENT_RETENTION_MS = 7 * 24 * 3_600_000;

export interface RateBucket {
  key: string;
  limit: number;
  windowMs: number;
}

/** The IP address (an IPv6 client's /64) as a salted hash; the address itself is never stored. */
export async function ipKey(ctx: AppContext, ip: string): Promise<string> {
  const secret = await instanceSecret(ctx.db, "ip-hash");
  const day = ctx.clock().toISOString().slice(0, 10);
  return hmacHex(secret, day, throttleAddressOf(ip)).slice(0, 40);
}

/**
 * Counts one event in every bucket, or refuses with RATE_LIMITED (and the seconds to wait) when any
 * bucket is full. Runs in the caller's transaction; an advisory lock per bucket makes it exact.
 */
export async function consumeRate(ctx: AppContext, tx: Db | Tx, buckets: readonly RateBucket[]): Promise<void> {
  const now = ctx.clock();
  for (const bucket of [...buckets].sort((a, b) => a.key.localeCompare(b.key))) {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${bucket.key}))`);
    const since = new Date(now.getTime() - bucket.windowMs);
    const [row] = await tx
      .select({ n: count(), oldest: sql<string | null>`min(${publicRateEvents.at})` })
      .from(publicRateEvents)
      .where(and(sql`${publicRateEvents.bucket} = ${bucket.key}`, gte(publicRateEvents.at, since)));
    if ((row?.n ?? 0) >= bucket.limit) {
      const oldest = row?.oldest ? new Date(row.oldest).getTime() : now.getTime();
      const retryAfterSeconds = Math.max(1, Math.ceil((oldest + bucket.windowMs - now.getTime()) / 1000));
      throw new AppError("RATE_LIMITED", { details: { retryAfterSeconds } });
    }
  }
  await tx.insert(publicRateEvents).values(buckets.map((b) => ({ bucket: b.key, at: now })));
}

export async function forgetOldRateEvents(db: Db, now: Date): Promise<number> {
  const gone = await db
    .delete(publicRateEvents)
    .where(lt(publicRateEvents.at, new Date(now.getTime() - RATE_EVENT_RETENTION_MS)))
    .returning({ id: publicRateEvents.id });
  return gone.length;
}
