// A lock across processes on the database, as a lease: taken by inserting (or taking over an expired)
// row, released by deleting it. A holder that dies leaves a lease that simply runs out. Works the same on
// the embedded PGlite and on a PostgreSQL server.
import { randomUUID } from "node:crypto";
import { and, eq, lt, sql } from "drizzle-orm";
import type { Db } from "../client.js";
import { leaseLocks } from "../schema/index.js";

export type LeaseLock = <T>(name: string, run: () => T | PromiseLike<T>) => Promise<T>;

export function leaseLock(db: Db, options: { leaseMs?: number; waitMs?: number; pollMs?: number } = {}): LeaseLock {
  const leaseMs = options.leaseMs ?? 30_000;
  const waitMs = options.waitMs ?? 45_000;
  const pollMs = options.pollMs ?? 50;
  return async (name, run) => {
    const holder = randomUUID();
    const giveUpAt = Date.now() + waitMs;
    for (;;) {
      const now = new Date();
      const taken = await db
        .insert(leaseLocks)
        .values({ name, holder, until: new Date(now.getTime() + leaseMs) })
        .onConflictDoUpdate({
          target: leaseLocks.name,
          set: { holder, until: new Date(now.getTime() + leaseMs) },
          setWhere: lt(leaseLocks.until, sql`${now.toISOString()}::timestamptz`),
        })
        .returning({ holder: leaseLocks.holder });
      if (taken[0]?.holder === holder) break;
      if (Date.now() > giveUpAt) throw new Error(`lock "${name}" is still held after ${waitMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
    try {
      return await run();
    } finally {
      await db.delete(leaseLocks).where(and(eq(leaseLocks.name, name), eq(leaseLocks.holder, holder)));
    }
  };
}
